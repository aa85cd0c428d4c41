package fr.certiflow.production;

import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.Variables;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Glue of the production assessment process: opening the submissions and the production ({@link ProductionOpening}),
 * reminder, absence, return to the candidate and the recorded result ({@link ProductionRecords}).
 */
@Service("productionProcess")
public class ProductionProcess {

    private final ProductionOpening opening;
    private final ProductionRecords records;
    private final ProductionContexts contexts;

    ProductionProcess(ProductionOpening opening, ProductionRecords records, ProductionContexts contexts) {
        this.opening = opening;
        this.records = records;
        this.contexts = contexts;
    }

    public void openSubmissions(DelegateExecution execution) {
        opening.openSubmissions(ProcessVariables.of(execution).campaignId());
    }

    /** Creates (or finds again) the production and its submission, and sets the variables the process reads. */
    public void open(DelegateExecution execution) {
        ProcessVariables variables = ProcessVariables.of(execution);
        ProductionOpening.OpenedProduction opened = opening.open(variables.campaignId(), variables.candidateId(),
                variables.componentCode(), variables.attempt(), execution.getProcessBusinessKey(),
                execution.getProcessInstanceId());
        execution.setVariable(Variables.PRODUCTION_ID, opened.productionId());
        execution.setVariable(Variables.ROUTE, opened.route());
        execution.setVariable(Variables.SUBMISSION_DEADLINE, Date.from(opened.submissionDeadline()));
        execution.setVariable(Variables.REMINDER_AT, Date.from(opened.reminderAt()));
        execution.setVariable(Variables.ENGLISH_REQUIRED, opened.englishRequired());
        execution.setVariable(Variables.GROUP_SITTING, opened.groupSitting());
        execution.setVariable(Variables.ORAL, opened.oral());
        execution.setVariable(Variables.CANDIDATE_LABEL, opened.candidateLabel());
        execution.setVariable(Variables.COMPONENT_LABEL, opened.componentLabel());
        execution.setVariable(Variables.EVALUATION_FORM_ID, opened.evaluationFormId());
        execution.setVariable(Variables.HARMONISATION_FORM_ID, opened.harmonisationFormId());
        execution.setVariable(Variables.EVALUATION_DUE, date(opened.evaluationDue()));
    }

    public void openValidationFile(DelegateExecution execution) {
        ProcessVariables variables = ProcessVariables.of(execution);
        execution.setVariable(Variables.ROUTE, opening.openValidationFile(variables.campaignId(), variables.candidateId(),
                variables.blocCode(), variables.attempt()));
    }

    public void sendReminder(DelegateExecution execution) {
        records.remind(contexts.production(execution), componentLabel(execution));
    }

    public void recordAbsence(DelegateExecution execution) {
        execution.setVariable(Variables.COMPONENT_RESULT, records.recordAbsence(contexts.production(execution)));
    }

    public void returnToCandidate(DelegateExecution execution) {
        records.returnToCandidate(contexts.production(execution),
                ProcessVariables.of(execution).returnReason().orElse(null), componentLabel(execution));
    }

    public void recordOralAbsence(DelegateExecution execution) {
        execution.setVariable(Variables.COMPONENT_RESULT, records.recordAbsence(contexts.production(execution)));
    }

    public void recordResult(DelegateExecution execution) {
        records.recordResult(contexts.production(execution), ProcessVariables.of(execution).componentResult().orElse(null));
    }

    private static String componentLabel(DelegateExecution execution) {
        return String.valueOf(execution.getVariable(Variables.COMPONENT_LABEL));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
