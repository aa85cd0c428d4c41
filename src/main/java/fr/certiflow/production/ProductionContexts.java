package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * What a production process step works on: the production bound to the process instance by its business key
 * (campaign/candidate/composante, set by the calling process), its campaign, and the référentiel composante it is
 * assessed against. Never a process variable: a task's user could send one, not a business key.
 */
@Service
public class ProductionContexts {

    private final ProductionRepository productions;
    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;
    private final CandidateRepository candidates;

    ProductionContexts(ProductionRepository productions, CampaignRepository campaigns, CampaignReferentials referentials,
            CandidateRepository candidates) {
        this.candidates = candidates;
        this.productions = productions;
        this.campaigns = campaigns;
        this.referentials = referentials;
    }

    public record Context(Production production, Campaign campaign, Referential referential, Regulation regulation,
            Component component, AssessmentRoute route) {

        public Regulation.Scale scale() {
            return regulation.scale();
        }
    }

    public Production production(DelegateExecution execution) {
        return byProcessKey(execution.getProcessBusinessKey());
    }

    public Production production(DelegateTask task) {
        return production(task.getExecution());
    }

    public Context of(DelegateExecution execution) {
        return of(production(execution));
    }

    public Context of(DelegateTask task) {
        return of(production(task));
    }

    private Production byProcessKey(String businessKey) {
        if (businessKey == null) {
            throw new IllegalStateException("A production process instance has no business key");
        }
        return productions.findByProcessKey(businessKey)
                .orElseThrow(() -> new IllegalStateException("No production bound to process key " + businessKey));
    }

    public Context of(Long productionId) {
        return of(productions.findById(productionId)
                .orElseThrow(() -> new IllegalStateException("No production " + productionId)));
    }

    private Context of(Production production) {
        Campaign campaign = campaigns.findById(production.getCampaignId()).orElseThrow();
        Referential referential = referentials.of(campaign);
        Regulation regulation = referentials.regulation(campaign);
        Component component = referentials.component(campaign, production.getComponentCode());
        return new Context(production, campaign, referential, regulation, component, AssessmentRoute.of(regulation,
                referential, component, candidates.findById(production.getCandidateId()).orElseThrow()));
    }
}
