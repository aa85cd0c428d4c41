package fr.certiflow.jury;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The jury assignment rule, one rule at a time, then balance and determinism over many productions. */
@Tag("unit")
class BalancedJuryAssignerTests {

    final BalancedJuryAssigner assigner = new BalancedJuryAssigner();

    static Juror juror(String id, boolean external, boolean english) {
        return new Juror(1L, id, "Juré " + id, external, english, false, 10);
    }

    /** Today's rules: one external professional, one English-qualified juror when English is required. */
    static JuryPolicy policy(int jurors, boolean english) {
        return new JuryPolicy(jurors, 1, english ? 1 : 0, false, true, true, true, "Règlement de test");
    }

    static JuryAssigner.Request request(int jurors, boolean english) {
        return new JuryAssigner.Request(policy(jurors, english),
                new JuryRules.Candidacy("2027-001", "Claire Dupont", "Agence Horizon", Set.of()));
    }

    @Nested
    class Rules {

        @Test
        void takesTheConfiguredNumberWithAnExternalProfessional() {
            List<Juror> pool = List.of(juror("a", false, false), juror("b", false, false), juror("c", true, false));
            assertThat(assigner.choose(request(2, false), pool, Map.of())).containsExactly("a", "c");
            assertThat(assigner.choose(request(3, false), pool, Map.of())).containsExactly("a", "b", "c");
        }

        @Test
        void theProcurementCaseGetsAnEnglishQualifiedJuror() {
            List<Juror> pool = List.of(juror("a", true, false), juror("b", false, false), juror("c", false, true));
            assertThat(assigner.choose(request(2, true), pool, Map.of())).containsExactly("a", "c");
        }

        @Test
        void neverTheTrainerNorAJurorOfTheEmployerNorADeclaredConflict() {
            Juror trainer = new Juror(1L, "claire", "Claire Dupont", true, false, false, 10);
            Juror colleague = juror("b", true, false);
            colleague.setOrganisation("agence horizon");
            Juror declared = juror("c", true, false);
            declared.setConflicts("2027-001");
            Juror organisationConflict = juror("d", true, false);
            organisationConflict.setConflicts("Agence Horizon; Studio");
            Juror free = juror("e", true, false);
            Juror other = juror("f", false, false);
            assertThat(assigner.choose(request(2, false), List.of(trainer, colleague, declared, organisationConflict, free, other), Map.of()))
                    .containsExactly("e", "f");
        }

        @Test
        void neitherJuryPresidentsNorJurorsAtTheirMaximumLoad() {
            Juror president = new Juror(1L, "p", "Président", true, true, true, 10);
            Juror full = new Juror(1L, "full", "Plein", true, false, false, 3);
            List<Juror> pool = List.of(president, full, juror("x", true, false), juror("y", false, false));
            assertThat(assigner.choose(request(2, false), pool, Map.of("full", 3L))).containsExactly("x", "y");
        }

        @Test
        void aGroupsJuryHasNoObjectionForAnyMember() {
            Juror trainsTheSecond = new Juror(1L, "a", "Albert Formateur", true, false, false, 10);
            Juror conflictWithTheThird = juror("b", true, false);
            conflictWithTheThird.setConflicts("2027-003");
            List<Juror> pool = List.of(trainsTheSecond, conflictWithTheThird, juror("c", true, false), juror("d", false, false));
            var group = new JuryAssigner.Request(policy(2, false), List.of(
                    new JuryRules.Candidacy("2027-001", null, null, Set.of()),
                    new JuryRules.Candidacy("2027-002", "Albert Formateur", null, Set.of()),
                    new JuryRules.Candidacy("2027-003", null, null, Set.of())));
            assertThat(assigner.choose(group, pool, Map.of())).containsExactly("c", "d");
            // Each member alone would have had the first two.
            assertThat(assigner.choose(new JuryAssigner.Request(policy(2, false), group.candidacies().get(0)), pool, Map.of()))
                    .containsExactly("a", "b");
        }

