package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Certifications;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The campaign's certification decisions as the campaign process asks for them (see {@link CertificationDecisions}
 * for the rules), proposed with the engine's CertificationResult decision table; the jury's task lists them (see
 * {@link CertificationJuryTaskListener}).
 */
@Service
class CertificationProposals implements Certifications {

    private final CertificationDecisions decisions;
    private final DecisionService decisionService;

    CertificationProposals(CertificationDecisions decisions, DecisionService decisionService) {
        this.decisions = decisions;
        this.decisionService = decisionService;
    }

    @Override
    public int propose(Campaign campaign, List<Candidate> cohort) {
        return decisions.propose(campaign, cohort, this::evaluate);
    }

    @Override
    public Optional<Decision> decision(Long campaignId, Long candidateId) {
        return decisions.decision(campaignId, candidateId);
    }

    /** The CertificationResult decision table's proposal: DELIVREE or NON_DELIVREE. */
    String evaluate(int acquiredBlocs, int blocs, int minimumAcquiredBlocs) {
        return (String) decisionService.evaluateDecisionTableByKey(ProcessKeys.DECISION_CERTIFICATION_RESULT,
                        Map.of(Variables.ACQUIRED_BLOCS_COUNT, acquiredBlocs, Variables.BLOCS_COUNT, blocs,
                                Variables.MINIMUM_ACQUIRED_BLOCS, minimumAcquiredBlocs))
                .getSingleResult().getSingleEntry();
    }
}
