package fr.certiflow.campaign;

import fr.certiflow.errors.ConflictException;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Whether a campaign can be launched: it needs at least one candidate and one juror, and is launched once. Engine-free:
 * used by {@link CampaignLauncher} (the API) and by {@link PrepareCohortTaskListener} (a campaign created in Tasklist).
 */
@Service
public class CampaignReadiness {

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final JuryPool jurors;
    private final Clock clock;

    CampaignReadiness(CampaignRepository campaigns, CandidateRepository candidates, JuryPool jurors, Clock clock) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.jurors = jurors;
        this.clock = clock;
    }

    /** Refuses (a conflict) the campaign when it has no candidate or no juror. */
    public void check(long campaignId) {
        checkReady(campaign(campaignId));
    }

    /** Marks the draft campaign launched once it is ready ({@link #check}); a campaign launched already is refused. */
    public void launch(long campaignId) {
        Campaign campaign = campaign(campaignId);
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw new ConflictException("La campagne " + campaign.getCode() + " est déjà lancée.");
        }
        checkReady(campaign);
        campaign.launched(clock.instant());
    }

    void checkReady(Campaign campaign) {
        if (candidates.countByCampaignId(campaign.getId()) == 0) {
            throw new ConflictException("La campagne " + campaign.getCode()
                    + " n'a aucun candidat : importez la cohorte avant de la lancer.");
        }
        if (jurors.jurorCount(campaign.getId()) == 0) {
            throw new ConflictException("La campagne " + campaign.getCode()
                    + " n'a aucun juré : importez le jury avant de la lancer.");
        }
    }

    private Campaign campaign(long campaignId) {
        return campaigns.findById(campaignId).orElseThrow();
    }
}
