package fr.certiflow.campaign;

import fr.certiflow.regulation.Regulation;
import java.time.Duration;
import java.time.Instant;

/** Aménagement d'épreuve: how a candidate's submission deadline is extended. */
public enum Accommodation {
    NONE,
    /** Tiers-temps: the share of the submission period the règlement adds (a third in MMDC v1's). */
    TIERS_TEMPS,
    /** A fixed number of days, given per candidate. */
    EXTENSION;

    /**
     * @param opensAt start of the submission period
     * @param deadline the campaign's deadline
     * @param extensionDays for {@link #EXTENSION}, the days granted
     * @param tiersTemps for {@link #TIERS_TEMPS}, the règlement's share of the period
     */
    public Instant extend(Instant opensAt, Instant deadline, Integer extensionDays, Regulation.PeriodShare tiersTemps) {
        return switch (this) {
            case NONE -> deadline;
            case TIERS_TEMPS -> tiersTemps.extend(opensAt, deadline);
            case EXTENSION -> deadline.plus(Duration.ofDays(extensionDays == null ? 0 : extensionDays));
        };
    }
}
