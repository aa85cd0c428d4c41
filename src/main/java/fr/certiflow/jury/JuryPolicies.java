package fr.certiflow.jury;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.production.Production;
import fr.certiflow.regulation.Regulation;
import org.springframework.stereotype.Service;

/**
 * The jury composition that applies to a production: the production jury of the règlement de certification the
 * campaign runs under; its language qualification applies to a composante assessed in a foreign language. Only the
 * policy lives here: what it means for a juror or a jury is {@link JuryRules}'.
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
        boolean foreignLanguage = referentials.component(campaign, production.getComponentCode()).production().englishRequired();
        Regulation regulation = referentials.regulation(campaign);
        Regulation.ProductionJury jury = regulation.juries().production();
        return new JuryPolicy(jury.jurors(), jury.externalMinimum(), foreignLanguage ? jury.languageQualifiedMinimum() : 0,
                jury.presidentsEvaluate(), jury.exclude().trainer(), jury.exclude().employer(),
                jury.exclude().declaredConflicts(), regulation.title());
    }
}
