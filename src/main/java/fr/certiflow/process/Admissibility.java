package fr.certiflow.process;

/**
 * The coordinator's admissibility decision (the admissibility form's choice, the {@link Variables#ADMISSIBILITY}
 * variable the processes' gateways read). The code ({@link #name()}) is what the form submits.
 */
public enum Admissibility {

    RECEVABLE("Recevable"),
    A_RETOURNER("À retourner au candidat");

    private final String label;

    Admissibility(String label) {
        this.label = label;
    }

    public String code() {
        return name();
    }

    public String label() {
        return label;
    }

    public boolean is(Object value) {
        return name().equals(value);
    }
}
