package fr.certiflow.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.certiflow.process.FormIds;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.regex.Pattern;

/**
 * The evaluation form of a group's sitting on a collective composante: the juror evaluates every member in one task,
 * one section per member (the group's shared production and the member's own part of the oral), each section the
 * composante's evaluation form with the member's keys ({@code M2_A1_CR1_rating}) and a box « absent à la soutenance »
 * that hides the section's criteria. The form has as many sections as the règlement's largest group; the sections
 * beyond the group's size are hidden ({@code memberCount}, set on the task). Derived from the individual evaluation
 * form, so that both always ask the same.
 */
public final class GroupEvaluationForms {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern KEY = Pattern.compile("\\b([A-Za-z0-9]+_CR[0-9]+_[a-z]+)\\b");

    private GroupEvaluationForms() {
    }

    public static String formId(Regulation regulation, Component component) {
        return FormIds.groupEvaluation(regulation, component);
    }

    /** The key of a member's field: {@code M2_} before the individual form's key. */
    public static String memberKey(int member, String key) {
        return "M" + member + "_" + key;
    }

    public static String absentKey(int member) {
        return "M" + member + "_absent";
    }

    public static String memberLabelKey(int member) {
        return "member" + member + "Label";
    }

    public static String form(Referential referential, Regulation regulation, Component component) {
        JsonNode individual;
        try {
            individual = JSON.readTree(EvaluationForms.evaluationForm(referential, regulation, component));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode form = individual.deepCopy();
        form.put("id", formId(regulation, component));
        ArrayNode components = form.putArray("components");
        int criteria = component.criteria().size();
        components.add(text("Text_GroupHeader", "# Évaluation d'une production collective — " + component.code() + " "
                + component.title() + "\n\n**{{candidateLabel}}**\n\n"
                + "La production est celle du groupe ; chaque membre est évalué **individuellement**, sur la production "
                + "commune et sur sa propre part de la soutenance : une section par membre ci-dessous. Cochez « absent(e) "
                + "à la soutenance » pour un membre qui ne s'est pas présenté : il n'est pas évalué. "
                + "Vos évaluations restent invisibles des autres jurés jusqu'à la consolidation.\n\n"
                + EvaluationForms.sources(referential, regulation)));
        // What the production must contain, once at the top: the production is the group's, the same for every member.
        for (JsonNode field : individual.get("components")) {
            if (field.path("id").asText().equals("Text_RequiredContents")) {
                ObjectNode copy = (ObjectNode) field.deepCopy();
                copy.remove("conditional"); // hidden for a VAE candidate, who is never in a group
                components.add(copy);
            }
        }
        components.add(text("Text_Documents", "### Documents remis par le groupe\n\n{{documentsSummary}}\n\n{{gridLink}}"));
        for (int member = 1; member <= regulation.groups().maximumSize(); member++) {
            ObjectNode group = components.addObject();
            group.put("type", "group");
            group.put("id", "Group_Member" + member);
            group.put("showOutline", true);
            if (member > regulation.groups().minimumSize()) {
                group.putObject("conditional").put("hide", "=memberCount < " + member);
            }
            ArrayNode inner = group.putArray("components");
            inner.add(text("Text_Member" + member, "## {{" + memberLabelKey(member) + "}}"));
            ObjectNode absent = inner.addObject();
            absent.put("type", "checkbox");
            absent.put("id", "Checkbox_Absent" + member);
            absent.put("key", absentKey(member));
            absent.put("label", "Absent(e) à la soutenance");
            for (JsonNode field : individual.get("components")) {
                String id = field.path("id").asText();
                if (id.equals("Text_Header") || id.equals("Text_Route") || id.equals("Text_Production")
                        || id.equals("Text_Instructions") || id.equals("Text_Documents") || id.equals("Text_RequiredContents")) {
                    continue;
                }
                inner.add(memberField((ObjectNode) field.deepCopy(), member));
            }
        }
        try {
            return JSON.writeValueAsString(form) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A field of the individual form for this member: its own id and key, hidden when the member was absent. */
    private static ObjectNode memberField(ObjectNode field, int member) {
        field.put("id", field.path("id").asText() + "_M" + member);
        if (field.has("key")) {
            field.put("key", memberKey(member, field.get("key").asText()));
        }
        String absent = absentKey(member) + " = true";
        JsonNode conditional = field.path("conditional").path("hide");
        String hide = conditional.isTextual()
                ? "=(" + absent + ") or (" + KEY.matcher(conditional.asText().substring(1)).replaceAll("M" + member + "_$1") + ")"
                : "=" + absent;
        field.putObject("conditional").put("hide", hide);
        return field;
    }

    private static ObjectNode text(String id, String text) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "text");
        node.put("id", id);
        node.put("text", text);
        return node;
    }
}
