package fr.certiflow.campaign;

import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.Variables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Glue of the campaign process: its start ({@link CampaignStarts}), the bloc assessments to start
 * ({@link BlocAssessments}), the proposed certification decisions, the minutes and the results ({@link CampaignResults}).
 */
@Component("campaignProcess")
public class CampaignProcess {

    private final CampaignStarts starts;
    private final BlocAssessments blocAssessments;
    private final CampaignResults results;

    public CampaignProcess(CampaignStarts starts, BlocAssessments blocAssessments, CampaignResults results) {
        this.starts = starts;
        this.blocAssessments = blocAssessments;
        this.results = results;
    }

    /** Creates the campaign a coordinator described in the start form; a refusal rolls the start back (Tasklist). */
    public void create(DelegateExecution execution) {
        ProcessVariables variables = ProcessVariables.of(execution);
        CampaignStarts.StartForm form = new CampaignStarts.StartForm(variables.string(Variables.NEW_CAMPAIGN_CODE).orElse(null),
                variables.string(Variables.NEW_CAMPAIGN_NAME).orElse(null), execution.getVariable(Variables.NEW_CAMPAIGN_REFERENTIAL),
                execution.getVariable(Variables.NEW_CAMPAIGN_OPENS), execution.getVariable(Variables.NEW_CAMPAIGN_SUBMISSION_DEADLINE),
                execution.getVariable(Variables.NEW_CAMPAIGN_EVALUATION_DEADLINE), execution.getVariable(Variables.NEW_CAMPAIGN_DELIBERATION),
                execution.getVariable(Variables.NEW_CAMPAIGN_REMINDER_DAYS), execution.getVariable(Variables.NEW_CAMPAIGN_INDIVIDUAL_WORK));
        CampaignStarts.Started campaign = EngineErrors.forForm(null, () -> starts.create(form, execution.getProcessInstanceId()));
        execution.setVariable(Variables.CAMPAIGN_ID, campaign.id());
        started(execution, campaign);
    }

    /** Binds the campaign launched through Certiflow's API; any other campaign is refused, and nothing is kept. */
    public void bind(DelegateExecution execution) {
        started(execution, EngineErrors.forForm(null,
                () -> starts.bind(execution.getVariable(Variables.CAMPAIGN_ID), execution.getProcessInstanceId())));
    }

    private static void started(DelegateExecution execution, CampaignStarts.Started campaign) {
        execution.setProcessBusinessKey(campaign.code());
        execution.setVariable(Variables.CAMPAIGN_CODE, campaign.code());
        execution.setVariable(Variables.CAMPAIGN_NAME, campaign.name());
    }

    /** "candidateId|candidateNumber|blocCode" for each bloc assessment to start, in a stable order. */
    public List<String> blocAssessments(DelegateExecution execution) {
        return blocAssessments.toStart(ProcessVariables.of(execution).campaignId());
    }

    public Long candidateId(String assessment) {
        return BlocAssessments.Assessment.parse(assessment).candidateId();
    }

    public String candidateNumber(String assessment) {
        return BlocAssessments.Assessment.parse(assessment).candidateNumber();
    }

    public String blocCode(String assessment) {
        return BlocAssessments.Assessment.parse(assessment).blocCode();
    }

    public String blocBusinessKey(DelegateExecution execution, String assessment) {
        return BlocAssessments.Assessment.parse(assessment).businessKey(ProcessVariables.of(execution).campaignCode());
    }

    /** Proposes each candidate's certification decision; the process keeps only the summary of the counts. */
    public void proposeCertification(DelegateExecution execution) {
        execution.setVariable(Variables.CERTIFICATION_SUMMARY, results.proposeCertification(ProcessVariables.of(execution).campaignId()));
    }

    public void drawUpMinutes(DelegateExecution execution) {
        results.drawUpMinutes(ProcessVariables.of(execution).campaignId());
    }

    /** Results reach every candidate once. */
    public void publishResults(DelegateExecution execution) {
        results.publish(ProcessVariables.of(execution).campaignId());
    }
}
