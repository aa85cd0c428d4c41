package fr.certiflow.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.certiflow.process.FormIds;
import fr.certiflow.process.Variables;
import fr.certiflow.referential.model.Competence;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.Assessment;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Camunda Forms of the evaluation and the harmonisation of each composante, generated from the référentiel (the
 * criteria and indicators) and its règlement (the scale, the decision rule), so that a form never drifts from either:
 * one form per composante and règlement version. The forms live in forms/ ({@link FormGenerator} writes
 * them; a test fails when they differ from what the référentiel gives). Field keys are shared with the task
 * listeners that read what the forms submit.
 */
public final class EvaluationForms {

    public static final String SCHEMA_VERSION = "16";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EvaluationForms() {
    }

    public static String evaluationFormId(Regulation regulation, Component component) {
        return FormIds.evaluation(regulation, component);
    }

    public static String harmonisationFormId(Regulation regulation, Component component) {
        return FormIds.harmonisation(regulation, component);
    }

    /** Where the form's content comes from: the référentiel for what is assessed, the règlement for how it is decided. */
    static String sources(Referential referential, Regulation regulation) {
        return "*Critères et indicateurs : référentiel " + referential.code() + " v" + referential.version()
                + ". Échelle d'appréciation et règle de décision : " + regulation.title() + " (composante validée avec "
                + regulation.component().describe() + ").*";
    }

    /** "A.1-CR2" gives "A1_CR2": a key FEEL and Camunda variable names accept. */
    static String keyBase(Criterion criterion) {
        return criterion.code().replaceAll("[^A-Za-z0-9]+", "_").replace("A_", "A").replaceAll("^_|_$", "")
                .replaceAll("_+", "_").replaceFirst("^(\\d)", "C$1");
    }

    public static String ratingKey(Criterion criterion) {
        return keyBase(criterion) + "_rating";
    }

    public static String indicatorsKey(Criterion criterion) {
        return keyBase(criterion) + "_indicators";
    }

    public static String commentKey(Criterion criterion) {
        return keyBase(criterion) + "_comment";
    }

    /** The optional remark of a criterion rated Acquis (the form shows it instead of the required comment). */
    public static String remarkKey(Criterion criterion) {
        return keyBase(criterion) + "_remark";
    }

    public static String agreedKey(Criterion criterion) {
        return keyBase(criterion) + "_agreed";
    }

    /** Every key a juror's evaluation form submits. */
    public static List<String> evaluationKeys(Component component) {
        List<String> keys = new ArrayList<>();
        for (Criterion criterion : component.criteria()) {
            keys.add(ratingKey(criterion));
            keys.add(indicatorsKey(criterion));
            keys.add(commentKey(criterion));
            keys.add(remarkKey(criterion));
        }
        return keys;
    }

    public static String evaluationForm(Referential referential, Regulation regulation, Component component) {
        Regulation.Scale scale = regulation.scale();
        Map<String, Competence> competences = component.competences().stream()
                .collect(Collectors.toMap(Competence::code, Function.identity()));
        ArrayNode components = NODES.arrayNode();
        components.add(text("Text_Header", "# Évaluation — " + component.code() + " " + component.title() + "\n\n"
                + "**{{candidateLabel}}**"));
        // A VAE candidate is assessed on the règlement's dossier and interview, not on the référentiel's production:
        // the form says so first (task variables vaeRoute, route, vaeModality, set on a VAE candidate's task).
        ObjectNode route = text("Text_Route", "**Parcours : {{route}}** — le candidat est évalué sur {{vaeModality}}, "
                + "sur les critères et indicateurs du référentiel ci-dessous.");
        route.putObject("conditional").put("hide", "=vaeRoute != true");
        components.add(route);
        ObjectNode production = text("Text_Production", "**Production :** " + describe(component.assessment()));
        production.putObject("conditional").put("hide", "=vaeRoute = true");
        components.add(production);
        components.add(text("Text_Instructions", "Pour chaque critère, choisissez une appréciation (" + scale.choices() + "), cochez les indicateurs "
                + "observés et commentez. Le commentaire est **obligatoire** lorsqu'un critère n'est pas acquis ("
                + scale.notAcquiredLevels().stream().map(Regulation.Level::label).collect(Collectors.joining(", "))
                + "). Votre évaluation reste invisible des autres jurés jusqu'à la consolidation.\n\n"
                + sources(referential, regulation)));
        // The référentiel's required contents are the production's; a VAE dossier has no checklist.
        requiredContents(component.assessment()).ifPresent(contents -> {
            contents.putObject("conditional").put("hide", "=vaeRoute = true");
            components.add(contents);
        });
        components.add(text("Text_Documents", "### Documents remis\n\n{{documentsSummary}}\n\n{{gridLink}}"));
        int number = 1;
        for (Criterion criterion : component.criteria()) {
            String id = keyBase(criterion);
            StringBuilder header = new StringBuilder("## Critère " + number + " — " + criterion.title() + "\n\n*"
                    + criterion.relation() + "*\n\n");
            for (String code : criterion.competences()) {
                Competence competence = competences.get(code);
                header.append("- **").append(code).append("** ").append(competence == null ? "" : competence.text()).append('\n');
            }
            components.add(text("Text_" + id, header.toString()));
            ObjectNode rating = field("radio", "Radio_" + id, ratingKey(criterion), "Appréciation du critère " + number);
            rating.set("values", ratings(scale));
            rating.putObject("validate").put("required", true);
            components.add(rating);
            // Each indicator labelled with its own text, so the juror never matches numbers against a list.
            ObjectNode indicators = field("checklist", "Checklist_" + id, indicatorsKey(criterion), "Indicateurs observés (critère " + number + ")");
            ArrayNode values = indicators.putArray("values");
            for (int i = 0; i < criterion.indicators().size(); i++) {
                values.addObject().put("label", capitalise(criterion.indicators().get(i))).put("value", String.valueOf(i + 1));
            }
            components.add(indicators);
            // One key per field: the required comment shows when the level chosen is not an acquired one, the
            // optional remark otherwise. Hidden fields are neither validated nor submitted.
            String notAcquired = scale.notAcquiredLevels().stream()
                    .map(level -> ratingKey(criterion) + " = \"" + level.code() + "\"").collect(Collectors.joining(" or "));
            String noneNotAcquired = scale.notAcquiredLevels().stream()
                    .map(level -> ratingKey(criterion) + " != \"" + level.code() + "\"").collect(Collectors.joining(" and "));
            ObjectNode comment = field("textarea", "Textarea_" + id, commentKey(criterion), "Commentaire sur le critère " + number + " (obligatoire)");
            comment.put("description", "Expliquez pourquoi le critère n'est pas acquis (4000 caractères au plus).");
            comment.putObject("validate").put("required", true).put("maxLength", 4000);
            comment.putObject("conditional").put("hide", "=" + noneNotAcquired);
            components.add(comment);
            ObjectNode remark = field("textarea", "TextareaRemark_" + id, remarkKey(criterion), "Commentaire sur le critère " + number);
            remark.put("description", "Facultatif lorsque le critère est acquis (4000 caractères au plus).");
            remark.putObject("validate").put("maxLength", 4000);
            remark.putObject("conditional").put("hide", "=" + notAcquired);
            components.add(remark);
            number++;
        }
        return write(form(evaluationFormId(regulation, component), components));
    }

