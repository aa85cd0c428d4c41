package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.certiflow.campaign.Pathway;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The processes' vocabulary has one home, the {@code process} module: variable names ({@link Variables}), activity
 * ids ({@link ActivityIds}), process keys, message names, error codes and decision keys ({@link ProcessKeys}). The
 * rest of the code names them through these constants, never as string literals; and the BPMN, DMN and form files
 * speak the same vocabulary: the ids Java uses exist, conditions read known variables and compare them with the codes
 * of the decision enums ({@link Decision}, {@link Admissibility}, {@link GroupOutcome}), as EvaluationFormsTests does
 * for the generated forms.
 */
@Tag("unit")
class ProcessVocabularyTests {

    static final Path MAIN = Path.of("src/main/java/fr/certiflow");
    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern COMPARISON = Pattern.compile("([\\w.()']+)\\s*==\\s*'([^']*)'");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'])([a-zA-Z_]\\w*)(?![\\w(.'])");
    private static final Pattern READ_VARIABLE = Pattern.compile("getVariable\\('(\\w+)'\\)");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
            "execution", "task");

    /** What a condition may compare a value with: the codes of the enum that names its values. */
    private static final Map<String, Set<String>> CODES = Map.of(
            "admissibility", codes(Arrays.asList(Admissibility.values())),
            "groupOutcome", codes(Arrays.asList(GroupOutcome.values())),
            "blocDecision", codes(Decision.BLOC_DECISIONS),
            "componentResult", codes(Decision.COMPONENT_RESULTS),
            "blocProcess.pathway(execution)", Arrays.stream(Pathway.values()).map(Enum::name).collect(Collectors.toSet()));

    /** What each decision table may output, by its key. */
    private static final Map<String, Set<String>> DECISION_OUTPUTS = Map.of(
            ProcessKeys.DECISION_COMPONENT_RESULT, codes(Decision.COMPONENT_RESULTS),
            ProcessKeys.DECISION_BLOC_RESULT, codes(Decision.BLOC_DECISIONS),
            ProcessKeys.DECISION_CERTIFICATION_RESULT, codes(Decision.CERTIFICATION_DECISIONS));

    static List<BpmnModelInstance> processes;
    static List<DmnModelInstance> decisions;
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /**
     * Literals outside {@code process} that spell a variable's name but are not process variables: fields of the
     * API's requests and responses, of the console's forms and of the règlement's file, and a word shown to people.
     */
    private static final Map<String, Set<String>> NOT_VARIABLES = Map.of(
            "campaign/CampaignController.java", Set.of("campaignId"),
            "campaign/CampaignService.java", Set.of("referentialCode", "individualWorkAllowed", "reminderDays"),
            "console/ConsoleController.java", Set.of("referentialCode", "individualWorkAllowed"),
            "regulation/RegulationValidator.java", Set.of("admissibility"),
            "evaluation/EvaluationForms.java", Set.of("oral"));

    /** Literals outside {@code process} that spell a decision's code but name something else (a mail
     * template, production statuses). */
    private static final Map<String, Set<String>> NOT_DECISIONS = Map.of(
            "notification/MailTemplates.java", Set.of("RETURNED"),
            "documents/ProgressWorkbook.java", Set.of("RETURNED", "ASSESSED"));


    @BeforeAll
    static void readModels() throws IOException {
        processes = files(".bpmn").stream().map(Bpmn::readModelFromFile).toList();
        decisions = files(".dmn").stream().map(Dmn::readModelFromFile).toList();
    }

    private static List<File> files(String extension) throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(path -> path.toString().endsWith(extension)).sorted().map(Path::toFile).toList();
        }
    }

    private static Set<String> codes(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> variableNames() {
        return new HashSet<>(vocabulary(Variables.class).keySet());
    }

    /** Every constant of the vocabulary classes, value → where it lives. */
    static Map<String, String> vocabulary(Class<?>... homes) {
        Map<String, String> vocabulary = new LinkedHashMap<>();
        for (Class<?> home : homes) {
            for (Field field : home.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && Modifier.isPublic(modifiers)
                        && field.getType() == String.class) {
                    try {
                        vocabulary.put((String) field.get(null), home.getSimpleName() + "." + field.getName());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return vocabulary;
    }

    @Test
    void theVocabularyClassesNameEachValueOnce() {
        List<String> values = new ArrayList<>();
        for (Class<?> home : List.of(Variables.class, ActivityIds.class, ProcessKeys.class)) {
            values.addAll(vocabulary(home).keySet());
        }
        assertThat(values).doesNotHaveDuplicates().contains("campaignId", "Task_EvaluateProduction", "ProductionSubmitted");
    }

    @Test
    void noCodeOutsideTheProcessModuleSpellsAVariableNameOrAnIdAsALiteral() throws IOException {
        Map<String, String> vocabulary = vocabulary(Variables.class, ActivityIds.class, ProcessKeys.class);

        assertThat(literalsOutsideProcess(vocabulary, NOT_VARIABLES)).as("literals of the process vocabulary outside process/")
                .isEmpty();
    }

    @Test
    void noCodeOutsideTheProcessModuleSpellsADecisionAsALiteral() throws IOException {
        Map<String, String> codes = new LinkedHashMap<>();
        List.of(Decision.values(), Admissibility.values(), GroupOutcome.values()).forEach(values -> Arrays.stream(values)
                .forEach(value -> codes.put(value.name(), value.getDeclaringClass().getSimpleName() + "." + value.name())));

        assertThat(literalsOutsideProcess(codes, NOT_DECISIONS)).as("decision codes spelt outside process/").isEmpty();
    }

    /** Where the sources outside {@code process} spell one of the values (value → what to use instead). */
    private static List<String> literalsOutsideProcess(Map<String, String> values, Map<String, Set<String>> allowed)
            throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String module = MAIN.relativize(source).toString().replace('\\', '/');
                if (module.startsWith("process/")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher literal = STRING_LITERAL.matcher(lines.get(i));
                    while (literal.find()) {
                        String value = literal.group(1);
                        if (values.containsKey(value) && !allowed.getOrDefault(module, Set.of()).contains(value)) {
                            literals.add(module + ":" + (i + 1) + " \"" + value + "\" (use " + values.get(value) + ")");
                        }
                    }
                }
            }
        }
        return literals;
    }

    @Test
    void everyIdKeyMessageAndErrorCodeUsedFromJavaExistsInTheModels() {
        Set<String> ids = new HashSet<>();
        Set<String> messages = new HashSet<>();
        Set<String> errorCodes = new HashSet<>();
        for (BpmnModelInstance process : processes) {
            process.getModelElementsByType(BaseElement.class).forEach(element -> ids.add(element.getId()));
            process.getModelElementsByType(Message.class).forEach(message -> messages.add(message.getName()));
            process.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class)
                    .forEach(error -> errorCodes.add(error.getErrorCode()));
        }
        Set<String> decisionKeys = new HashSet<>();
        decisions.forEach(model -> model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                .forEach(decision -> decisionKeys.add(decision.getId())));

        assertThat(ids).containsAll(vocabulary(ActivityIds.class).keySet())
                .contains(ProcessKeys.CAMPAIGN, ProcessKeys.BLOC_ASSESSMENT, ProcessKeys.PRODUCTION_ASSESSMENT,
                        ProcessKeys.GROUP_ASSESSMENT);
        assertThat(messages).containsExactlyInAnyOrder(ProcessKeys.MESSAGE_PRODUCTION_SUBMITTED, ProcessKeys.MESSAGE_GROUP_SITTING_DONE);
        assertThat(errorCodes).containsExactly(ProcessKeys.ERROR_NO_ELIGIBLE_JUROR);
        assertThat(decisionKeys).containsExactlyInAnyOrderElementsOf(DECISION_OUTPUTS.keySet());
    }

    @Test
    void conditionsTimersAndMappingsReadOnlyKnownVariables() {
        List<String> unknown = new ArrayList<>();
        for (BpmnModelInstance process : processes) {
            Set<String> known = variableNames();
            process.getModelElementsByType(MultiInstanceLoopCharacteristics.class)
                    .forEach(loop -> known.add(loop.getCamundaElementVariable()));
            List<String> expressions = new ArrayList<>();
            process.getModelElementsByType(ConditionExpression.class).forEach(condition -> expressions.add(condition.getTextContent()));
            process.getModelElementsByType(TimeDate.class).forEach(timer -> expressions.add(timer.getTextContent()));
            for (UserTask task : process.getModelElementsByType(UserTask.class)) {
                expressions.add(task.getCamundaAssignee());
                expressions.add(task.getCamundaDueDate());
                expressions.add(task.getAttributeValueNs(CAMUNDA, "formRef"));
            }
            for (CamundaIn in : process.getModelElementsByType(CamundaIn.class)) {
                expressions.add(in.getCamundaSourceExpression());
                expressions.add(in.getCamundaBusinessKey());
                if (in.getCamundaSource() != null && !known.contains(in.getCamundaSource())) {
                    unknown.add("camunda:in source " + in.getCamundaSource());
                }
                if (in.getCamundaTarget() != null && !known.contains(in.getCamundaTarget())) {
                    unknown.add("camunda:in target " + in.getCamundaTarget());
                }
            }
            for (BusinessRuleTask rule : process.getModelElementsByType(BusinessRuleTask.class)) {
                if (!known.contains(rule.getCamundaResultVariable())) {
                    unknown.add("result variable " + rule.getCamundaResultVariable() + " of " + rule.getId());
                }
            }
            for (String text : expressions) {
                for (String name : variablesRead(text)) {
                    if (!known.contains(name)) {
                        unknown.add(name + " in " + text);
                    }
                }
            }
        }
        assertThat(unknown).as("variables the BPMN reads that process/Variables does not name").isEmpty();
        assertThat(variablesRead("${execution.getVariable('vaeSitting') == true && oral}"))
                .as("the reader of expressions itself").containsExactlyInAnyOrder("vaeSitting", "oral");
    }

    /** The variables an expression reads: bare identifiers (not beans, not methods) and getVariable('…') arguments. */
    static Set<String> variablesRead(String text) {
        Set<String> names = new HashSet<>();
        if (text == null) {
            return names;
        }
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = expression.group(1);
            Matcher read = READ_VARIABLE.matcher(body);
            while (read.find()) {
                names.add(read.group(1));
            }
            Matcher identifier = IDENTIFIER.matcher(body.replaceAll("'[^']*'", "''"));
            while (identifier.find()) {
                if (!EL_WORDS.contains(identifier.group(1))) {
                    names.add(identifier.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void everyValueAConditionComparesWithIsACodeOfItsEnum() {
        List<String> comparisons = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (BpmnModelInstance process : processes) {
            for (SequenceFlow flow : process.getModelElementsByType(SequenceFlow.class)) {
                if (flow.getConditionExpression() == null) {
                    continue;
                }
                Matcher comparison = COMPARISON.matcher(flow.getConditionExpression().getTextContent());
                while (comparison.find()) {
                    String left = comparison.group(1);
                    comparisons.add(left);
                    Set<String> codes = CODES.get(left);
                    if (codes == null || !codes.contains(comparison.group(2))) {
                        wrong.add(flow.getId() + ": " + left + " == '" + comparison.group(2) + "' (codes: " + codes + ")");
                    }
                }
            }
        }
        assertThat(comparisons).contains("admissibility", "groupOutcome", "blocDecision");
        assertThat(wrong).isEmpty();
    }

    @Test
    void decisionTablesReadKnownVariablesAndOutputTheCodesOfTheirEnum() {
        Set<String> calledFromBpmn = new HashSet<>();
        processes.forEach(process -> process.getModelElementsByType(BusinessRuleTask.class)
                .forEach(rule -> calledFromBpmn.add(rule.getCamundaDecisionRef())));
        assertThat(calledFromBpmn).containsExactlyInAnyOrder(ProcessKeys.DECISION_COMPONENT_RESULT, ProcessKeys.DECISION_BLOC_RESULT);
        for (DmnModelInstance model : decisions) {
            for (org.camunda.bpm.model.dmn.instance.Decision decision
                    : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)) {
                Set<String> outputs = new HashSet<>();
                decision.getModelInstance().getModelElementsByType(OutputEntry.class)
                        .forEach(entry -> outputs.add(entry.getText().getTextContent().replace("\"", "").strip()));
                assertThat(outputs).as(decision.getId()).isNotEmpty().isSubsetOf(DECISION_OUTPUTS.get(decision.getId()));
                for (InputExpression input : decision.getModelInstance().getModelElementsByType(InputExpression.class)) {
                    Set<String> read = new HashSet<>(Arrays.asList(input.getText().getTextContent().split("[^\\w]+")));
                    read.removeIf(String::isBlank);
                    assertThat(variableNames()).as("inputs of %s", decision.getId()).containsAll(read);
                }
                if (calledFromBpmn.contains(decision.getId())) {
                    decision.getModelInstance().getModelElementsByType(Output.class).forEach(output ->
                            assertThat(variableNames()).as("output of %s", decision.getId()).contains(output.getName()));
                }
            }
        }
    }

    @Test
    void formRefsNameAFormAndTheHandWrittenFormsFieldsAreKnownVariables() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> formIds = new HashSet<>();
        try (Stream<Path> forms = Files.list(FORMS)) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
                formIds.add(json.readTree(form.toFile()).path("id").asText());
            }
        }
        Set<String> hadFormKeys = new HashSet<>();
        for (BpmnModelInstance process : processes) {
            for (BaseElement element : process.getModelElementsByType(BaseElement.class)) {
                String formRef = element.getAttributeValueNs(CAMUNDA, "formRef");
                if (element instanceof UserTask) {
                    assertThat(formRef).as("form of %s", element.getId()).isNotNull();
                }
                if (formRef == null) {
                    continue;
                }
                if (formRef.startsWith("${")) {
                    assertThat(variablesRead(formRef)).as("form of %s", element.getId()).isNotEmpty()
                            .isSubsetOf(variableNames());
                } else {
                    assertThat(formIds).as("form of %s", element.getId()).contains(formRef);
                    hadFormKeys.add(formRef);
                }
            }
        }
        Set<String> generated = Set.of("evaluation-", "group-evaluation-", "harmonisation-");
        try (Stream<Path> forms = Files.list(FORMS)) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
                String name = form.getFileName().toString();
                if (generated.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                List<JsonNode> fields = new ArrayList<>();
                collect(json.readTree(form.toFile()), fields);
                for (JsonNode field : fields) {
                    for (String key : List.of("key", "valuesKey")) {
                        if (field.hasNonNull(key)) {
                            assertThat(variableNames()).as("%s of a field in %s", key, name).contains(field.get(key).asText());
                        }
                    }
                    Set<String> codes = CODES.get(field.path("key").asText());
                    if (codes != null) {
                        field.path("values").forEach(value ->
                                assertThat(codes).as("choices of %s in %s", field.get("key").asText(), name)
                                        .contains(value.path("value").asText()));
                    }
                }
            }
        }
        assertThat(hadFormKeys).contains("admissibility", "bloc-deliberation", "campaign-start");
    }

    private static void collect(JsonNode node, List<JsonNode> fields) {
        for (JsonNode component : node.path("components")) {
            fields.add(component);
            collect(component, fields);
        }
    }
}
