package fr.certiflow.production;

import static fr.certiflow.production.ProductionFixtures.DEADLINE;
import static fr.certiflow.production.ProductionFixtures.REGULATION;
import static fr.certiflow.production.ProductionFixtures.candidate;
import static fr.certiflow.production.ProductionFixtures.component;
import static fr.certiflow.production.ProductionFixtures.context;
import static fr.certiflow.production.ProductionFixtures.production;
import static fr.certiflow.production.ProductionFixtures.vae;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.FormIds;
import fr.certiflow.process.GroupOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A group's members (or a VAE candidate's composantes) and their sitting: opened once, members named, outcomes. */
@Tag("unit")
class SittingMembersTests {

    private static final Instant NOW = Instant.parse("2027-03-02T09:00:00Z");

    private final GroupSittingRepository sittings = mock(GroupSittingRepository.class);
    private final SubmissionRepository submissions = mock(SubmissionRepository.class);
    private final ProductionLookup lookup = mock(ProductionLookup.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final SittingMembers members = new SittingMembers(sittings, submissions, lookup, candidates,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private Candidate lea;
    private Candidate hugo;

    @BeforeEach
    void data() {
        lea = candidate(11L, "2027-001", "Léa", "Martin");
        hugo = candidate(12L, "2027-002", "Hugo", "Bernard");
        lea.setGroupCode("G1");
        hugo.setGroupCode("G1");
        when(candidates.findById(11L)).thenReturn(Optional.of(lea));
        when(candidates.findById(12L)).thenReturn(Optional.of(hugo));
        when(submissions.lockById(50L)).thenReturn(Optional.of(new Submission(1L, "A.3", 1, "group:G1")));
        when(sittings.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void theFirstMemberOpensTheGroupsSittingWithWhatItsProcessIsTold() {
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);
        var context = context(first, lea);
        context.campaign().setEvaluationDeadline(Instant.parse("2027-04-01T16:00:00Z"));
        when(lookup.context(first)).thenReturn(context);
        when(sittings.findBySubmissionIdAndRound(50L, 0)).thenReturn(Optional.empty());
        when(lookup.members(any(GroupSitting.class))).thenReturn(List.of(first, second));

        var start = members.join(first).orElseThrow();

        ArgumentCaptor<GroupSitting> saved = ArgumentCaptor.forClass(GroupSitting.class);
        verify(sittings).saveAndFlush(saved.capture());
        assertThat(saved.getValue().getBusinessKey()).isEqualTo("group:MMDC-2027/G1/A.3");
        assertThat(saved.getValue().getGroupCode()).isEqualTo("G1");
        assertThat(start.sitting()).isSameAs(saved.getValue());
        assertThat(start.vae()).isFalse();
        assertThat(start.code()).isEqualTo("A.3");
        assertThat(start.candidateLabel()).isEqualTo("Groupe G1 : Léa Martin (n° 2027-001), Hugo Bernard (n° 2027-002)");
        assertThat(start.componentLabel()).isEqualTo("A.3 " + component("A.3").title());
        assertThat(start.oral()).isTrue();
        assertThat(start.evaluationFormId()).isEqualTo(FormIds.groupEvaluation(REGULATION, component("A.3")));
        assertThat(start.harmonisationFormId()).isEqualTo(FormIds.harmonisation(REGULATION, component("A.3")));
        assertThat(start.evaluationDue()).isEqualTo(Instant.parse("2027-04-01T16:00:00Z"));
        assertThat(start.memberCount()).isEqualTo(2);
    }

    @Test
    void theOtherMembersFindTheSittingStarted() {
        Production second = production(2L, hugo, "A.3", DEADLINE);
        when(lookup.context(second)).thenReturn(context(second, hugo));
        GroupSitting started = new GroupSitting(50L, 0, 1L, "A.3", 1, "G1", "group:MMDC-2027/G1/A.3", NOW);
        started.started("instance-1");
        when(sittings.findBySubmissionIdAndRound(50L, 0)).thenReturn(Optional.of(started));

        assertThat(members.join(second)).isEmpty();
        verify(submissions).lockById(50L);
        verify(sittings, never()).saveAndFlush(any());
    }

    @Test
    void aVaeCandidatesSittingIsOnTheBlocAndTheCandidateAlone() {
        vae(lea);
        Production a1 = production(1L, lea, "A.1", DEADLINE);
        Production a2 = production(2L, lea, "A.2", DEADLINE);
        when(lookup.context(a1)).thenReturn(context(a1, lea));
        when(sittings.findBySubmissionIdAndRound(50L, 0)).thenReturn(Optional.empty());
        when(lookup.members(any(GroupSitting.class))).thenReturn(List.of(a1, a2));

        var start = members.join(a1).orElseThrow();

        assertThat(start.sitting().getBusinessKey()).isEqualTo("vae:MMDC-2027/2027-001/BC1");
        assertThat(start.sitting().getGroupCode()).isEqualTo("2027-001");
        assertThat(start.vae()).isTrue();
        assertThat(start.code()).isEqualTo("BC1");
        assertThat(start.candidateLabel()).isEqualTo("Léa Martin (2027-001, VAE)");
        assertThat(start.componentLabel()).endsWith(" (A.1, A.2)").startsWith("BC1 ");
        assertThat(start.evaluationFormId()).isNull();
        assertThat(start.harmonisationFormId()).isNull();
    }

    @Test
    void onlyTheMembersToHarmoniseGetAHarmonisationTask() {
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);
        second.moveTo(ProductionStatus.HARMONISATION);

        assertThat(members.memberIds(List.of(first, second))).containsExactly(1L, 2L);
        assertThat(members.membersToHarmonise(List.of(first, second))).containsExactly(2L);
    }

    @Test
    void aGroupsMemberIsNamedWithTheGroupAVaeComposanteWithItsOwnForms() {
        Production second = production(2L, hugo, "A.3", DEADLINE);
        when(lookup.sitting("group:MMDC-2027/G1/A.3"))
                .thenReturn(new GroupSitting(50L, 0, 1L, "A.3", 1, "G1", "group:MMDC-2027/G1/A.3", NOW));
        assertThat(members.nameMember("group:MMDC-2027/G1/A.3", second)).isEqualTo(
                new SittingMembers.MemberNaming("Groupe G1 — Hugo Bernard (n° 2027-002)", null, null, null, null));

        vae(lea);
        Production a2 = production(3L, lea, "A.2", DEADLINE);
        when(lookup.context(a2)).thenReturn(context(a2, lea));
        assertThat(members.nameMember("vae:MMDC-2027/2027-001/BC1", a2)).isEqualTo(new SittingMembers.MemberNaming(
                "Léa Martin (2027-001, VAE)", "A.2", "A.2 " + component("A.2").title(),
                FormIds.evaluation(REGULATION, component("A.2")), FormIds.harmonisation(REGULATION, component("A.2"))));
    }

    @Test
    void eachMemberIsAssessedUnlessRecordedAbsentAtTheOral() {
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);
        GroupSitting sitting = new GroupSitting(50L, 0, 1L, "A.3", 1, "G1", "group:MMDC-2027/G1/A.3", NOW);
        sitting.recordAbsent(2L);
        when(lookup.sitting("group:MMDC-2027/G1/A.3")).thenReturn(sitting);

        assertThat(members.assessed("group:MMDC-2027/G1/A.3", List.of(first, second))).containsExactly(
                new SittingMembers.MemberOutcome(first.getProcessKey(), GroupOutcome.ASSESSED, "Léa Martin (n° 2027-001)"),
                new SittingMembers.MemberOutcome(second.getProcessKey(), GroupOutcome.ABSENT, "Hugo Bernard (n° 2027-002)"));
        assertThat(members.returned(List.of(first, second))).extracting(SittingMembers.MemberOutcome::outcome)
                .containsExactly(GroupOutcome.RETURNED, GroupOutcome.RETURNED);
    }
}
