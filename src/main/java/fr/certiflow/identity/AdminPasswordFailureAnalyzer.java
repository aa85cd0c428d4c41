package fr.certiflow.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variable CERTIFLOW_ADMIN_PASSWORD (property certiflow.admin.password) to a "
                        + "password of at least " + IdentityBootstrap.MIN_PASSWORD_LENGTH + " characters, or run "
                        + "with the demo profile on the embedded database to try Certiflow.",
                cause);
    }
}
