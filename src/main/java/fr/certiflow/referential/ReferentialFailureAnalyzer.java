package fr.certiflow.referential;

import fr.certiflow.referential.model.InvalidFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid référentiel or règlement at start into a short report that names the file, the element and the
 * problem.
 */
class ReferentialFailureAnalyzer extends AbstractFailureAnalyzer<InvalidFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the file named above, or point certiflow.referentials.locations (référentiels) or "
                        + "certiflow.regulations.locations (règlements) at other folders. A published version never "
                        + "changes: to edit a référentiel or a règlement, raise its version number.",
                cause);
    }
}
