package fr.certiflow.jury;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pool a coordinator sees on the manual designation: every juror once, in parts an engine variable can hold. */
@Tag("unit")
class ManualAssignmentPoolTests {

    static final JuryPolicy POLICY = new JuryPolicy(2, 1, 0, false, true, true, true, "Règlement de test");
    static final JuryRules.Candidacy CANDIDACY = new JuryRules.Candidacy("2027-001", "Juré j003", "Agence Horizon", Set.of());

    static JuryAssignments.Setting setting(int jurors) {
        List<Juror> pool = new ArrayList<>();
        for (int i = 0; i < jurors; i++) {
            Juror juror = new Juror(1L, String.format("j%03d", i), String.format("Juré j%03d", i), i % 2 == 0, i % 7 == 0, false, 10);
            juror.setOrganisation("Cabinet de conseil en stratégie numérique n° " + i);
            pool.add(juror);
        }
        return new JuryAssignments.Setting(POLICY, CANDIDACY, pool, Map.of("j000", 10L, "j001", 4L));
    }

    static List<String> ids(List<String> parts) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\| (j\\d{3}) \\|").matcher(String.join("", parts));
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    @Test
    void aSmallPoolIsOneTableWithTheJurorsWithoutObjectionFirst() {
        List<String> parts = ManualDesignations.pool(setting(4));

        assertThat(parts).singleElement().satisfies(table -> assertThat(table)
                .startsWith("| Juré | Identifiant | Profil | Charge | Objections pour ce candidat |\n|---|---|---|---|---|\n")
                .contains("| Juré j002 | j002 | professionnel extérieur, Cabinet de conseil en stratégie numérique n° 2 | 0 / 10 | aucune |")
                .contains("| Juré j003 | j003 | interne, Cabinet de conseil en stratégie numérique n° 3 | 0 / 10 | "
                        + "**formateur ou tuteur du candidat** |"));
        assertThat(ids(parts)).containsExactly("j002", "j001", "j003", "j000");
    }

    @Test
    void aLargePoolIsSplitIntoTablesAVariableCanHoldAndWhatDoesNotFitIsCounted() {
        List<String> sixty = ManualDesignations.pool(setting(60));
        assertThat(sixty).hasSizeBetween(2, ManualDesignations.POOL_PARTS)
                .allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(ManualDesignations.PART_BUDGET)
                        .startsWith("| Juré | Identifiant |"));
        assertThat(ids(sixty)).hasSize(60).doesNotHaveDuplicates();

        List<String> thousand = ManualDesignations.pool(setting(1000));
        assertThat(thousand).hasSize(ManualDesignations.POOL_PARTS)
                .allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(ManualDesignations.PART_BUDGET));
        int shown = ids(thousand).size();
        assertThat(thousand.get(thousand.size() - 1)).endsWith("\n*… et " + (1000 - shown) + " autres jurés de la campagne, non affichés.*\n");
    }
}
