package fr.certiflow.evaluation;

import java.util.Optional;

/** A juror's rating of one criterion. */
public enum Rating {
    ACQUIS("Acquis"),
    NON_ACQUIS("Non acquis");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Rating> parse(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().strip();
        for (Rating rating : values()) {
            if (rating.name().equalsIgnoreCase(text) || rating.label.equalsIgnoreCase(text)) {
                return Optional.of(rating);
            }
        }
        return Optional.empty();
    }
}
