package fr.certiflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The input fields of the Camunda Forms deployed with a process: what a form submission may contain. Read from the
 * deployment's own {@code .form} resources (the forms are bound to their deployment), once per deployment.
 */
final class DeployedForms {

    /** A form's input field: its key, and whether its value is a list (checklist, tag list). */
    record Field(String key, boolean list) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LIST_TYPES = Set.of("checklist", "taglist");

    private final Map<String, Map<String, List<Field>>> byDeployment = new ConcurrentHashMap<>();

    /**
     * The fields of the form a task or start event shows; none when it shows no Camunda Form.
     *
     * @param scope the task or process instance the form reference is evaluated against ({@code ${evaluationFormId}})
     */
    List<Field> fields(FormDefinition form, VariableScope scope, String deploymentId) {
        if (form == null || form.getCamundaFormDefinitionKey() == null) {
            return List.of();
        }
        if (!"deployment".equals(form.getCamundaFormDefinitionBinding())) {
            throw new IllegalStateException("Certiflow's forms are bound to their deployment, not '"
                    + form.getCamundaFormDefinitionBinding() + "'");
        }
        String formId = (String) form.getCamundaFormDefinitionKey().getValue(scope);
        List<Field> fields = byDeployment.computeIfAbsent(deploymentId, DeployedForms::read).get(formId);
        if (fields == null) {
            throw new IllegalStateException("Form " + formId + " is not in deployment " + deploymentId);
        }
        return fields;
    }

    /** Every form of the deployment by its id. Runs inside the engine command that needs it. */
    private static Map<String, List<Field>> read(String deploymentId) {
        Map<String, List<Field>> forms = new HashMap<>();
        for (ResourceEntity resource : Context.getCommandContext().getResourceManager().findResourcesByDeploymentId(deploymentId)) {
            if (resource.getName().endsWith(".form")) {
                JsonNode form = parse(resource);
                forms.put(form.path("id").asText(), fields(form));
            }
        }
        return Map.copyOf(forms);
    }

    private static JsonNode parse(ResourceEntity resource) {
        try {
            return JSON.readTree(resource.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Form " + resource.getName() + " is not JSON", e);
        }
    }

    /**
     * The keyed components of a form, nested ones included. A component with a {@code path} (a group or a dynamic
     * list) submits one value under that path, so its own children are not fields of their own.
     */
    static List<Field> fields(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return List.copyOf(fields);
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.add(new Field(component.get("key").asText(), LIST_TYPES.contains(component.path("type").asText())));
            } else if (component.hasNonNull("path") && !component.get("path").asText().isEmpty()) {
                fields.add(new Field(component.get("path").asText().split("\\.")[0], true));
            } else {
                collect(component.path("components"), fields);
            }
        }
    }
}
