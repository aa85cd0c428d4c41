package fr.certiflow.referential.model;

/** One thing wrong in a référentiel file: the element it concerns (a code or a path) and what is wrong. */
public record Problem(String element, String message) {

    @Override
    public String toString() {
        return element + ": " + message;
    }
}
