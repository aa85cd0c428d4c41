package fr.certiflow.production;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.process.Variables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What a production must contain, from the référentiel (« comprenant : … »), as the admissibility checklist: one
 * option per item, valued by its rank (« 1 », « 2 », …); the coordinator ticks the items present. A VAE candidate is
 * assessed on the règlement's dossier, not on the production the référentiel describes: no items.
 */
public record RequiredContents(List<String> items) {


    private static final ObjectMapper JSON = new ObjectMapper();

    public RequiredContents {
        items = List.copyOf(items);
    }

    public static RequiredContents of(AssessmentRoute route) {
        return new RequiredContents(route.vae() ? List.of() : route.component().assessment().contents());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The options of the checklist, as Tasklist's form reads them. */
    public TypedValue options() {
        ArrayNode options = JSON.createArrayNode();
        for (int i = 0; i < items.size(); i++) {
            options.addObject().put("label", items.get(i)).put("value", String.valueOf(i + 1));
        }
        return SpinValues.jsonValue(options.toString()).create();
    }

    /** Every option of a checklist ticked: the value of {@link #Variables.REQUIRED_CONTENTS_PRESENT} for a production that contains everything. */
    public static TypedValue allTicked(Object options) {
        ArrayNode ranks = JSON.createArrayNode();
        if (options != null) {
            try {
                JSON.readTree(options instanceof SpinJsonNode spin ? spin.toString() : options.toString())
                        .forEach(option -> ranks.add(option.path("value").asText()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("Unreadable checklist options", e);
            }
        }
        return SpinValues.jsonValue(ranks.toString()).create();
    }

    /**
     * The items not ticked present, in the référentiel's order.
     *
     * @throws RefusedException when the checklist's value is not a list of the items' ranks
     */
    public List<String> missing(Object present) {
        Set<Integer> ranks = new LinkedHashSet<>();
        for (String value : values(present)) {
            int rank;
            try {
                rank = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                rank = -1;
            }
            if (rank < 1 || rank > items.size()) {
                throw new RefusedException("Contenu attendu inconnu : « " + value + " ». Cochez les éléments de la liste"
                        + " présents dans la production.");
            }
            ranks.add(rank);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!ranks.contains(i + 1)) {
                missing.add(items.get(i));
            }
        }
        return missing;
    }

    /** The list as markdown, for the forms of coordinators and jurors. */
    public String markdown() {
        StringBuilder text = new StringBuilder();
        for (String item : items) {
            text.append("- ").append(item).append('\n');
        }
        return text.toString();
    }

    /** The missing items as the candidate reads them in the return mail; empty when nothing is missing. */
    public static String describeMissing(List<String> missing) {
        if (missing.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Éléments attendus par le référentiel et absents de votre production :\n");
        missing.forEach(item -> text.append("- ").append(item).append('\n'));
        return text.toString();
    }

    private static List<String> values(Object value) {
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (value instanceof java.util.Collection<?> collection) {
            collection.forEach(item -> values.add(String.valueOf(item)));
            return values;
        }
        String text = value instanceof SpinJsonNode spin ? spin.toString() : value.toString();
        try {
            var node = JSON.readTree(text);
            if (!node.isArray()) {
                throw new RefusedException("Le champ « Contenus présents » attend une liste.");
            }
            node.forEach(item -> values.add(item.isTextual() ? item.asText() : item.toString()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RefusedException("Le champ « Contenus présents » est illisible : une liste est attendue.");
        }
        return values;
    }
}
