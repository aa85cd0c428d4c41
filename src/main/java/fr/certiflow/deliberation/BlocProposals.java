package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.Decision;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.regulation.Regulation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A candidate's bloc, attempt by attempt, apart from the engine: which composantes an attempt assesses (all at first,
 * at a resit what the règlement keeps), and what the bloc's proposal rests on (the counts the BlocResult decision
 * table compares, the summary and the rules the jury president reads).
 */
@Service
public class BlocProposals {

    /**
     * What the jury president's deliberation and the BlocResult decision table read about a bloc.
     *
     * @param validated composantes validated, each at its latest attempt
     * @param absent composantes where the candidate was absent at the latest attempt
     * @param components composantes of the bloc
     * @param minimumValidated how many the règlement requires validated
     * @param summary markdown table of the composantes' results
     * @param maxAttempts attempts the campaign allows: the first one and the resits
     * @param resitRule what a resit repasses, per the règlement
     * @param blocRule when a bloc is validated, per the règlement
     */
    public record Proposal(int validated, int absent, int components, int minimumValidated, String summary,
            int maxAttempts, String resitRule, String blocRule) {
    }

    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;
    private final ProductionRepository productions;
    private final CandidateRepository candidates;

    BlocProposals(CampaignRepository campaigns, CampaignReferentials referentials, ProductionRepository productions,
            CandidateRepository candidates) {
        this.campaigns = campaigns;
        this.referentials = referentials;
        this.productions = productions;
        this.candidates = candidates;
    }

    /**
     * The composantes the attempt assesses: all of the bloc at the first attempt; at a resit, what the règlement's
     * {@code resits.keep} says (the ones not validated at their latest attempt, or all of them again).
     */
    public List<String> componentsToAssess(long campaignId, long candidateId, String blocCode, int attempt) {
        Campaign campaign = campaign(campaignId);
        Bloc bloc = bloc(campaign, blocCode);
        if (attempt == 1 || !referentials.regulation(campaign).resits().keepsValidatedComponents()) {
            return bloc.components().stream().map(Component::code).toList();
        }
        Map<String, Production> latest = latestProductions(campaign, candidateId);
        return bloc.components().stream().map(Component::code)
                .filter(code -> latest.get(code) == null || !Decision.VALIDE.is(latest.get(code).getResult()))
                .toList();
    }

    /** The candidate's pathway: FORMATION or VAE. */
    public String pathway(long candidateId) {
        return candidates.findById(candidateId).orElseThrow().getPathway().name();
    }

    /**
     * Counts over every composante of the bloc, each at its latest attempt (a composante validated earlier stays so),
     * and how many the règlement requires validated.
     */
    public Proposal propose(long campaignId, long candidateId, String blocCode) {
        Campaign campaign = campaign(campaignId);
        Bloc bloc = bloc(campaign, blocCode);
        Map<String, Production> latest = latestProductions(campaign, candidateId);
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
        Regulation regulation = referentials.regulation(campaign);
        int components = bloc.components().size();
        return new Proposal(validated, absent, components, regulation.bloc().requiredValidated(components),
                summary.toString(), 1 + campaign.getResitAttempts(), resitRule(regulation),
                "selon le " + regulation.title() + ", un bloc est validé avec " + regulation.bloc().describeDecision() + ".");
    }

    /** « Un bloc ajourné repasse les composantes non validées, … (Règlement de certification MMDC v1, révision 2). » */
    static String resitRule(Regulation regulation) {
        return "Un bloc **ajourné** " + (regulation.resits().keepsValidatedComponents()
                ? "repasse les composantes non validées ; celles validées sont conservées"
                : "repasse toutes ses composantes, celles déjà validées comprises")
                + ", dans la limite des passages autorisés (" + regulation.title() + ").";
    }

    private Map<String, Production> latestProductions(Campaign campaign, long candidateId) {
        return productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(campaign.getId(), candidateId)
                .stream()
                .collect(Collectors.toMap(Production::getComponentCode, Function.identity(),
                        (a, b) -> a.getAttempt() >= b.getAttempt() ? a : b));
    }

    private Campaign campaign(long campaignId) {
        return campaigns.findById(campaignId).orElseThrow();
    }

    private Bloc bloc(Campaign campaign, String code) {
        return referentials.of(campaign).bloc(code)
                .orElseThrow(() -> new IllegalStateException("No bloc " + code + " in the campaign's référentiel"));
    }
}
