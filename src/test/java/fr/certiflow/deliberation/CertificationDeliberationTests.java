package fr.certiflow.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.deliberation.CertificationDeliberation.ExceptionLine;
import fr.certiflow.deliberation.CertificationDeliberation.PoolMember;
import fr.certiflow.deliberation.CertificationDeliberation.Sitting;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.process.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules of the certification jury's sitting, without the engine. */
@Tag("unit")
class CertificationDeliberationTests {

    static final CertificationJuryPolicy POLICY = new CertificationJuryPolicy(3, 3,
            "un président de jury du jury de la campagne", "tous ses blocs acquis", "Règlement de certification MMDC v1");
    static final List<PoolMember> POOL = List.of(
            new PoolMember("paul", "Paul Président", "Cabinet Conseil", true),
            new PoolMember("pia", "Pia Présidente", null, true),
            new PoolMember("jure1", "Julien Juré", "Agence Web", false),
            new PoolMember("jure2", "Jeanne Jurée", null, false),
            new PoolMember("jure3", "Jessica Jurée", null, false));

    static Map<String, String> proposals(int size) {
        Map<String, String> proposals = new LinkedHashMap<>();
        for (int i = 1; i <= size; i++) {
            proposals.put(String.format("2027-%03d", i), i % 10 == 0 ? Decision.NON_DELIVREE.code() : Decision.DELIVREE.code());
        }
        return proposals;
    }

    static Sitting sitting(List<String> members, List<String> present, List<ExceptionLine> exceptions) {
        return new Sitting("paul", members, present, exceptions, true);
    }

    @Nested
    class Jury {

        @Test
        void theChairIsAMemberAndPresentAndComesFirst() {
            var outcome = CertificationDeliberation.check(POLICY, POOL, proposals(3),
                    sitting(List.of("jure1", "jure2", "jure3"), List.of("jure1", "jure3"), List.of()));
            assertThat(outcome.members()).extracting(CertificationJury.Member::getUserId)
                    .containsExactly("paul", "jure1", "jure2", "jure3");
            assertThat(outcome.members()).filteredOn(CertificationJury.Member::isPresent)
                    .extracting(CertificationJury.Member::getUserId).containsExactly("paul", "jure1", "jure3");
            assertThat(outcome.members().get(0).isPresident()).isTrue();
            assertThat(outcome.members().get(1).getOrganisation()).isEqualTo("Agence Web");
            assertThat(outcome.derogations()).isEmpty();
        }

