package fr.certiflow.deliberation;

import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.Variables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Glue of the bloc assessment process: the composantes each attempt assesses, the counts the bloc decision table reads
 * and the move to a resit, from {@link BlocProposals}.
 */
@Service("blocProcess")
public class BlocProcess {

    private final BlocProposals proposals;

    public BlocProcess(BlocProposals proposals) {
        this.proposals = proposals;
    }

    /** The composantes the current attempt assesses, for the multi-instance call of production assessments. */
    public List<String> componentsToAssess(DelegateExecution execution) {
        ProcessVariables variables = ProcessVariables.of(execution);
        return proposals.componentsToAssess(variables.campaignId(), variables.candidateId(), variables.blocCode(),
                variables.attempt());
    }

    /** The candidate's pathway, for the process's pathway gateway: FORMATION or VAE. */
    public String pathway(DelegateExecution execution) {
        return proposals.pathway(ProcessVariables.of(execution).candidateId());
    }

    public String productionBusinessKey(DelegateExecution execution, String componentCode) {
        ProcessVariables variables = ProcessVariables.of(execution);
        return ProcessKeys.productionBusinessKey(variables.campaignCode(), variables.candidateNumber(), componentCode,
                variables.attempt());
    }

    /** What the decision table BlocResult compares, and what the jury president reads. */
    public void propose(DelegateExecution execution) {
        ProcessVariables variables = ProcessVariables.of(execution);
        BlocProposals.Proposal proposal = proposals.propose(variables.campaignId(), variables.candidateId(),
                variables.blocCode());
        execution.setVariable(Variables.VALIDATED_COUNT, proposal.validated());
        execution.setVariable(Variables.ABSENT_COUNT, proposal.absent());
        execution.setVariable(Variables.COMPONENTS_COUNT, proposal.components());
        execution.setVariable(Variables.MINIMUM_VALIDATED_COMPONENTS, proposal.minimumValidated());
        execution.setVariable(Variables.BLOC_SUMMARY, proposal.summary());
        execution.setVariable(Variables.MAX_ATTEMPTS, proposal.maxAttempts());
        execution.setVariable(Variables.RESIT_RULE, proposal.resitRule());
        execution.setVariable(Variables.BLOC_RULE, proposal.blocRule());
    }

    public void prepareResit(DelegateExecution execution) {
        execution.setVariable(Variables.ATTEMPT, ProcessVariables.of(execution).attempt() + 1);
    }
}
