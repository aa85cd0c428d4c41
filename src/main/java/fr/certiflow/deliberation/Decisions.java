package fr.certiflow.deliberation;

/** The decisions a jury takes, as stored and as the forms submit them. */
public final class Decisions {

    public static final String VALIDE = "VALIDE";
    public static final String NON_VALIDE = "NON_VALIDE";
    public static final String AJOURNE = "AJOURNE";
    public static final String ABSENT = "ABSENT";
    public static final String DELIVREE = "DELIVREE";
    public static final String NON_DELIVREE = "NON_DELIVREE";

    private Decisions() {
    }

    public static String label(String decision) {
        if (decision == null) {
            return "—";
        }
        return switch (decision) {
            case VALIDE -> "Validé";
            case NON_VALIDE -> "Non validé";
            case AJOURNE -> "Ajourné";
            case ABSENT -> "Absent";
            case DELIVREE -> "Certification délivrée";
            case NON_DELIVREE -> "Certification non délivrée";
            default -> decision;
        };
    }
}
