package fr.certiflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.AssessmentRoute;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.Regulations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@Tag("unit")
class JurorGridsTests {

    static final Referential REFERENTIAL = Regulations.seed();
    static final Regulation REGULATION = Regulations.shipped();
    static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    final GridRepository grids = mock(GridRepository.class);
    final JuryAssignmentRepository assignments = mock(JuryAssignmentRepository.class);
    final ProductionContexts contexts = mock(ProductionContexts.class);
    final CandidateRepository candidates = mock(CandidateRepository.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final JurorGrids jurorGrids = new JurorGrids(grids, assignments, contexts, candidates,
            id -> Map.of("jure1", "Anne Roux").getOrDefault(id, id), Clock.fixed(NOW, ZoneOffset.UTC), meters);
    final Campaign campaign = mock(Campaign.class);

    @BeforeEach
    void twoJurors() {
        when(campaign.getId()).thenReturn(1L);
        when(campaign.getName()).thenReturn("Session 2027");
        when(campaign.getCode()).thenReturn("MMDC-2027");
        when(campaign.getEvaluationDeadline()).thenReturn(Instant.parse("2027-04-15T10:00:00Z"));
        when(assignments.findByProductionIdOrderByJurorUserId(anyLong())).thenAnswer(call -> List.of(
                new JuryAssignment(call.getArgument(0), "jure1", false, NOW), new JuryAssignment(call.getArgument(0), "jure2", false, NOW)));
        when(grids.findByProductionIdAndJurorUserId(any(), any())).thenReturn(Optional.empty());
    }

    @Test
    void eachAssignedJurorWithoutAGridGetsOneAndAGridAlreadyGeneratedIsKept() {
        Production production = production(7, "2027-001", "Léa", "Martin", "A.4", false);
        when(grids.findByProductionIdAndJurorUserId(7L, "jure2")).thenReturn(Optional.of(mock(Grid.class)));

        jurorGrids.generate("CAMP/2027-001/A.4", 7);

        ArgumentCaptor<Grid> saved = ArgumentCaptor.forClass(Grid.class);
        verify(grids).save(saved.capture());
        assertThat(saved.getValue().getProductionId()).isEqualTo(7L);
        assertThat(saved.getValue().getJurorUserId()).isEqualTo("jure1");
        assertThat(saved.getValue().getGeneratedAt()).isEqualTo(NOW);
        assertThat(saved.getValue().getToken()).isNotBlank();
        assertThat(meters.get("certiflow.grid.generation").timer().count()).isEqualTo(1);
    }

    @Test
    void aWrittenProductionsGridIsAnonymousAndAnOralsNamesTheCandidate() {
        ProductionContexts.Context written = contexts.of(production(7, "2027-001", "Léa", "Martin", "A.4", false).getId());
        GridWorkbook.Header header = jurorGrids.header(written, "n° 2027-001", "jure1");
        assertThat(header.campaign()).isEqualTo("Session 2027 (MMDC-2027)");
        assertThat(header.juror()).isEqualTo("Anne Roux");
        assertThat(header.dates()).isEqualTo("Remise avant le 1 mars 2027 — évaluation avant le 15 avril 2027");
        assertThat(header.route()).isNull();
        assertThat(jurorGrids.header(written, "n° 2027-001", "jure9").juror()).as("an unknown user by their id").isEqualTo("jure9");

        production(8, "2027-002", "Hugo", "Petit", "A.1", false);
        jurorGrids.generate("CAMP/2027-002/A.1", 8);
        production(9, "2027-003", "Paul", "Durand", "A.4", false);
        jurorGrids.generate("CAMP/2027-003/A.4", 9);

        assertThat(sheetTexts(savedGrids().get(0))).anyMatch(text -> text.contains("Hugo Petit (n° 2027-002)"));
        assertThat(sheetTexts(savedGrids().get(2))).anyMatch(text -> text.contains("n° 2027-003"))
                .noneMatch(text -> text.contains("Durand"));
    }

    @Test
    void aVaeCandidatesGridSaysTheRoute() {
        ProductionContexts.Context vae = contexts.of(production(7, "2027-001", "Léa", "Martin", "A.4", true).getId());

        assertThat(jurorGrids.header(vae, "n° 2027-001", "jure1").route()).isEqualTo(vae.route().describe()).startsWith("VAE");
    }

    @Test
    void aGroupsSittingGivesEachJurorOneGridWithASheetPerMemberUnderTheFirstMember() throws IOException {
        Production lea = production(1, "2027-001", "Léa", "Martin", "A.1", false);
        Production hugo = production(2, "2027-002", "Marc", "Martin", "A.1", false);
        GroupSitting sitting = mock(GroupSitting.class);
        when(contexts.sitting("group:CAMP/G1/A.1")).thenReturn(sitting);
        when(contexts.members(sitting)).thenReturn(List.of(lea, hugo));

        jurorGrids.generate("group:CAMP/G1/A.1", 2);

        List<Grid> saved = savedGrids();
        assertThat(saved).hasSize(2).allMatch(grid -> grid.getProductionId() == 1L)
                .extracting(Grid::getJurorUserId).containsExactly("jure1", "jure2");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(saved.get(0).getContent()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).contains("2027-001 Martin", "2027-002 Martin");
        }
        assertThat(sheetTexts(saved.get(0))).anyMatch(text -> text.contains("Léa Martin (n° 2027-001) — groupe G1, membre 1 sur 2"))
                .anyMatch(text -> text.contains("Marc Martin (n° 2027-002) — groupe G1, membre 2 sur 2"));
    }

