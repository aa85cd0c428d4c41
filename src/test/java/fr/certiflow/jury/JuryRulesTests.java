package fr.certiflow.jury;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each rule of a jury's composition, as objections to a juror and shortfalls of a jury, in the words users read. */
@Tag("unit")
class JuryRulesTests {

    static final JuryPolicy TODAY = new JuryPolicy(2, 1, 0, false, true, true, true, "Règlement de certification MMDC v1, révision 2");
    static final JuryPolicy ENGLISH = new JuryPolicy(2, 1, 1, false, true, true, true, "Règlement de certification MMDC v1, révision 2");
    static final JuryRules.Candidacy CANDIDACY = new JuryRules.Candidacy("2027-001", "Claire Dupont", "Agence Horizon", Set.of());

    static Juror juror(String id, boolean external, boolean english) {
        return new Juror(1L, id, "Juré " + id, external, english, false, 10);
    }

    @Nested
    class Objections {

        @Test
        void noneForAFreeJurorUnderTheirLoad() {
            assertThat(JuryRules.objections(TODAY, juror("a", true, false), CANDIDACY, 9)).isEmpty();
        }

        @Test
        void theTrainerByNameOrIdWhateverTheCase() {
            Juror byName = new Juror(1L, "cdupont", " claire dupont ", true, false, false, 10);
            Juror byId = new Juror(1L, "Claire Dupont", "Autre nom", true, false, false, 10);
            assertThat(JuryRules.objections(TODAY, byName, CANDIDACY, 0)).containsExactly("formateur ou tuteur du candidat");
            assertThat(JuryRules.objections(TODAY, byId, CANDIDACY, 0)).containsExactly("formateur ou tuteur du candidat");
        }

        @Test
        void theEmployerAndDeclaredConflictsWithTheCandidateOrTheEmployer() {
            Juror colleague = juror("b", true, false);
            colleague.setOrganisation("agence horizon");
            Juror declared = juror("c", true, false);
            declared.setConflicts("2027-001; Agence Horizon");
            assertThat(JuryRules.objections(TODAY, colleague, CANDIDACY, 0))
                    .containsExactly("appartient à l'entreprise du candidat (Agence Horizon)");
            assertThat(JuryRules.objections(TODAY, declared, CANDIDACY, 0)).containsExactly(
                    "conflit d'intérêts déclaré avec le candidat",
                    "conflit d'intérêts déclaré avec l'entreprise du candidat (Agence Horizon)");
        }

        @Test
        void atASittingEachObjectionNamesTheMembersItConcernsUnlessItConcernsThemAll() {
            Juror president = new Juror(1L, "p", "Président", true, false, true, 10);
            president.setConflicts("2027-002");
            var first = new JuryRules.Candidacy("2027-001", "Président", null, Set.of(), "Léa Martin (n° 2027-001)");
            var second = new JuryRules.Candidacy("2027-002", "Président", null, Set.of(), "Hugo Bernard (n° 2027-002)");
            var third = new JuryRules.Candidacy("2027-003", null, null, Set.of(), "Chloé Dubois (n° 2027-003)");

            assertThat(JuryRules.objections(TODAY, president, List.of(first, second, third), 0)).containsExactly(
                    "président de jury : il harmonise et délibère, il n'évalue pas",
                    "formateur ou tuteur du candidat — Léa Martin (n° 2027-001), Hugo Bernard (n° 2027-002)",
                    "conflit d'intérêts déclaré avec le candidat — Hugo Bernard (n° 2027-002)");
            // One candidate's composantes (a VAE bloc): the objections are theirs, named once.
            assertThat(JuryRules.objections(TODAY, president, List.of(first, first), 0)).containsExactly(
                    "président de jury : il harmonise et délibère, il n'évalue pas", "formateur ou tuteur du candidat");
            assertThat(JuryRules.breaches(TODAY, List.of(president), List.of(first, third), Map.of())).containsExactly(
                    "Président : président de jury : il harmonise et délibère, il n'évalue pas",
                    "Président : formateur ou tuteur du candidat — Léa Martin (n° 2027-001)",
                    "1 juré désigné, le règlement en prévoit 2");
        }

