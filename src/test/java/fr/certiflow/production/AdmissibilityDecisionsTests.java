package fr.certiflow.production;

import static fr.certiflow.production.ProductionFixtures.DEADLINE;
import static fr.certiflow.production.ProductionFixtures.candidate;
import static fr.certiflow.production.ProductionFixtures.context;
import static fr.certiflow.production.ProductionFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The coordinator's admissibility decision: what may be decided, and what is recorded on each member's production. */
@Tag("unit")
class AdmissibilityDecisionsTests {

    /** A.3 lists nine required contents in the référentiel; A.1 none. */
    private static final List<String> ALL_A3 = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final ProductionDocuments documents = mock(ProductionDocuments.class);
    private final LanguageChecks languageChecks = mock(LanguageChecks.class);
    private final Instant now = Instant.parse("2027-02-01T10:00:00Z");
    private final AdmissibilityDecisions decisions = new AdmissibilityDecisions(documents, languageChecks, candidates,
            Clock.fixed(now, ZoneOffset.UTC));

    private Candidate lea;
    private Candidate hugo;

    @BeforeEach
    void candidates() {
        lea = candidate(11L, "2027-001", "Léa", "Martin");
        hugo = candidate(12L, "2027-002", "Hugo", "Bernard");
        when(candidates.findById(11L)).thenReturn(Optional.of(lea));
        when(candidates.findById(12L)).thenReturn(Optional.of(hugo));
    }

    private static AdmissibilityDecisions.AdmissibilityForm admissible(Object present, Object despite) {
        return new AdmissibilityDecisions.AdmissibilityForm("RECEVABLE", null, present, despite);
    }

    private static AdmissibilityDecisions.AdmissibilityForm returned(String reason, Object present) {
        return new AdmissibilityDecisions.AdmissibilityForm("A_RETOURNER", reason, present, null);
    }

    @Test
    void anAdmissibleProductionWithEveryContentMakesEveryMemberAdmissible() {
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);

        var outcome = decisions.decide(context(first, lea), List.of(first, second), admissible(ALL_A3, null));