        @Test
        void theExcludedAreNeverChosen() {
            List<Juror> pool = List.of(juror("a", true, false), juror("b", true, false), juror("c", true, false));
            var request = new JuryAssigner.Request(policy(2, false), new JuryRules.Candidacy("2027-001", null, null, Set.of("a")));
            assertThat(assigner.choose(request, pool, Map.of())).containsExactly("b", "c");
        }
    }

    @Nested
    class OtherPolicies {

        @Test
        void twoExternalsAmongThreeJurors() {
            List<Juror> pool = List.of(juror("a", false, false), juror("b", false, false), juror("c", true, false),
                    juror("d", true, false));
            var request = new JuryAssigner.Request(new JuryPolicy(3, 2, 0, false, true, true, true, "Règlement de test"),
                    new JuryRules.Candidacy("2027-001", null, null, Set.of()));
            assertThat(assigner.choose(request, pool, Map.of())).containsExactly("a", "c", "d");
        }

        @Test
        void presidentsWhoMayEvaluateAndATrainerWhoMay() {
            Juror president = new Juror(1L, "p", "Président", true, false, true, 10);
            Juror trainer = new Juror(1L, "claire", "Claire Dupont", false, false, false, 10);
            var request = new JuryAssigner.Request(new JuryPolicy(2, 1, 0, true, false, true, true, "Règlement de test"),
                    new JuryRules.Candidacy("2027-001", "Claire Dupont", null, Set.of()));
            assertThat(assigner.choose(request, List.of(president, trainer), Map.of())).containsExactly("claire", "p");
        }
    }

    @Nested
    class Impossible {

        @Test
        void tooFewEligibleJurors() {
            assertThat(assigner.choose(request(2, false), List.of(juror("a", true, false)), Map.of())).isEmpty();
        }

        @Test
        void noExternalProfessional() {
            assertThat(assigner.choose(request(2, false), List.of(juror("a", false, false), juror("b", false, false)), Map.of())).isEmpty();
        }

        @Test
        void noEnglishQualifiedJurorForTheProcurementCase() {
            assertThat(assigner.choose(request(2, true), List.of(juror("a", true, false), juror("b", true, false)), Map.of())).isEmpty();
        }

        @Test
        void oneJurorWhoCannotBeBothEnglishQualifiedAndExternal() {
            assertThat(assigner.choose(request(1, true), List.of(juror("a", false, true), juror("b", true, false)), Map.of())).isEmpty();
        }

        @Test
        void everyoneAtTheirMaximumLoad() {
            List<Juror> pool = List.of(juror("a", true, false), juror("b", true, false));
            assertThat(assigner.choose(request(2, false), pool, Map.of("a", 10L, "b", 10L))).isEmpty();
        }
    }

    @Nested
    class Balance {

        @Test
        void loadsDifferByAtMostOneProductionAndTheSameInputGivesTheSameJury() {
            List<Juror> pool = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Juror juror = new Juror(1L, "j" + i, "Juré " + i, i % 2 == 0, i == 3, false, 100);
                pool.add(juror);
            }
            Map<String, Long> loads = new HashMap<>();
            List<List<String>> juries = new ArrayList<>();
            for (int production = 0; production < 70; production++) {
                List<String> jury = assigner.choose(request(2, production % 5 == 4), pool, loads);
                assertThat(jury).hasSize(2);
                assertThat(assigner.choose(request(2, production % 5 == 4), pool, loads)).isEqualTo(jury);
                jury.forEach(id -> loads.merge(id, 1L, Long::sum));
                juries.add(jury);
            }
            // Every fifth production needs j3, the only English-qualified juror: the others share the rest evenly.
            List<Long> others = pool.stream().map(Juror::getUserId).filter(id -> !id.equals("j3"))
                    .map(id -> loads.getOrDefault(id, 0L)).toList();
            assertThat(others.stream().mapToLong(Long::longValue).max().getAsLong()
                    - others.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
            assertThat(loads.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(140);
        }
    }
}
