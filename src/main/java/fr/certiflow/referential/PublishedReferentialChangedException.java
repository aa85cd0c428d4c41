package fr.certiflow.referential;

import fr.certiflow.referential.model.InvalidReferentialException;
import fr.certiflow.referential.model.Problem;
import java.time.Instant;
import java.util.List;

/** A file redefines a référentiel version that is already published with other content. */
public class PublishedReferentialChangedException extends InvalidReferentialException {

    PublishedReferentialChangedException(String source, String code, int version, String registeredFrom,
            Instant registeredAt) {
        super(source, List.of(new Problem("référentiel " + code + " version " + version,
                "differs from the version published from '" + registeredFrom + "' on " + registeredAt
                        + "; a published version never changes, since campaigns rely on it: give the edited"
                        + " référentiel a new version number")));
    }
}
