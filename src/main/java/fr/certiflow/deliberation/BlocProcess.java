package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.Decision;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.regulation.Regulation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Glue of the bloc assessment process: which composantes to assess at each attempt (all at first, at a resit what
 * the règlement keeps), the counts the bloc decision table reads, and the move to a resit.
 */
@Service("blocProcess")
public class BlocProcess {


    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;
    private final ProductionRepository productions;
    private final CandidateRepository candidates;

    BlocProcess(CampaignRepository campaigns, CampaignReferentials referentials, ProductionRepository productions,
            CandidateRepository candidates) {
        this.candidates = candidates;
        this.campaigns = campaigns;
        this.referentials = referentials;
        this.productions = productions;
    }

    /**
     * The composantes the current attempt assesses, for the multi-instance call of production assessments: all of the
     * bloc at the first attempt; at a resit, what the règlement's {@code resits.keep} says (the ones not validated, or
     * all of them again).
     */
    public List<String> componentsToAssess(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        Bloc bloc = bloc(campaign, execution);
        int attempt = attempt(execution);
        if (attempt == 1 || !referentials.regulation(campaign).resits().keepsValidatedComponents()) {
            return bloc.components().stream().map(Component::code).toList();
        }
        Map<String, Production> latest = latestProductions(campaign, execution);
        return bloc.components().stream().map(Component::code)
                .filter(code -> latest.get(code) == null || !Decision.VALIDE.is(latest.get(code).getResult()))
                .toList();
    }

    /** The candidate's pathway, for the process's pathway gateway: FORMATION or VAE. */
    public String pathway(DelegateExecution execution) {
        Long candidateId = ProcessVariables.of(execution).candidateId();
        return candidates.findById(candidateId).orElseThrow().getPathway().name();
    }

    public String productionBusinessKey(DelegateExecution execution, String componentCode) {
        return ProcessKeys.productionBusinessKey(ProcessVariables.of(execution).campaignCode(),
                ProcessVariables.of(execution).candidateNumber(), componentCode, attempt(execution));
    }

    /**
     * Counts over every composante of the bloc, each at its latest attempt (a composante validated earlier stays so),
     * and how many the règlement requires validated, which the decision table BlocResult compares.
     */
    public void propose(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        Bloc bloc = bloc(campaign, execution);
        Map<String, Production> latest = latestProductions(campaign, execution);
        int validated = 0;
        int absent = 0;
        StringBuilder summary = new StringBuilder("| Composante | Résultat | Passage |\n|---|---|---|\n");
        for (Component component : bloc.components()) {
            Production production = latest.get(component.code());
            String result = production == null ? null : production.getResult();
            validated += Decision.VALIDE.is(result) ? 1 : 0;
            absent += Decision.ABSENT.is(result) ? 1 : 0;
            summary.append("| ").append(component.code()).append(' ').append(component.title()).append(" | ")
                    .append(Decision.label(result)).append(" | ")
                    .append(production == null ? "—" : production.getAttempt()).append(" |\n");
        }
        execution.setVariable(Variables.VALIDATED_COUNT, validated);
        execution.setVariable(Variables.ABSENT_COUNT, absent);
        execution.setVariable(Variables.COMPONENTS_COUNT, bloc.components().size());
        Regulation regulation = referentials.regulation(campaign);
        execution.setVariable(Variables.MINIMUM_VALIDATED_COMPONENTS,
                regulation.bloc().requiredValidated(bloc.components().size()));
        execution.setVariable(Variables.BLOC_SUMMARY, summary.toString());
        execution.setVariable(Variables.MAX_ATTEMPTS, 1 + campaign.getResitAttempts());
        execution.setVariable(Variables.RESIT_RULE, resitRule(regulation));
        execution.setVariable(Variables.BLOC_RULE, "selon le " + regulation.title() + ", un bloc est validé avec "
                + regulation.bloc().describeDecision() + ".");
    }

    /** « Un bloc ajourné repasse les composantes non validées, … (Règlement de certification MMDC v1, révision 2). » */
    static String resitRule(Regulation regulation) {
        return "Un bloc **ajourné** " + (regulation.resits().keepsValidatedComponents()
                ? "repasse les composantes non validées ; celles validées sont conservées"
                : "repasse toutes ses composantes, celles déjà validées comprises")
                + ", dans la limite des passages autorisés (" + regulation.title() + ").";
    }

    public void prepareResit(DelegateExecution execution) {
        execution.setVariable(Variables.ATTEMPT, attempt(execution) + 1);
    }

    private Map<String, Production> latestProductions(Campaign campaign, DelegateExecution execution) {
        Long candidateId = ProcessVariables.of(execution).candidateId();
        return productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(campaign.getId(), candidateId)
                .stream()
                .collect(Collectors.toMap(Production::getComponentCode, Function.identity(),
                        (a, b) -> a.getAttempt() >= b.getAttempt() ? a : b));
    }

    private Campaign campaign(DelegateExecution execution) {
        return campaigns.findById(ProcessVariables.of(execution).campaignId()).orElseThrow();
    }

    private Bloc bloc(Campaign campaign, DelegateExecution execution) {
        String code = ProcessVariables.of(execution).blocCode();
        return referentials.of(campaign).bloc(code)
                .orElseThrow(() -> new IllegalStateException("No bloc " + code + " in the campaign's référentiel"));
    }

    static int attempt(DelegateExecution execution) {
        return ProcessVariables.of(execution).attempt();
    }

    static Comparator<Production> byAttempt() {
        return Comparator.comparingInt(Production::getAttempt);
    }
}
