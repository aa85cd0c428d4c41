package fr.certiflow.campaign;

import java.time.Duration;
import java.time.Instant;

/** Aménagement d'épreuve: how a candidate's submission deadline is extended. */
public enum Accommodation {
    NONE,
    /** Tiers-temps: one third more of the submission period. */
    TIERS_TEMPS,
    /** A fixed number of days, given per candidate. */
    EXTENSION;

    /**
     * @param opensAt start of the submission period
     * @param deadline the campaign's deadline
     * @param extensionDays for {@link #EXTENSION}, the days granted
     */
    public Instant extend(Instant opensAt, Instant deadline, Integer extensionDays) {
        return switch (this) {
            case NONE -> deadline;
            case TIERS_TEMPS -> deadline.plus(Duration.between(opensAt, deadline).dividedBy(3));
            case EXTENSION -> deadline.plus(Duration.ofDays(extensionDays == null ? 0 : extensionDays));
        };
    }
}
