package fr.certiflow.process;

import fr.certiflow.referential.model.Component;
import fr.certiflow.regulation.Regulation;
import java.util.Locale;

/**
 * The ids of the generated evaluation forms (one per règlement and composante), as the processes name them in their
 * form keys: the production process sets them, the evaluation module generates the forms under them.
 */
public final class FormIds {

    private FormIds() {
    }

    public static String evaluation(Regulation regulation, Component component) {
        return "evaluation-" + regulation.slug() + "-" + slug(component.code());
    }

    public static String harmonisation(Regulation regulation, Component component) {
        return "harmonisation-" + regulation.slug() + "-" + slug(component.code());
    }

    /** The form a group's production is evaluated with, all its members on one form. */
    public static String groupEvaluation(Regulation regulation, Component component) {
        return "group-" + evaluation(regulation, component);
    }

    /** "A.1" gives "a-1". */
    public static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
