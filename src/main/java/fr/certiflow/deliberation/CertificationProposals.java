package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Certifications;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The campaign's certification decisions: each candidate's proposal (the blocs validated now or acquired in an
 * earlier campaign, against the number the règlement requires, weighed by the CertificationResult decision table),
 * which the jury's task lists (see
 * {@link CertificationJuryTaskListener}), and the decision the jury took.
 */
@Service
class CertificationProposals implements Certifications {

    private final CampaignReferentials referentials;
    private final BlocResultRepository blocResults;
    private final CertificationDecisionRepository decisions;
    private final DecisionService decisionService;

    CertificationProposals(CampaignReferentials referentials, BlocResultRepository blocResults,
            CertificationDecisionRepository decisions, DecisionService decisionService) {
        this.referentials = referentials;
        this.blocResults = blocResults;
        this.decisions = decisions;
        this.decisionService = decisionService;
    }

    @Override
    public int propose(Campaign campaign, List<Candidate> cohort) {
        Referential referential = referentials.of(campaign);
        int awarded = 0;
        for (Candidate candidate : cohort) {
            Set<String> acquired = acquiredBlocs(campaign, candidate, referential);
            String proposed = (String) decisionService.evaluateDecisionTableByKey(ProcessKeys.DECISION_CERTIFICATION_RESULT,
                    Map.of(Variables.ACQUIRED_BLOCS_COUNT, acquired.size(), Variables.BLOCS_COUNT, referential.blocs().size(),
                            Variables.MINIMUM_ACQUIRED_BLOCS,
                            referentials.regulation(campaign).certification().requiredAcquired(referential.blocs().size())))
                    .getSingleResult().getSingleEntry();
            CertificationDecision decision = decisions.findByCampaignIdAndCandidateId(campaign.getId(), candidate.getId())
                    .orElseGet(() -> new CertificationDecision(campaign.getId(), candidate.getId(), proposed));
            decision.propose(proposed);
            decisions.save(decision);
            awarded += fr.certiflow.process.Decision.DELIVREE.is(proposed) ? 1 : 0;
        }
        return awarded;
    }

    @Override
    public Optional<Decision> decision(Long campaignId, Long candidateId) {
        return decisions.findByCampaignIdAndCandidateId(campaignId, candidateId).map(decision ->
                new Decision(fr.certiflow.process.Decision.label(decision.getDecision()), fr.certiflow.process.Decision.DELIVREE.is(decision.getDecision())));
    }

    /** Blocs acquired in earlier campaigns, and blocs whose latest decision in this campaign is VALIDE. */
    Set<String> acquiredBlocs(Campaign campaign, Candidate candidate, Referential referential) {
        Set<String> acquired = new LinkedHashSet<>();
        for (Bloc bloc : referential.blocs()) {
            if (campaign.acquiredEarlier(candidate, bloc.code(), referentials.regulation(campaign).bloc())) {
                acquired.add(bloc.code());
            }
        }
        Map<String, String> latest = new HashMap<>();
        for (BlocResult result : blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId())) {
            latest.put(result.getBlocCode(), result.getDecision());
        }
        latest.forEach((bloc, decision) -> {
            if (fr.certiflow.process.Decision.VALIDE.is(decision)) {
                acquired.add(bloc);
            }
        });
        return acquired;
    }
}
