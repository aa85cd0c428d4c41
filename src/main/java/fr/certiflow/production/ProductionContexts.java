package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final GroupSittingRepository sittings;

    ProductionContexts(ProductionRepository productions, CampaignRepository campaigns, CampaignReferentials referentials,
            CandidateRepository candidates, GroupSittingRepository sittings) {
        this.sittings = sittings;
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

    /**
     * The production the step works on. In a group's sitting, it is the member the multi-instance step is for (its
     * element variable, set by the engine from the sitting's members and checked against them), or the group's first
     * member for what the steps done once for the group read of the shared production (its files, its checklist). What
     * differs from member to member (deadline, returns used, status) is read and changed on {@link #members}.
     */
    public Production production(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (ProcessKeys.isGroupSitting(businessKey)) {
            List<Production> members = members(sitting(businessKey));
            Optional<Long> member = ProcessVariables.of(execution).memberProductionId();
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
    public List<Production> members(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        return ProcessKeys.isGroupSitting(businessKey) ? members(sitting(businessKey)) : List.of(production(execution));
    }

    public List<Production> members(DelegateTask task) {
        return members(task.getExecution());
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
