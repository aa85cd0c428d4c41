package fr.certiflow.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs what keeps users' hands off the process record: {@link FormSubmissions} on every deployed process,
 * {@link UserCommandGuard} in front of every engine command, and {@link GuardedManagementService}. Task permissions
 * themselves are the engine's ({@code defaultUserPermissionNameForTask: TASK_WORK}, application.yaml): an assignee or
 * candidate group may claim and submit its task, not reassign it, release it, nor write its variables.
 */
@Component
class EngineIntegrity extends AbstractProcessEnginePlugin {

    private final ObjectProvider<SubmissionCheck> checks;
    private volatile Map<String, SubmissionCheck> byTask;

    EngineIntegrity(ObjectProvider<SubmissionCheck> checks) {
        this.checks = checks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new FormSubmissions(this::check));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new UserCommandGuard(configuration));
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new UserCommandGuard(configuration));
        configuration.setManagementService(new GuardedManagementService(configuration));
    }

    /** The checks are task listeners with dependencies of their own: looked up at the first submission, not at start. */
    private SubmissionCheck check(String taskDefinitionKey) {
        Map<String, SubmissionCheck> known = byTask;
        if (known == null) {
            Map<String, SubmissionCheck> found = new HashMap<>();
            checks.orderedStream().forEach(check -> check.taskDefinitionKeys().forEach(key -> {
                if (found.put(key, check) != null) {
                    throw new IllegalStateException("Two submission checks for user task " + key);
                }
            }));
            byTask = known = Map.copyOf(found);
        }
        return known.get(taskDefinitionKey);
    }
}
