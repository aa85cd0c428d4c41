package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import org.springframework.stereotype.Component;

/**
 * The certification jury rules a campaign runs under. For now the same for every campaign, cited as the règlement of
 * the campaign's référentiel version; the règlement data file will say them (one method to re-implement).
 */
@Component
public class CertificationJuryPolicies {

    private final CampaignRepository campaigns;

    CertificationJuryPolicies(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    public CertificationJuryPolicy forCampaign(Long campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        return new CertificationJuryPolicy(3, 3, "Règlement de certification " + campaign.getReferentialCode()
                + " v" + campaign.getReferentialVersion());
    }
}