        @Test
        void aPresidentTheExcludedAndAJurorAtTheirMaximumLoad() {
            Juror president = new Juror(1L, "p", "Président", true, false, true, 3);
            var excluding = new JuryRules.Candidacy("2027-001", null, null, Set.of("p"));
            assertThat(JuryRules.objections(TODAY, president, excluding, 3)).containsExactly("écarté de cette production",
                    "président de jury : il harmonise et délibère, il n'évalue pas",
                    "charge maximale atteinte (3 productions pour 3 au plus)");
        }

        @Test
        void aPolicyThatLetsPresidentsEvaluateAndTrainersSitHasNoSuchObjection() {
            JuryPolicy lenient = new JuryPolicy(2, 1, 0, true, false, false, false, "Règlement de test");
            Juror all = new Juror(1L, "claire", "Claire Dupont", true, false, true, 10);
            all.setOrganisation("Agence Horizon");
            all.setConflicts("2027-001");
            assertThat(JuryRules.objections(lenient, all, CANDIDACY, 0)).isEmpty();
            assertThat(JuryRules.objections(TODAY, all, CANDIDACY, 0)).hasSize(4);
        }
    }

    @Nested
    class Shortfalls {

        @Test
        void noneForAJuryAsThePolicyAsks() {
            assertThat(JuryRules.shortfalls(ENGLISH, List.of(juror("a", true, false), juror("b", false, true)))).isEmpty();
        }

        @Test
        void aLoneInternalJurorMissesASecondJurorAndAnExternal() {
            assertThat(JuryRules.shortfalls(TODAY, List.of(juror("a", false, false)))).containsExactly(
                    "1 juré désigné, le règlement en prévoit 2",
                    "aucun professionnel extérieur dans le jury, le règlement en demande au moins 1");
        }

        @Test
        void tooManyJurorsAndNoneQualifiedInEnglish() {
            assertThat(JuryRules.shortfalls(ENGLISH, List.of(juror("a", true, false), juror("b", true, false),
                    juror("c", true, false)))).containsExactly("3 jurés désignés, le règlement en prévoit 2",
                    "aucun juré qualifié en anglais, le règlement en demande au moins 1 pour cette composante");
        }
    }

    @Test
    void breachesNameEachJurorsObjectionsThenTheJurysShortfalls() {
        Juror trainer = new Juror(1L, "claire", "Claire Dupont", false, false, false, 10);
        Juror full = juror("full", true, false);
        assertThat(JuryRules.breaches(TODAY, List.of(trainer, full), CANDIDACY, Map.of("full", 10L))).containsExactly(
                "Claire Dupont : formateur ou tuteur du candidat",
                "Juré full : charge maximale atteinte (10 productions pour 10 au plus)");
        assertThat(JuryRules.breaches(TODAY, List.of(juror("a", true, false), juror("b", false, false)), CANDIDACY, Map.of()))
                .isEmpty();
    }

    @Test
    void theRulesAreDescribedWithTheirSource() {
        assertThat(JuryRules.describe(ENGLISH))
                .startsWith("**Composition du jury** selon le Règlement de certification MMDC v1, révision 2 :")
                .contains("- 2 jurés par production ;", "- au moins 1 professionnel extérieur à l'organisme de formation ;",
                        "- au moins 1 juré qualifié en anglais", "- les présidents de jury n'évaluent pas",
                        "- jamais le formateur ou tuteur du candidat, ni un membre de son entreprise, ni un juré qui a déclaré un conflit");
        assertThat(JuryRules.describe(new JuryPolicy(3, 0, 0, true, false, false, false, "Règlement de test")))
                .contains("- 3 jurés par production ;").doesNotContain("extérieur", "anglais", "présidents", "jamais");
    }
}
