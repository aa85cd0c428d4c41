package fr.certiflow.production;

import fr.certiflow.process.ProcessException;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Glue between a group's members and their sitting (« Évaluation d'une production collective »), the rules in
 * {@link SittingMembers}: a member's production process joins the sitting (the first member starts its process), the
 * sitting names its members and hands each member's outcome back to the member's own process (message
 * {@value ProcessKeys#MESSAGE_GROUP_SITTING_DONE}). Every method is idempotent: a job may run again.
 */
@Service("groupSittings")
public class GroupSittings {

    private static final Logger log = LoggerFactory.getLogger(GroupSittings.class);

    private final SittingMembers members;
    private final ProductionContexts contexts;
    private final RuntimeService runtime;

    GroupSittings(SittingMembers members, ProductionContexts contexts, RuntimeService runtime) {
        this.members = members;
        this.contexts = contexts;
        this.runtime = runtime;
    }

    /** A member's production process joins its group's sitting, starting its process when it is the first to arrive. */
    public void join(DelegateExecution execution) {
        members.join(contexts.production(execution)).ifPresent(start -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(Variables.CAMPAIGN_ID, start.campaignId());
            variables.put(Variables.CAMPAIGN_CODE, start.campaignCode());
            variables.put(start.vae() ? Variables.BLOC_CODE : Variables.COMPONENT_CODE, start.code());
            variables.put(Variables.ATTEMPT, start.attempt());
            variables.put(Variables.GROUP_CODE, start.sitting().getGroupCode());
            variables.put(Variables.VAE_SITTING, start.vae());
            variables.put(Variables.CANDIDATE_LABEL, start.candidateLabel());
            variables.put(Variables.COMPONENT_LABEL, start.componentLabel());
            variables.put(Variables.ORAL, start.oral());
            variables.put(Variables.ROUTE, start.route());
            variables.put(Variables.EVALUATION_FORM_ID, start.evaluationFormId());
            variables.put(Variables.HARMONISATION_FORM_ID, start.harmonisationFormId());
            variables.put(Variables.EVALUATION_DUE, start.evaluationDue() == null ? null : Date.from(start.evaluationDue()));
            ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.GROUP_ASSESSMENT,
                    start.sitting().getBusinessKey(), variables);
            start.sitting().started(instance.getId());
            log.info("{} {} opened its sitting {} on {} for {} productions", start.vae() ? "VAE candidate" : "Group",
                    start.sitting().getGroupCode(), start.sitting().getBusinessKey(), start.code(), start.memberCount());
        });
    }

    /** The members' productions, for the sitting's multi-instance steps (grids). */
    public List<Long> memberIds(DelegateExecution execution) {
        return members.memberIds(contexts.members(execution));
    }

    /** The members whose jurors disagree on a criterion, for the president's harmonisation, one task per member. */
    public List<Long> membersToHarmonise(DelegateExecution execution) {
        return members.membersToHarmonise(contexts.members(execution));
    }

    /** Names the member a multi-instance task is for, on its own execution. */
    public void nameMember(DelegateExecution execution) {
        SittingMembers.MemberNaming naming = members.nameMember(execution.getProcessBusinessKey(),
                contexts.production(execution));
        execution.setVariableLocal(Variables.CANDIDATE_LABEL, naming.candidateLabel());
        if (naming.componentCode() != null) {
            execution.setVariableLocal(Variables.COMPONENT_CODE, naming.componentCode());
            execution.setVariableLocal(Variables.COMPONENT_LABEL, naming.componentLabel());
            execution.setVariableLocal(Variables.EVALUATION_FORM_ID, naming.evaluationFormId());
            execution.setVariableLocal(Variables.HARMONISATION_FORM_ID, naming.harmonisationFormId());
        }
    }

    /** The coordinator returned the group's production: each member's process returns it and waits for it again. */
    public void returnToGroup(DelegateExecution execution) {
        Object reason = execution.getVariable(Variables.RETURN_REASON);
        deliver(members.returned(contexts.members(execution)), reason == null ? null : reason.toString());
    }

    /** The sitting is over: each member's process decides its own result, or records its absence at the oral. */
    public void assessed(DelegateExecution execution) {
        deliver(members.assessed(execution.getProcessBusinessKey(), contexts.members(execution)), null);
    }

    private void deliver(List<SittingMembers.MemberOutcome> outcomes, String reason) {
        for (SittingMembers.MemberOutcome outcome : outcomes) {
            var correlation = runtime.createMessageCorrelation(ProcessKeys.MESSAGE_GROUP_SITTING_DONE)
                    .processInstanceBusinessKey(outcome.processKey())
                    .setVariable(Variables.GROUP_OUTCOME, outcome.outcome().code());
            if (reason != null) {
                // Read by the member's return step in the same transaction: nothing to keep.
                correlation.setVariable(Variables.RETURN_REASON,
                        org.camunda.bpm.engine.variable.Variables.stringValue(reason, true));
            }
            try {
                correlation.correlate();
            } catch (MismatchingMessageCorrelationException notWaitingYet) {
                // A member whose join is still to run: the job runs again; a coordinator's return is refused whole.
                throw new ProcessException("Le processus de " + outcome.memberName() + " n'a pas encore rejoint la séance "
                        + "du groupe ; réessayez dans un instant.");
            }
        }
    }
}
