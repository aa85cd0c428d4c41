package fr.certiflow.referential.model;

import java.util.List;

/** A référentiel file that cannot be used: every problem found, with the file it was found in. */
public class InvalidReferentialException extends InvalidFileException {

    public InvalidReferentialException(String source, List<Problem> problems) {
        super("Référentiel", source, problems);
    }
}
