package fr.certiflow.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/** Reads values as Tasklist's forms submit them: strings, or JSON (Spin) arrays for checklists. */
final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormValues() {
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SpinJsonNode node) {
            return node.isString() ? node.stringValue() : node.toString();
        }
        return value.toString();
    }

    /** A checklist's values as indicator ranks; values that are not ranks are kept as -1 so that they are refused. */
    static List<Integer> ranks(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(element -> items.add(element.isString() ? element.stringValue() : element.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item)));
        } else if (value instanceof String text && !text.isBlank()) {
            String trimmed = text.strip();
            if (trimmed.startsWith("[")) {
                try {
                    JSON.readValue(trimmed, new TypeReference<List<Object>>() { }).forEach(item -> items.add(String.valueOf(item)));
                } catch (Exception e) {
                    items.add(trimmed);
                }
            } else {
                for (String part : trimmed.split(",")) {
                    items.add(part.strip());
                }
            }
        }
        List<Integer> ranks = new ArrayList<>();
        for (String item : items) {
            String digits = item.startsWith("I") ? item.substring(1) : item;
            try {
                ranks.add(Integer.valueOf(digits));
            } catch (NumberFormatException e) {
                ranks.add(-1);
            }
        }
        return ranks;
    }
}
