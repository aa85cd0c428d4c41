package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.regulation.Regulation;
import org.springframework.stereotype.Component;

/** The certification jury rules a campaign runs under: those of the règlement de certification it records. */
@Component
public class CertificationJuryPolicies {

    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;

    CertificationJuryPolicies(CampaignRepository campaigns, CampaignReferentials referentials) {
        this.campaigns = campaigns;
        this.referentials = referentials;
    }

    public CertificationJuryPolicy forCampaign(Long campaignId) {
        Regulation regulation = referentials.regulation(campaigns.require(campaignId));
        Regulation.CertificationJury jury = regulation.juries().certification();
        return new CertificationJuryPolicy(jury.minimumMembers(), jury.quorum(), jury.describeChair(),
                regulation.certification().describe(), regulation.title());
    }
}
