package fr.certiflow.process;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions a jury takes and the decision tables propose, with their French labels. The code ({@link #name()})
 * is what the database rows, the process variables, the forms and the DMN outputs hold: « VALIDE », « AJOURNE »…
 */
public enum Decision {

    VALIDE("Validé"),
    NON_VALIDE("Non validé"),
    AJOURNE("Ajourné"),
    ABSENT("Absent"),
    DELIVREE("Certification délivrée"),
    NON_DELIVREE("Certification non délivrée");

    /** What a composante's result may be (ComponentResult, or absent at the oral or at the submission deadline). */
    public static final Set<Decision> COMPONENT_RESULTS = EnumSet.of(VALIDE, NON_VALIDE, ABSENT);
    /** What a bloc jury may decide (the bloc-deliberation form), BlocResult proposing all but AJOURNE. */
    public static final Set<Decision> BLOC_DECISIONS = EnumSet.of(VALIDE, NON_VALIDE, AJOURNE, ABSENT);
    /** What the certification jury decides (CertificationResult). */
    public static final Set<Decision> CERTIFICATION_DECISIONS = EnumSet.of(DELIVREE, NON_DELIVREE);

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** The value stored and compared with, as today's rows and variables hold it. */
    public String code() {
        return name();
    }

    public String label() {
        return label;
    }

    /** Whether a stored value is this decision. */
    public boolean is(String code) {
        return name().equals(code);
    }

    public static Optional<Decision> ofCode(String code) {
        return Arrays.stream(values()).filter(decision -> decision.is(code)).findFirst();
    }

    /** The label of a stored value: « — » for none, the value itself for one Certiflow does not know. */
    public static String label(String code) {
        if (code == null) {
            return "—";
        }
        return ofCode(code).map(Decision::label).orElse(code);
    }
}