    @Test
    void aVaeSittingKeepsAGridPerComposante() {
        production(7, "2027-001", "Léa", "Martin", "A.4", true);

        jurorGrids.generate("vae:CAMP/2027-001/A", 7);

        assertThat(savedGrids()).hasSize(2).allMatch(grid -> grid.getProductionId() == 7L);
        verify(contexts, never()).sitting(any());
    }

    @Test
    void sheetNamesAreTheNumberAndNameOrTheNumberAloneAndUniqueInTheWorkbook() {
        Set<String> taken = new HashSet<>();
        Candidate martin = new Candidate(1L, "2027-001", "Martin", "Léa", "lea@example.org");

        assertThat(JurorGrids.sheetName(martin, true, taken)).isEqualTo("2027-001 Martin");
        assertThat(JurorGrids.sheetName(martin, true, taken)).isEqualTo("2027-001 Martin 2");
        assertThat(JurorGrids.sheetName(martin, false, taken)).isEqualTo("2027-001");
        Candidate longName = new Candidate(1L, "2027-004", "de la Tour d'Auvergne-Lauraguais", "Jean", "j@example.org");
        assertThat(JurorGrids.sheetName(longName, true, taken)).hasSize(28).startsWith("2027-004 de la Tour");
        assertThat(JurorGrids.sheetName(new Candidate(1L, "2027-005", "A/B", "C", "c@example.org"), true, taken))
                .isEqualTo("2027-005 A-B");
    }

    private List<Grid> savedGrids() {
        ArgumentCaptor<Grid> saved = ArgumentCaptor.forClass(Grid.class);
        verify(grids, org.mockito.Mockito.atLeastOnce()).save(saved.capture());
        return saved.getAllValues();
    }

    private static List<String> sheetTexts(Grid grid) {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid.getContent()))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            })));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    /** A production of campaign 1 due on 1 March 2027, its candidate (group G1) and its context. */
    private Production production(long id, String number, String firstName, String lastName, String componentCode, boolean vae) {
        Production production = mock(Production.class);
        when(production.getId()).thenReturn(id);
        when(production.getCandidateId()).thenReturn(100 + id);
        when(production.getDeadline()).thenReturn(NOW);
        Candidate candidate = new Candidate(1L, number, lastName, firstName, "x@example.org");
        candidate.setGroupCode("G1");
        when(candidates.findById(100 + id)).thenReturn(Optional.of(candidate));
        Component component = REFERENTIAL.component(componentCode).orElseThrow();
        when(contexts.of(id)).thenReturn(new ProductionContexts.Context(production, campaign, REFERENTIAL, REGULATION,
                component, new AssessmentRoute(REGULATION, REFERENTIAL, component, vae)));
        return production;
    }
}
