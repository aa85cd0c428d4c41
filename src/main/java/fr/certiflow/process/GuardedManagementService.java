package fr.certiflow.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The engine's management service, except that only an administrator executes a job on demand (Cockpit's « retry
 * now »). The engine checks that permission inside the job's execution, so a refused call counted as a failure of the
 * job: three calls from any user who knew a timer's id used up its retries and stopped the process at an incident.
 * Refused here, before the job is touched. The job executor (no user) is not concerned.
 */
final class GuardedManagementService extends ManagementServiceImpl {

    private final ProcessEngineConfigurationImpl configuration;

    GuardedManagementService(ProcessEngineConfigurationImpl configuration) {
        super(configuration);
        this.configuration = configuration;
    }

    @Override
    public void executeJob(String jobId) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user != null && user.getUserId() != null
                && (user.getGroupIds() == null || !user.getGroupIds().contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN))) {
            UserCommandGuard.SECURITY.warn("Refused the execution of job {} to user {}", jobId, user.getUserId());
            throw new AuthorizationException("Seul un administrateur exécute une tâche technique à la demande.");
        }
        super.executeJob(jobId);
    }
}
