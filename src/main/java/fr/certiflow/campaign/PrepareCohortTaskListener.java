package fr.certiflow.campaign;

import fr.certiflow.process.ProcessException;
import fr.certiflow.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The coordinator says the cohort and the jury are imported: the campaign is launched if it has both. */
@Component("prepareCohortTaskListener")
class PrepareCohortTaskListener implements TaskListener {

    private final CampaignRepository campaigns;
    private final CampaignLauncher launcher;

    PrepareCohortTaskListener(CampaignRepository campaigns, CampaignLauncher launcher) {
        this.campaigns = campaigns;
        this.launcher = launcher;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = campaigns.findById(((Number) task.getVariable(Variables.CAMPAIGN_ID)).longValue()).orElseThrow();
        try {
            launcher.markLaunched(campaign);
        } catch (ResponseStatusException e) {
            throw new ProcessException(e.getReason());
        }
    }
}
