package fr.certiflow.referential;

import fr.certiflow.referential.model.InvalidReferentialException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid référentiel at start into a short report that names the file, the element and the problem. */
class ReferentialFailureAnalyzer extends AbstractFailureAnalyzer<InvalidReferentialException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidReferentialException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the file named above, or point certiflow.referentials.locations at other folders. "
                        + "A published version never changes: to edit a référentiel, raise its version number.",
                cause);
    }
}