        @Test
        void aQuorumNotMetIsRefusedWithTheCountsAndTheRule() {
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3),
                    sitting(List.of("jure1", "jure2", "jure3"), List.of("jure2"), List.of())))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("Quorum non atteint : 2 membre(s) présent(s) sur 4 désigné(s), le Règlement de certification "
                            + "MMDC v1 en exige 3. Aucune décision n'est enregistrée : le jury délibère quand le quorum est réuni.");
        }

        @Test
        void aJuryOfFewerMembersThanTheReglementRequiresIsRefused() {
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3),
                    sitting(List.of("jure1"), List.of("jure1"), List.of())))
                    .hasMessage("Le jury de certification désigné compte 2 membre(s), président compris : le Règlement de "
                            + "certification MMDC v1 en exige au moins 3.");
        }

        @Test
        void aQuorumBelowTheDesignationLetsAJuryDecideWithAbsentMembers() {
            CertificationJuryPolicy five = new CertificationJuryPolicy(5, 3, POLICY.chair(), POLICY.awardRule(),
                    "Règlement de certification X v2");
            var outcome = CertificationDeliberation.check(five, POOL, proposals(3),
                    sitting(List.of("pia", "jure1", "jure2", "jure3"), List.of("jure1", "jure2"), List.of()));
            assertThat(outcome.members()).hasSize(5).filteredOn(m -> !m.isPresent()).extracting(CertificationJury.Member::getUserId)
                    .containsExactly("pia", "jure3");
        }

        @Test
        void aMemberOutsideTheCampaignsJuryIsRefusedByName() {
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3),
                    sitting(List.of("jure1", "intrus"), List.of("jure1"), List.of())))
                    .hasMessageStartingWith("« intrus » n'est pas membre du jury de cette campagne");
        }

        @Test
        void aMemberPresentWithoutBeingDesignatedIsRefused() {
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3),
                    sitting(List.of("jure1", "jure2"), List.of("jure1", "jure3"), List.of())))
                    .hasMessage("« jure3 » est indiqué présent sans avoir été désigné membre du jury de certification.");
        }

        @Test
        void onlyAJuryPresidentOfThePoolChairs() {
            Sitting byJuror = new Sitting("jure1", List.of("jure2", "jure3"), List.of("jure2", "jure3"), List.of(), true);
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3), byJuror))
                    .hasMessage("Selon le Règlement de certification MMDC v1, le jury de certification est présidé par un "
                            + "président de jury du jury de la campagne : jure1 n'en est pas un.");
            Sitting byStranger = new Sitting("president.ailleurs", List.of("jure2", "jure3"), List.of("jure2", "jure3"), List.of(), true);
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3), byStranger))
                    .hasMessageContaining("president.ailleurs n'en est pas un");
        }

        @Test
        void theConfirmationMustBeTicked() {
            Sitting unticked = new Sitting("paul", List.of("jure1", "jure2"), List.of("jure1", "jure2"), List.of(), false);
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3), unticked))
                    .hasMessageContaining("Cochez la case");
        }
    }

    @Nested
    class Exceptions {

        final List<String> members = List.of("jure1", "jure2");

        @Test
        void aCohortOf500IsConfirmedAtOnceButForItsExceptions() {
            var outcome = CertificationDeliberation.check(POLICY, POOL, proposals(500), sitting(members, members, List.of(
                    new ExceptionLine(1, "2027-042", "NON_DELIVREE", "  Plagiat établi du dossier du bloc 3.  "),
                    new ExceptionLine(2, "2027-100", "Délivrée", "Absence justifiée, bloc validé en commission."),
                    new ExceptionLine(3, " ", null, ""))));
            assertThat(outcome.derogations()).containsOnlyKeys("2027-042", "2027-100");
            assertThat(outcome.derogations().get("2027-042"))
                    .isEqualTo(new CertificationDeliberation.Derogation(Decision.NON_DELIVREE.code(), "Plagiat établi du dossier du bloc 3."));
            assertThat(outcome.derogations().get("2027-100").decision()).isEqualTo(Decision.DELIVREE.code());
        }

        @Test
        void eachBadLineIsNamedWithItsCandidateAndProblem() {
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(20), sitting(members, members, List.of(
                    new ExceptionLine(1, "2027-001", "NON_DELIVREE", ""),
                    new ExceptionLine(2, "2027-999", "NON_DELIVREE", "Motif."),
                    new ExceptionLine(3, "2027-002", "Ajourné", "Motif."),
                    new ExceptionLine(4, "2027-003", "DELIVREE", "Motif."),
                    new ExceptionLine(5, "", "NON_DELIVREE", "Motif."),
                    new ExceptionLine(6, "2027-004", "non délivrée", "Motif."),
                    new ExceptionLine(7, "2027-004", "non délivrée", "Motif.")))))
                    .hasMessage(String.join("\n",
                            "Ligne 1 (candidat « 2027-001 ») : le jury décide « Non délivrée » au lieu de « Délivrée » : "
                                    + "une justification écrite est obligatoire.",
                            "Ligne 2 (candidat « 2027-999 ») : aucun candidat de cette session ne porte ce numéro.",
                            "Ligne 3 (candidat « 2027-002 ») : décision « Ajourné » inconnue (« Délivrée » ou « Non délivrée »).",
                            "Ligne 4 (candidat « 2027-003 ») : « Délivrée » est la décision proposée : cette liste ne tient que "
                                    + "les décisions différentes, retirez la ligne pour confirmer la proposition.",
                            "Ligne 5 : indiquez le numéro du candidat.",
                            "Ligne 7 (candidat « 2027-004 ») : ce candidat figure déjà ligne 6."));
        }

        @Test
        void aJustificationOver4000CharactersIsRefused() {
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3), sitting(members, members,
                    List.of(new ExceptionLine(1, "2027-001", "NON_DELIVREE", "x".repeat(4001))))))
                    .hasMessageContaining("la justification dépasse 4000 caractères");
        }

        @Test
        void aLongListOfProblemsIsCutAfterTen() {
            List<ExceptionLine> lines = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                lines.add(new ExceptionLine(i + 1, "X" + i, "NON_DELIVREE", "Motif."));
            }
            assertThatThrownBy(() -> CertificationDeliberation.check(POLICY, POOL, proposals(3), sitting(members, members, lines)))
                    .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(11).last()
                            .isEqualTo("… et 15 autre(s) problème(s)."));
        }

        @Test
        void theTypedListIsReadLineByLineWithSemicolonsOrTabs() {
            String typed = "2027-042 ; Non délivrée ; Plagiat établi ; sanction de la commission.\n\n"
                    + "2027-100\tDélivrée\tBloc validé en commission de recours.\r\n2027-007 ; Délivrée";
            assertThat(CertificationDeliberation.lines(typed)).containsExactly(
                    new ExceptionLine(1, "2027-042 ", " Non délivrée ", " Plagiat établi ; sanction de la commission."),
                    new ExceptionLine(3, "2027-100", "Délivrée", "Bloc validé en commission de recours."),
                    new ExceptionLine(4, "2027-007 ", " Délivrée", null));
            assertThat(CertificationDeliberation.lines(null)).isEmpty();
            assertThatThrownBy(() -> CertificationDeliberation.lines("x".repeat(4001)))
                    .hasMessageContaining("dépasse 4000 caractères");
        }

        @Test
        void decisionsAreReadFromCodesOrFrenchLabels() {
            assertThat(CertificationDeliberation.decisionCode("Non délivrée")).isEqualTo(Decision.NON_DELIVREE.code());
            assertThat(CertificationDeliberation.decisionCode("NON_DELIVREE")).isEqualTo(Decision.NON_DELIVREE.code());
            assertThat(CertificationDeliberation.decisionCode(" DÉLIVRÉE ")).isEqualTo(Decision.DELIVREE.code());
            assertThat(CertificationDeliberation.decisionCode("Validé")).isNull();
            assertThat(CertificationDeliberation.label(Decision.NON_DELIVREE.code())).isEqualTo("Non délivrée");
        }
    }
}
