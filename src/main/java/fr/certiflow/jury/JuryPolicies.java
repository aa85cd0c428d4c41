package fr.certiflow.jury;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.production.Production;
import org.springframework.stereotype.Service;

/**
 * The jury composition that applies to a production. For now the choices Certiflow has always made (the campaign's
 * number of jurors, one external professional, one English-qualified juror when the composante is assessed in
 * English, presidents who do not evaluate, the three exclusions); they are to come from the règlement de
 * certification. Only the policy lives here: what it means for a juror or a jury is {@link JuryRules}'.
 */
@Service
public class JuryPolicies {

    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;

    JuryPolicies(CampaignRepository campaigns, CampaignReferentials referentials) {
        this.campaigns = campaigns;
        this.referentials = referentials;
    }

    public JuryPolicy forProduction(Production production) {
        Campaign campaign = campaigns.findById(production.getCampaignId()).orElseThrow();
        boolean english = referentials.component(campaign, production.getComponentCode()).production().englishRequired();
        return new JuryPolicy(campaign.getJurorsPerProduction(), 1, english ? 1 : 0, false, true, true, true,
                "Règlement de certification " + campaign.getReferentialCode() + " v" + campaign.getReferentialVersion());
    }
}
