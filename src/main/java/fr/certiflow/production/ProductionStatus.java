package fr.certiflow.production;

/** Where a production stands. */
public enum ProductionStatus {
    AWAITING_SUBMISSION,
    SUBMITTED,
    RETURNED,
    ADMISSIBLE,
    JURY_ASSIGNED,
    UNDER_EVALUATION,
    HARMONISATION,
    ASSESSED,
    ABSENT
}