        assertThat(outcome.admissible()).isTrue();
        assertThat(outcome.returnReason()).isNull();
        assertThat(List.of(first, second)).allSatisfy(member -> {
            assertThat(member.getStatus()).isEqualTo(ProductionStatus.ADMISSIBLE);
            assertThat(member.getMissingContents()).isEmpty();
            assertThat(member.getAdmissibleDespite()).isNull();
        });
    }

    @Test
    void admissibleDespiteAMissingContentNeedsAWrittenJustification() {
        Production production = production(1L, lea, "A.3", DEADLINE);
        List<String> allButTheBudget = List.of("1", "2", "3", "4", "5", "6", "7", "9");

        assertThatThrownBy(() -> decisions.check(context(production, lea), List.of(production),
                admissible(allButTheBudget, "  ")))
                .isInstanceOf(RefusedException.class)
                .hasMessage("La production ne comprend pas : l'évaluation des moyens à mobiliser sous la forme d'un budget."
                        + " Renvoyez-la au candidat, ou justifiez par écrit sa recevabilité malgré ces manques.");
        assertThatThrownBy(() -> decisions.check(context(production, lea), List.of(production),
                admissible(allButTheBudget, "x".repeat(4001))))
                .hasMessage("La justification de la recevabilité dépasse 4000 caractères.");

        var outcome = decisions.decide(context(production, lea), List.of(production),
                admissible(allButTheBudget, "  Budget présenté à l'oral.  "));
        assertThat(outcome.admissible()).isTrue();
        assertThat(production.getMissingContents())
                .containsExactly("l'évaluation des moyens à mobiliser sous la forme d'un budget");
        assertThat(production.getAdmissibleDespite()).isEqualTo("Budget présenté à l'oral.");
        assertThat(production.getStatus()).isEqualTo(ProductionStatus.ADMISSIBLE);
    }

    @Test
    void aDecisionIsRequired() {
        Production production = production(1L, lea, "A.1", DEADLINE);
        assertThatThrownBy(() -> decisions.check(context(production, lea), List.of(production),
                new AdmissibilityDecisions.AdmissibilityForm(null, null, null, null)))
                .isInstanceOf(RefusedException.class)
                .hasMessage("Indiquez si la production est recevable ou à renvoyer au candidat.");
    }

    @Test
    void aReturnNeedsAReasonThatFitsTheMail() {
        Production production = production(1L, lea, "A.3", DEADLINE);
        var context = context(production, lea);
        assertThatThrownBy(() -> decisions.check(context, List.of(production), returned(" ", ALL_A3)))
                .hasMessage("Indiquez au candidat la raison du renvoi de sa production.");
        assertThatThrownBy(() -> decisions.check(context, List.of(production), returned("x".repeat(4001), ALL_A3)))
                .hasMessage("La raison du renvoi dépasse 4000 caractères.");
        // 3500 characters alone fit; with the list of missing items they do not.
        decisions.check(context, List.of(production), returned("x".repeat(3500), ALL_A3));
        assertThatThrownBy(() -> decisions.check(context, List.of(production), returned("x".repeat(3500), List.of("1"))))
                .hasMessage("La raison du renvoi est trop longue : avec la liste des éléments manquants, elle dépasse 3500"
                        + " caractères. Raccourcissez-la.");
    }

    @Test
    void aProductionIsReturnedAsOftenAsTheRegulationAllows() {
        Production production = production(1L, lea, "A.1", DEADLINE);
        production.returned("Fichier illisible");

        assertThatThrownBy(() -> decisions.check(context(production, lea), List.of(production), returned("Encore", null)))
                .hasMessage("Cette production a déjà été renvoyée une fois : elle ne peut plus l'être (Règlement de"
                        + " certification MMDC v1, révision 2).");
    }

    @Test
    void aGroupsReturnNamesTheMemberWhoUsedTheReturn() {
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);
        second.returned("Fichier illisible");

        assertThatThrownBy(() -> decisions.check(context(first, lea), List.of(first, second), returned("Encore", ALL_A3)))
                .hasMessage("Cette production (Hugo Bernard (n° 2027-002)) a déjà été renvoyée une fois : elle ne peut"
                        + " plus l'être (Règlement de certification MMDC v1, révision 2).");
    }

    @Test
    void noReturnOnceTheDeadlineHasPassed() {
        Production late = production(1L, lea, "A.1", now);
        assertThatThrownBy(() -> decisions.check(context(late, lea), List.of(late), returned("Incomplet", null)))
                .hasMessage("La date limite de remise est passée : la production ne peut plus être renvoyée.");

        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", Instant.parse("2027-01-31T16:00:00Z"));
        assertThatThrownBy(() -> decisions.check(context(first, lea), List.of(first, second), returned("Incomplet", ALL_A3)))
                .hasMessage("La date limite de remise de Hugo Bernard (n° 2027-002) est passée (dimanche 31 janvier 2027"
                        + " à 17h00) : la production du groupe ne peut plus être renvoyée, ce membre ne pourrait plus la"
                        + " remettre.");
    }

    @Test
    void aReturnRecordsWhatIsMissingOnEachMemberAndGivesTheReasonStripped() {
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);

        var outcome = decisions.decide(context(first, lea), List.of(first, second),
                returned("  Le budget manque.  ", List.of("1", "2", "3", "4", "5", "6", "7", "9")));

        assertThat(outcome.admissible()).isFalse();
        assertThat(outcome.returnReason()).isEqualTo("Le budget manque.");
        assertThat(List.of(first, second)).allSatisfy(member -> {
            assertThat(member.getMissingContents())
                    .containsExactly("l'évaluation des moyens à mobiliser sous la forme d'un budget");
            assertThat(member.getStatus()).as("the return step returns it").isEqualTo(ProductionStatus.AWAITING_SUBMISSION);
        });
    }

    @Test
    void theTaskShowsTheFilesTheLanguageCheckAndTheChecklist() {
        Production production = production(7L, lea, "A.3", DEADLINE);
        var context = context(production, lea);
        when(documents.markdownLinks(7L)).thenReturn("- [production.pdf](/lien)");
        when(languageChecks.summary(context)).thenReturn("Tous les documents sont dans la langue exigée.");

        var view = decisions.view(context);

        assertThat(view.documentsSummary()).isEqualTo("- [production.pdf](/lien)");
        assertThat(view.productionConsole()).isEqualTo("/certiflow/productions/7");
        assertThat(view.languageSummary()).isEqualTo("Tous les documents sont dans la langue exigée.");
        assertThat(view.requiredContents().items()).hasSize(9).startsWith("la définition des objectifs poursuivis");
    }
}
