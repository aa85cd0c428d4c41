package fr.certiflow.process;

import fr.certiflow.errors.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A form submission is the only way a user's answers enter a process, and they stay on the task. Every user task's
 * form handler is replaced as the BPMN is parsed: a submission may carry the fields of the task's own form and nothing
 * else (an extra variable such as {@code productionId} is refused), the values are written as the task's local
 * variables (they never reach the process instance, whatever their names), and the task's {@link SubmissionCheck} runs
 * before the task completes. The start form of a process takes its form's fields only, in the same way.
 */
final class FormSubmissions extends AbstractBpmnParseListener {

    private final DeployedForms forms = new DeployedForms();
    private final Function<String, SubmissionCheck> checks;

    /** @param checks the submission check of a user task (by activity id), or null when it has none */
    FormSubmissions(Function<String, SubmissionCheck> checks) {
        this.checks = checks;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.setTaskFormHandler(new TaskFormSubmission(definition.getTaskFormHandler()));
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, this::declareListFields);
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (processDefinition.getStartFormHandler() != null) {
            processDefinition.setStartFormHandler(new StartFormSubmission(processDefinition.getStartFormHandler()));
        }
    }

    /**
     * Tasklist submits a checklist with the type of the variable it loaded with the form: a list field must exist as
     * a JSON value before the form opens, on the task itself.
     */
    private void declareListFields(DelegateTask delegate) {
        TaskEntity task = (TaskEntity) delegate;
        for (DeployedForms.Field field : fieldsOf(task)) {
            if (field.list() && !task.hasVariableLocal(field.key())) {
                task.setVariableLocal(field.key(), SpinValues.jsonValue("[]").create());
            }
        }
    }

    private List<DeployedForms.Field> fieldsOf(TaskEntity task) {
        return forms.fields(task.getTaskDefinition().getFormDefinition(), task, task.getProcessDefinition().getDeploymentId());
    }

    private static void refuseUnknown(VariableMap submitted, List<DeployedForms.Field> fields, String where) {
        Set<String> known = fields.stream().map(DeployedForms.Field::key).collect(Collectors.toSet());
        List<String> unknown = submitted.keySet().stream().filter(key -> !known.contains(key)).sorted().toList();
        if (!unknown.isEmpty()) {
            UserCommandGuard.SECURITY.warn("Refused a form submission with fields outside the form {}: {}", where, unknown);
            throw new SubmissionRefusedException("Champ(s) absent(s) du formulaire " + where + " : "
                    + String.join(", ", unknown) + ". Seuls les champs du formulaire sont acceptés.");
        }
    }

    /** A form handler that keeps the engine's for everything but the submission. */
    private abstract static class Delegating<H extends FormHandler> implements FormHandler {

        final H delegate;

        Delegating(H delegate) {
            this.delegate = delegate;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }
    }

    private final class TaskFormSubmission extends Delegating<TaskFormHandler> implements TaskFormHandler {

        TaskFormSubmission(TaskFormHandler delegate) {
            super(delegate);
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            return delegate.createTaskForm(task);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            TaskEntity task = (TaskEntity) variableScope;
            refuseUnknown(properties, fieldsOf(task), "de la tâche « " + task.getName() + " »");
            for (Map.Entry<String, Object> entry : properties.entrySet()) {
                task.setVariableLocal(entry.getKey(), properties.getValueTyped(entry.getKey()));
            }
            SubmissionCheck check = checks.apply(task.getTaskDefinitionKey());
            if (check == null) {
                throw new IllegalStateException("User task " + task.getTaskDefinitionKey() + " has no submission check");
            }
            try {
                try {
                    check.check(task);
                } catch (DomainException e) {
                    throw EngineErrors.formRefusal(null, e);
                }
            } catch (ProcessException refused) {
                // The reasons are the user's mistakes as often as attempts: the message only, no stack trace.
                UserCommandGuard.SECURITY.info("Refused the submission of task {} ({}) by {}: {}", task.getId(),
                        task.getTaskDefinitionKey(), TaskActors.current(task).map(user -> user.getUserId()).orElse(TaskActors.CERTIFLOW),
                        refused.getMessage());
                throw new SubmissionRefusedException(refused.getMessage());
            }
        }
    }

    private final class StartFormSubmission extends Delegating<StartFormHandler> implements StartFormHandler {

        StartFormSubmission(StartFormHandler delegate) {
            super(delegate);
        }

        @Override
        public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
            return delegate.createStartFormData(processDefinition);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            ExecutionEntity instance = (ExecutionEntity) variableScope;
            ProcessDefinitionEntity definition = instance.getProcessDefinition();
            FormDefinition form = definition.getStartFormDefinition();
            refuseUnknown(properties, forms.fields(form, instance, definition.getDeploymentId()),
                    "de démarrage de « " + definition.getName() + " »");
            delegate.submitFormVariables(properties, variableScope);
        }
    }
}
