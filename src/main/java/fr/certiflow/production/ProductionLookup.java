package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Finds what a production process step works on from the process's business key (never from a process variable a
 * task's user could send): the production of a production process, or the members of a group's sitting; and builds the
 * production's context (campaign, référentiel, règlement, composante, assessment route).
 */
@Service
public class ProductionLookup {

    private final ProductionRepository productions;
    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;
    private final CandidateRepository candidates;
    private final GroupSittingRepository sittings;

    ProductionLookup(ProductionRepository productions, CampaignRepository campaigns, CampaignReferentials referentials,
            CandidateRepository candidates, GroupSittingRepository sittings) {
        this.productions = productions;
        this.campaigns = campaigns;
        this.referentials = referentials;
        this.candidates = candidates;
        this.sittings = sittings;
    }

    /**
     * The production a step works on. In a group's sitting, the member a multi-instance step is for (checked against
     * the sitting's members), or the group's first member for the steps done once for the group; the production bound
     * to the business key otherwise.
     */
    public Production production(String businessKey, Optional<Long> member) {
        if (ProcessKeys.isGroupSitting(businessKey)) {
            List<Production> members = members(sitting(businessKey));
            if (member.isEmpty()) {
                return members.get(0);
            }
            long id = member.get();
            return members.stream().filter(production -> production.getId() == id).findFirst().orElseThrow(() ->
                    new IllegalStateException("Production " + id + " is no member of group sitting " + businessKey));
        }
        return byProcessKey(businessKey);
    }

    /** The productions a step works on: every member's in a group's sitting, the production's alone otherwise. */
    public List<Production> members(String businessKey, Optional<Long> member) {
        return ProcessKeys.isGroupSitting(businessKey) ? members(sitting(businessKey)) : List.of(production(businessKey, member));
    }

    public GroupSitting sitting(String businessKey) {
        return sittings.findByBusinessKey(businessKey)
                .orElseThrow(() -> new IllegalStateException("No group sitting bound to process key " + businessKey));
    }

    /** The members' productions of the sitting, in candidate number order. */
    public List<Production> members(GroupSitting sitting) {
        List<Production> members = new ArrayList<>(productions.findBySubmissionId(sitting.getSubmissionId()));
        Map<Long, String> numbers = new HashMap<>();
        for (Production production : members) {
            numbers.put(production.getId(), candidates.findById(production.getCandidateId()).orElseThrow().getNumber());
        }
        members.sort(Comparator.comparing((Production production) -> numbers.get(production.getId())));
        if (members.isEmpty()) {
            throw new IllegalStateException("Group sitting " + sitting.getBusinessKey() + " has no member");
        }
        return members;
    }

    public ProductionContexts.Context context(Long productionId) {
        return context(productions.findById(productionId)
                .orElseThrow(() -> new IllegalStateException("No production " + productionId)));
    }

    public ProductionContexts.Context context(Production production) {
        Campaign campaign = campaigns.findById(production.getCampaignId()).orElseThrow();
        Referential referential = referentials.of(campaign);
        Regulation regulation = referentials.regulation(campaign);
        Component component = referentials.component(campaign, production.getComponentCode());
        return new ProductionContexts.Context(production, campaign, referential, regulation, component,
                AssessmentRoute.of(regulation, referential, component,
                        candidates.findById(production.getCandidateId()).orElseThrow()));
    }

    private Production byProcessKey(String businessKey) {
        if (businessKey == null) {
            throw new IllegalStateException("A production process instance has no business key");
        }
        return productions.findByProcessKey(businessKey)
                .orElseThrow(() -> new IllegalStateException("No production bound to process key " + businessKey));
    }
}