    public static String harmonisationForm(Referential referential, Regulation regulation, Component component) {
        ArrayNode components = NODES.arrayNode();
        components.add(text("Text_Header", "# Harmonisation — " + component.code() + " " + component.title() + "\n\n"
                + "**{{candidateLabel}}**\n\n"
                + "Les jurés divergent sur au moins un critère. Voici leurs évaluations, critère par critère ; retenez pour chaque "
                + "critère l'appréciation du jury et justifiez l'harmonisation.\n\n{{evaluationsSideBySide}}\n\n"
                + "### Documents remis\n\n{{documentsSummary}}\n\n" + sources(referential, regulation)));
        int number = 1;
        for (Criterion criterion : component.criteria()) {
            ObjectNode agreed = field("radio", "Radio_" + keyBase(criterion), agreedKey(criterion),
                    "Critère " + number++ + " — " + criterion.title() + " : appréciation retenue");
            agreed.set("values", ratings(regulation.scale()));
            agreed.putObject("validate").put("required", true);
            components.add(agreed);
        }
        ObjectNode comment = field("textarea", "Textarea_HarmonisationComment", Variables.HARMONISATION_COMMENT,
                "Justification de l'harmonisation");
        comment.put("description", "Obligatoire : elle figure au procès-verbal.");
        comment.putObject("validate").put("required", true).put("maxLength", 4000);
        components.add(comment);
        return write(form(harmonisationFormId(regulation, component), components));
    }

    /**
     * What the production must contain (the référentiel's « comprenant : … »), the list the coordinator checked at
     * admissibility; none when the référentiel lists nothing.
     */
    static java.util.Optional<ObjectNode> requiredContents(Assessment production) {
        if (production.contents().isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder list = new StringBuilder("### Contenu exigé par le référentiel\n\nLa production comprend :\n\n");
        production.contents().forEach(item -> list.append("- ").append(item).append('\n'));
        list.append("\nLa recevabilité a été vérifiée sur cette liste par le coordinateur.\n\n{{" + Variables.ADMISSIBILITY_NOTE + "}}");
        return java.util.Optional.of(text("Text_RequiredContents", list.toString()));
    }

    static String describe(Assessment production) {
        String format = production.formats().size() > 1 ? "écrit et oral"
                : production.hasOral() ? "oral" : "écrit";
        return production.name() + " (" + production.modality() + ", "
                + (production.collective() ? "travail collectif" : "travail individuel") + ", " + format + ")";
    }

    private static ArrayNode ratings(Regulation.Scale scale) {
        ArrayNode values = NODES.arrayNode();
        scale.levels().forEach(level -> values.addObject().put("label", level.label()).put("value", level.code()));
        return values;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static ObjectNode text(String id, String markdown) {
        ObjectNode text = NODES.objectNode();
        text.put("type", "text");
        text.put("id", id);
        text.put("text", markdown);
        return text;
    }

    private static ObjectNode field(String type, String id, String key, String label) {
        ObjectNode field = NODES.objectNode();
        field.put("type", type);
        field.put("id", id);
        field.put("key", key);
        field.put("label", label);
        return field;
    }

    private static ObjectNode form(String id, ArrayNode components) {
        ObjectNode form = NODES.objectNode();
        form.set("components", components);
        form.put("type", "default");
        form.put("id", id);
        form.put("executionPlatform", "Camunda Platform");
        form.put("executionPlatformVersion", "7.24.0");
        form.putObject("exporter").put("name", "Certiflow").put("version", "1");
        form.put("schemaVersion", Integer.parseInt(SCHEMA_VERSION));
        return form;
    }

    private static String write(ObjectNode form) {
        try {
            return JSON.writeValueAsString(form) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String slug(String code) {
        return FormIds.slug(code);
    }
}
