package fr.certiflow.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.errors.RefusedException;
import fr.certiflow.production.Production;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What a coordinator designating a jury by hand is shown, what the designation must be (jurors of the pool, the rules
 * met or a written reason), and what is recorded. No engine, no Spring.
 */
@Tag("unit")
class ManualDesignationsTests {

    static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    static final JuryPolicy POLICY = new JuryPolicy(2, 1, 0, false, true, true, true, "Règlement de test");
    static final JuryRules.Candidacy LEA = new JuryRules.Candidacy("2027-001", null, null, Set.of(), "Léa Martin (n° 2027-001)");
    static final JuryRules.Candidacy HUGO = new JuryRules.Candidacy("2027-002", null, null, Set.of(), "Hugo Bernard (n° 2027-002)");
    static final Juror EXTERNAL = new Juror(7L, "ext", "Juré extérieur", true, false, false, 10);
    static final Juror INTERNAL = new Juror(7L, "int", "Juré interne", false, false, false, 10);
    static final Juror OTHER = new Juror(7L, "int2", "Autre interne", false, false, false, 10);

    final JuryAssignments assignments = mock(JuryAssignments.class);
    final JuryDerogationRepository derogations = mock(JuryDerogationRepository.class);
    final ManualDesignations designations = new ManualDesignations(assignments, derogations, Clock.fixed(NOW, ZoneOffset.UTC));
    final Production first = production(1L);
    final Production second = production(2L);

    static Production production(long id) {
        Production production = mock(Production.class);
        when(production.getId()).thenReturn(id);
        return production;
    }

    void setting(JuryRules.Candidacy... candidacies) {
        when(assignments.setting(any())).thenReturn(new JuryAssignments.Setting(POLICY, List.of(candidacies),
                List.of(EXTERNAL, INTERNAL, OTHER), Map.of()));
    }

    static ManualDesignations.Submission submission(String ids, String reason) {
        return new ManualDesignations.Submission(ids, reason, "coordo");
    }

    @Test
    void oneCandidateIsShownTheRulesTheDerogationAndThePoolInFourParts() {
        setting(LEA);

        ManualDesignations.Prompt prompt = designations.prompt(List.of(first));

        assertThat(prompt.rules()).isEqualTo(JuryRules.describe(POLICY)
                + "\nUn jury qui s'écarte d'une de ces règles n'est accepté qu'avec une dérogation motivée par écrit, "
                + "qui figure sur la grille consolidée et au procès-verbal.\n");
        assertThat(prompt.pool()).hasSize(ManualDesignations.POOL_PARTS);
        assertThat(prompt.pool().get(0)).startsWith("| Juré | Identifiant | Profil | Charge | Objections pour ce candidat |")
                .contains("| Juré extérieur | ext | professionnel extérieur | 0 / 10 | aucune |");
        assertThat(prompt.pool().subList(1, ManualDesignations.POOL_PARTS)).containsOnly("");
    }

    @Test
    void aSittingOfSeveralCandidatesIsToldOneJurySitsForThemAll() {
        setting(LEA, HUGO);

        ManualDesignations.Prompt prompt = designations.prompt(List.of(first, second));

        assertThat(prompt.rules()).contains("\nUn seul jury pour toute la séance : les mêmes jurés évaluent chaque membre "
                + "(Léa Martin (n° 2027-001), Hugo Bernard (n° 2027-002)), et chaque règle ci-dessus vaut pour chacun d'eux.\n");
        assertThat(prompt.pool().get(0)).startsWith("| Juré | Identifiant | Profil | Charge | Objections pour les membres |");
    }

    @Test
    void anEmptyPoolSaysSo() {
        when(assignments.setting(any())).thenReturn(new JuryAssignments.Setting(POLICY, LEA, List.of(), Map.of()));

        assertThat(designations.prompt(List.of(first)).pool().get(0))
                .endsWith("| aucun juré dans le jury de cette campagne | | | | |\n");
    }

