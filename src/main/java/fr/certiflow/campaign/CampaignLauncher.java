package fr.certiflow.campaign;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a campaign's process. The start is asynchronous (the process's start event is a job), so that the
 * coordinator's request returns at once; the campaign's row is locked and its status checked, so a campaign is
 * launched once.
 */
@Service
public class CampaignLauncher {

    private final CampaignRepository campaigns;
    private final CampaignReadiness readiness;
    private final RuntimeService runtime;
    private final Clock clock;

    CampaignLauncher(CampaignRepository campaigns, CampaignReadiness readiness, RuntimeService runtime, Clock clock) {
        this.campaigns = campaigns;
        this.readiness = readiness;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional
    public ProcessInstance launch(Long campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        if (campaign.getStatus() != CampaignStatus.DRAFT
                || runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.CAMPAIGN)
                        .processInstanceBusinessKey(campaign.getCode()).count() > 0) {
            throw new ConflictException("La campagne " + campaign.getCode() + " est déjà lancée.");
        }
        readiness.checkReady(campaign);
        campaign.launched(clock.instant());
        campaigns.saveAndFlush(campaign);
        return runtime.startProcessInstanceByKey(ProcessKeys.CAMPAIGN, campaign.getCode(), Map.of(
                Variables.CAMPAIGN_ID, campaign.getId(),
                Variables.CAMPAIGN_CODE, campaign.getCode(),
                Variables.CAMPAIGN_NAME, campaign.getName()));
    }
}
