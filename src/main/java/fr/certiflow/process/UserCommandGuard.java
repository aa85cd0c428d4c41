package fr.certiflow.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine commands that no user runs, whatever their permissions, because each would let answers or decisions into a
 * process around its forms: completing a task without its form (its variables would go to the process instance),
 * ending a task with a BPMN error or escalation, starting a process directly with variables of one's choosing. A user
 * completes a task by submitting its form and creates a campaign with its start form; Certiflow's own code (no
 * authenticated user) is not concerned. Refused as an authorization failure (HTTP 403 from the engine's REST API).
 */
final class UserCommandGuard extends CommandInterceptor {

    /** Refused attempts on the record, one line each, whoever makes them (see README, « Security »). */
    static final Logger SECURITY = LoggerFactory.getLogger("fr.certiflow.security");

    private final ProcessEngineConfigurationImpl configuration;

    UserCommandGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user != null && user.getUserId() != null) {
            String refusal = refusal(command);
            if (refusal != null) {
                SECURITY.warn("Refused {} to user {}", command.getClass().getSimpleName(), user.getUserId());
                throw new AuthorizationException(refusal);
            }
        }
        return next.execute(command);
    }

    static String refusal(Command<?> command) {
        if (command instanceof CompleteTaskCmd) {
            return "Une tâche se termine en soumettant son formulaire, pas autrement.";
        }
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            return "Une tâche ne se termine pas par une erreur ou une escalade BPMN : soumettez son formulaire.";
        }
        if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
            return "Une campagne se crée avec le formulaire de démarrage de Tasklist ou se lance par l'API de Certiflow ; "
                    + "les autres processus sont démarrés par la campagne.";
        }
        return null;
    }
}
