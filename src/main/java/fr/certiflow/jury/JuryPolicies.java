package fr.certiflow.jury;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.Pathway;
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
    private final CandidateRepository candidates;

    JuryPolicies(CampaignRepository campaigns, CampaignReferentials referentials, CandidateRepository candidates) {
        this.candidates = candidates;
        this.campaigns = campaigns;
        this.referentials = referentials;
    }

    /**
     * The production jury of the règlement; for a VAE candidate, the règlement's VAE jury (its size, external and
     * language-qualified members), the presidents and exclusions staying the production jury's.
     */
    public JuryPolicy forProduction(Production production) {
        Campaign campaign = campaigns.findById(production.getCampaignId()).orElseThrow();
        boolean foreignLanguage = referentials.component(campaign, production.getComponentCode()).assessment().englishRequired();
        Regulation regulation = referentials.regulation(campaign);
        Regulation.ProductionJury jury = regulation.juries().production();
        boolean vae = candidates.findById(production.getCandidateId()).orElseThrow().getPathway() == Pathway.VAE;
        if (vae) {
            Regulation.VaeJury vaeJury = regulation.pathways().vae().jury();
            return new JuryPolicy(vaeJury.jurors(), vaeJury.externalMinimum(),
                    foreignLanguage ? vaeJury.languageQualifiedMinimum() : 0, jury.presidentsEvaluate(),
                    jury.exclude().trainer(), jury.exclude().employer(), jury.exclude().declaredConflicts(),
                    regulation.title() + ", jury de VAE");
        }
        return new JuryPolicy(jury.jurors(), jury.externalMinimum(), foreignLanguage ? jury.languageQualifiedMinimum() : 0,
                jury.presidentsEvaluate(), jury.exclude().trainer(), jury.exclude().employer(),
                jury.exclude().declaredConflicts(), regulation.title());
    }
}