    @Test
    void aDesignationNamesOneToTwentyJurorsOfTheCampaignsPool() {
        setting(LEA);

        assertThatThrownBy(() -> designations.check(List.of(first), submission(null, null))).isInstanceOf(RefusedException.class)
                .hasMessage("Identifiants des jurés : indiquez au moins un juré (identifiants séparés par des virgules).");
        assertThatThrownBy(() -> designations.check(List.of(first), submission(" ,; ", null)))
                .hasMessage("Identifiants des jurés : indiquez au moins un juré (identifiants séparés par des virgules).");
        String many = IntStream.rangeClosed(1, 21).mapToObj(i -> "j" + i).collect(Collectors.joining(","));
        assertThatThrownBy(() -> designations.check(List.of(first), submission(many, null)))
                .hasMessage("Identifiants des jurés : 20 jurés au plus (21 donnés).");
        assertThatThrownBy(() -> designations.check(List.of(first), submission("ext, inconnu", null)))
                .hasMessage("Identifiants des jurés : « inconnu » n'est pas un juré du jury de cette campagne.");
    }

    @Test
    void aJuryMeetingTheRulesNeedsNoReasonAndKeepsNone() {
        setting(LEA);

        ManualDesignations.Designation designation = designations.check(List.of(first),
                submission(" ext;int\next, ", "un motif qui ne sert à rien"));

        assertThat(designation.jurors()).containsExactly("ext", "int");
        assertThat(designation.breaches()).isEmpty();
        assertThat(designation.reason()).isNull();
        assertThat(designation.source()).isEqualTo("Règlement de test");
        assertThat(designation.decidedBy()).isEqualTo("coordo");
    }

    @Test
    void aJuryBreakingARuleNeedsAWrittenReasonOfFifteenToFourThousandCharacters() {
        setting(LEA);
        List<String> breaches = JuryRules.breaches(POLICY, List.of(INTERNAL, OTHER), List.of(LEA), Map.of());
        assertThat(breaches).isNotEmpty();
        String refusal = "Ce jury s'écarte du Règlement de test : " + String.join(" ; ", breaches)
                + ". Désignez un jury conforme, ou justifiez la dérogation dans le champ « Motif de la dérogation » (au moins 15 caractères";

        assertThatThrownBy(() -> designations.check(List.of(first), submission("int,int2", "  ")))
                .hasMessage(refusal + ").");
        assertThatThrownBy(() -> designations.check(List.of(first), submission("int,int2", " trop court ")))
                .hasMessage(refusal + ", 10 donnés).");
        assertThatThrownBy(() -> designations.check(List.of(first), submission("int,int2", "x".repeat(4001))))
                .hasMessage("Motif de la dérogation : il dépasse 4000 caractères.");

        ManualDesignations.Designation designation = designations.check(List.of(first),
                submission("int,int2", "  Aucun juré extérieur disponible cette semaine. "));
        assertThat(designation.breaches()).isEqualTo(breaches);
        assertThat(designation.reason()).isEqualTo("Aucun juré extérieur disponible cette semaine.");
    }

    @Test
    void aDesignatedJuryIsRecordedForEveryMemberWithItsDerogation() {
        setting(LEA, HUGO);

        designations.designate(List.of(first, second), submission("int,int2", "Aucun juré extérieur disponible."));

        verify(assignments).record(first, List.of("int", "int2"), true);
        verify(assignments).record(second, List.of("int", "int2"), true);
        ArgumentCaptor<JuryDerogation> saved = ArgumentCaptor.forClass(JuryDerogation.class);
        verify(derogations, times(2)).save(saved.capture());
        assertThat(saved.getAllValues()).extracting(JuryDerogation::getProductionId).containsExactly(1L, 2L);
        assertThat(saved.getAllValues()).allSatisfy(derogation -> {
            assertThat(derogation.getSource()).isEqualTo("Règlement de test");
            assertThat(derogation.getReason()).isEqualTo("Aucun juré extérieur disponible.");
            assertThat(derogation.getDecidedBy()).isEqualTo("coordo");
            assertThat(derogation.getDecidedAt()).isEqualTo(NOW);
            assertThat(derogation.breaches()).isNotEmpty();
        });
    }

    @Test
    void aCompliantJuryIsRecordedWithoutDerogationAndARefusedOneNotAtAll() {
        setting(LEA);

        designations.designate(List.of(first), submission("ext,int", null));
        verify(assignments).record(first, List.of("ext", "int"), true);
        verify(derogations, never()).save(any());

        assertThatThrownBy(() -> designations.designate(List.of(second), submission("int,int2", null)))
                .isInstanceOf(RefusedException.class);
        verify(assignments, never()).record(eq(second), any(), anyBoolean());
    }
}
