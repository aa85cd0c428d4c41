package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * What a production process step works on, from its {@code productionId} variable: the production, its campaign,
 * and the référentiel composante it is assessed against.
 */
@Service
public class ProductionContexts {

    private final ProductionRepository productions;
    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;

    ProductionContexts(ProductionRepository productions, CampaignRepository campaigns, CampaignReferentials referentials) {
        this.productions = productions;
        this.campaigns = campaigns;
        this.referentials = referentials;
    }

    public record Context(Production production, Campaign campaign, Referential referential, Component component) {
    }

    public Production production(VariableScope scope) {
        Object id = scope.getVariable(Variables.PRODUCTION_ID);
        if (id == null) {
            throw new IllegalStateException("Process variable " + Variables.PRODUCTION_ID + " is missing");
        }
        Long productionId = ((Number) id).longValue();
        return productions.findById(productionId)
                .orElseThrow(() -> new IllegalStateException("No production " + productionId));
    }

    public Context of(VariableScope scope) {
        return of(production(scope));
    }

    public Context of(Long productionId) {
        return of(productions.findById(productionId)
                .orElseThrow(() -> new IllegalStateException("No production " + productionId)));
    }

    private Context of(Production production) {
        Campaign campaign = campaigns.findById(production.getCampaignId()).orElseThrow();
        return new Context(production, campaign, referentials.of(campaign),
                referentials.component(campaign, production.getComponentCode()));
    }
}
