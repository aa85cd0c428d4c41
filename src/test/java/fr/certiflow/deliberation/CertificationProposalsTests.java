package fr.certiflow.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Certifications;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The campaign's certifications as the process asks for them: the rules' service, the engine's decision table. */
@Tag("unit")
class CertificationProposalsTests {

    private final CertificationDecisions decisions = mock(CertificationDecisions.class);
    private final DecisionService decisionService = mock(DecisionService.class);
    private final CertificationProposals proposals = new CertificationProposals(decisions, decisionService);

    @Test
    void the_proposal_table_is_the_engines_certification_result_with_the_counts() {
        DmnDecisionRuleResult rule = mock(DmnDecisionRuleResult.class);
        when(rule.getSingleEntry()).thenReturn("NON_DELIVREE");
        DmnDecisionTableResult result = mock(DmnDecisionTableResult.class);
        when(result.getSingleResult()).thenReturn(rule);
        when(decisionService.evaluateDecisionTableByKey(eq("CertificationResult"), any())).thenReturn(result);

        assertThat(proposals.evaluate(2, 3, 3)).isEqualTo("NON_DELIVREE");

        verify(decisionService).evaluateDecisionTableByKey("CertificationResult",
                Map.of("acquiredBlocsCount", 2, "blocsCount", 3, "minimumAcquiredBlocs", 3));
    }

    @Test
    void proposing_hands_the_cohort_and_that_table_to_the_rules() {
        Campaign campaign = mock(Campaign.class);
        List<Candidate> cohort = List.of(mock(Candidate.class));
        ArgumentCaptor<CertificationDecisions.ProposalTable> table = ArgumentCaptor.forClass(CertificationDecisions.ProposalTable.class);
        when(decisions.propose(same(campaign), same(cohort), table.capture())).thenReturn(4);
        DmnDecisionRuleResult rule = mock(DmnDecisionRuleResult.class);
        when(rule.getSingleEntry()).thenReturn("DELIVREE");
        DmnDecisionTableResult result = mock(DmnDecisionTableResult.class);
        when(result.getSingleResult()).thenReturn(rule);
        when(decisionService.evaluateDecisionTableByKey(eq("CertificationResult"), any())).thenReturn(result);

        assertThat(proposals.propose(campaign, cohort)).isEqualTo(4);
        assertThat(table.getValue().propose(3, 3, 2)).isEqualTo("DELIVREE");
        verify(decisionService).evaluateDecisionTableByKey("CertificationResult",
                Map.of("acquiredBlocsCount", 3, "blocsCount", 3, "minimumAcquiredBlocs", 2));
    }

    @Test
    void the_decision_is_the_rules() {
        Optional<Certifications.Decision> decision = Optional.of(new Certifications.Decision("Certification délivrée", true));
        when(decisions.decision(7L, 1L)).thenReturn(decision);

        assertThat(proposals.decision(7L, 1L)).isSameAs(decision);
    }
}
