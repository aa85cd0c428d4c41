package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Certifications;
import fr.certiflow.process.Decision;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The campaign's certification decisions, apart from the engine: each candidate's proposal (the blocs validated now or
 * acquired in an earlier campaign, against the number the règlement requires, weighed by a decision table the caller
 * gives), and the decision the jury took, as a candidate reads it.
 */
@Service
public class CertificationDecisions {

    /** The decision table that proposes a certification decision (CertificationResult): DELIVREE or NON_DELIVREE. */
    @FunctionalInterface
    public interface ProposalTable {

        String propose(int acquiredBlocs, int blocs, int minimumAcquiredBlocs);
    }

    private final CampaignReferentials referentials;
    private final BlocResultRepository blocResults;
    private final CertificationDecisionRepository decisions;

    CertificationDecisions(CampaignReferentials referentials, BlocResultRepository blocResults,
            CertificationDecisionRepository decisions) {
        this.referentials = referentials;
        this.blocResults = blocResults;
        this.decisions = decisions;
    }

    /**
     * Records each candidate's proposed decision (a new one, or the candidate's earlier proposal replaced).
     *
     * @return how many are proposed as awarded
     */
    public int propose(Campaign campaign, List<Candidate> cohort, ProposalTable table) {
        Referential referential = referentials.of(campaign);
        Regulation regulation = referentials.regulation(campaign);
        int blocs = referential.blocs().size();
        int awarded = 0;
        for (Candidate candidate : cohort) {
            Set<String> acquired = acquiredBlocs(campaign, candidate, referential, regulation);
            String proposed = table.propose(acquired.size(), blocs, regulation.certification().requiredAcquired(blocs));
            CertificationDecision decision = decisions.findByCampaignIdAndCandidateId(campaign.getId(), candidate.getId())
                    .orElseGet(() -> new CertificationDecision(campaign.getId(), candidate.getId(), proposed));
            decision.propose(proposed);
            decisions.save(decision);
            awarded += Decision.DELIVREE.is(proposed) ? 1 : 0;
        }
        return awarded;
    }

    /** The decision the jury took for the candidate, if any: its French label, and whether it awards. */
    public Optional<Certifications.Decision> decision(Long campaignId, Long candidateId) {
        return decisions.findByCampaignIdAndCandidateId(campaignId, candidateId).map(decision ->
                new Certifications.Decision(Decision.label(decision.getDecision()), Decision.DELIVREE.is(decision.getDecision())));
    }

    /** Blocs acquired in earlier campaigns (still valid), and blocs whose latest decision in this campaign is VALIDE. */
    Set<String> acquiredBlocs(Campaign campaign, Candidate candidate, Referential referential, Regulation regulation) {
        Set<String> acquired = new LinkedHashSet<>();
        for (Bloc bloc : referential.blocs()) {
            if (campaign.acquiredEarlier(candidate, bloc.code(), regulation.bloc())) {
                acquired.add(bloc.code());
            }
        }
        Map<String, String> latest = new HashMap<>();
        for (BlocResult result : blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId())) {
            latest.put(result.getBlocCode(), result.getDecision());
        }
        latest.forEach((bloc, decision) -> {
            if (Decision.VALIDE.is(decision)) {
                acquired.add(bloc);
            }
        });
        return acquired;
    }
}
