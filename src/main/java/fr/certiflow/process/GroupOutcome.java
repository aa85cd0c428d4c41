package fr.certiflow.process;

/**
 * What a sitting says of one of its members ({@link Variables#GROUP_OUTCOME}), as the production process's gateway
 * after « Attendre la séance » reads it. The code ({@link #name()}) is the variable's value.
 */
public enum GroupOutcome {

    ASSESSED("Évaluée à la séance"),
    ABSENT("Absent à la soutenance"),
    RETURNED("Renvoyée au groupe");

    private final String label;

    GroupOutcome(String label) {
        this.label = label;
    }

    public String code() {
        return name();
    }

    public String label() {
        return label;
    }
}
