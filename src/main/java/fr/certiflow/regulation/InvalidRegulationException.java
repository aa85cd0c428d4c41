package fr.certiflow.regulation;

import fr.certiflow.referential.model.InvalidFileException;
import fr.certiflow.referential.model.Problem;
import java.util.List;

/** A règlement file that cannot be used: every problem found, with the file it was found in. */
public class InvalidRegulationException extends InvalidFileException {

    public InvalidRegulationException(String source, List<Problem> problems) {
        super("Règlement", source, problems);
    }
}
