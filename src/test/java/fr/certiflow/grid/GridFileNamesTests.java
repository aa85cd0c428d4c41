package fr.certiflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.GroupSittingRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class GridFileNamesTests {

    final ProductionRepository productions = mock(ProductionRepository.class);
    final CandidateRepository candidates = mock(CandidateRepository.class);
    final GroupSittingRepository sittings = mock(GroupSittingRepository.class);
    final GridFileNames fileNames = new GridFileNames(productions, candidates, sittings);
    final Production production = mock(Production.class);

    @BeforeEach
    void aProduction() {
        when(production.getComponentCode()).thenReturn("A.1");
        when(production.getCandidateId()).thenReturn(100L);
        when(production.getSubmissionId()).thenReturn(50L);
        when(productions.findById(7L)).thenReturn(Optional.of(production));
        Candidate candidate = new Candidate(1L, "2027-001", "Martin", "Léa", "lea@example.org");
        candidate.setGroupCode("G1");
        when(candidates.findById(100L)).thenReturn(Optional.of(candidate));
        when(sittings.findBySubmissionIdIn(List.of(50L))).thenReturn(List.of());
    }

    @Test
    void anIndividualGridIsNamedAfterTheComposanteTheCandidateNumberAndTheJuror() {
        assertThat(GridFileNames.individual("A.1", "2027-001", "jury1")).isEqualTo("grille-A.1-2027-001-jury1.xlsx");
        assertThat(fileNames.of(grid("jury1"))).isEqualTo("grille-A.1-2027-001-jury1.xlsx");
    }

    @Test
    void aGroupsGridIsNamedAfterTheComposanteTheGroupAndTheJuror() {
        assertThat(GridFileNames.group("A.3", "G1", "jury2")).isEqualTo("grille-A.3-groupe-G1-jury2.xlsx");
        List<GroupSitting> rounds = List.of(sitting("group:CAMP/G1/A.1", 0, "G1"), sitting("group:CAMP/G1/A.1~1", 1, "G1"));
        when(sittings.findBySubmissionIdIn(List.of(50L))).thenReturn(rounds);
        assertThat(fileNames.of(grid("jury2"))).isEqualTo("grille-A.1-groupe-G1-jury2.xlsx");
    }

    @Test
    void aVaeSittingKeepsAGridPerComposanteNamedAfterTheCandidate() {
        List<GroupSitting> vae = List.of(sitting("vae:CAMP/2027-001/BC1", 0, "2027-001"));
        when(sittings.findBySubmissionIdIn(List.of(50L))).thenReturn(vae);
        assertThat(fileNames.of(grid("jury1"))).isEqualTo("grille-A.1-2027-001-jury1.xlsx");
    }

    @Test
    void oddCharactersNeverMakeAFolderOrBreakTheHeader() {
        assertThat(GridFileNames.individual("A.1", "2027/00 1", "jury\"1")).isEqualTo("grille-A.1-2027_00_1-jury_1.xlsx");
        assertThat(GridFileNames.individual("A.1", "..\\x:y*?<>|\tz ", " ")).isEqualTo("grille-A.1-.._x_y______z-_.xlsx");
        assertThat(GridFileNames.group("A.1", null, "jury1")).isEqualTo("grille-A.1-groupe-_-jury1.xlsx");
    }

    @Test
    void anAsciiNameIsSentAsItIsAndAnyOtherAlsoAsRfc5987() {
        assertThat(GridFileNames.contentDisposition("grille-A.1-2027-001-jury1.xlsx").toString())
                .isEqualTo("attachment; filename=\"grille-A.1-2027-001-jury1.xlsx\"");
        String accented = GridFileNames.contentDisposition(GridFileNames.individual("A.1", "2027-001", "élodie")).toString();
        assertThat(accented).contains("filename*=UTF-8''grille-A.1-2027-001-%C3%A9lodie.xlsx")
                .matches("\\p{ASCII}*");
    }

    private static Grid grid(String juror) {
        return new Grid(7L, juror, "token", new byte[0], Instant.EPOCH);
    }

    private static GroupSitting sitting(String businessKey, int round, String groupCode) {
        GroupSitting sitting = mock(GroupSitting.class);
        when(sitting.getBusinessKey()).thenReturn(businessKey);
        when(sitting.getRound()).thenReturn(round);
        when(sitting.getGroupCode()).thenReturn(groupCode);
        return sitting;
    }
}
