package fr.certiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.process.AssessmentFixture;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The PV de délibération, the progress workbook and a consolidated grid, opened with POI as a reader would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class JuryDocumentsTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate http;
    @Autowired
    SmallCampaignLaunch users;

    Campaign campaign;
    Candidate formula;
    Candidate other;
    ProcessInstance bloc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        users.users();
        campaign = fixture.campaign(c -> c.getBlocs().retainAll(List.of("BC3")));
        fixture.standardJury(campaign);
        formula = fixture.candidate(campaign, "2027-500", c -> c.update("=1+1", "@Léa", "lea@example.org"));
        other = fixture.candidate(campaign, "2027-501", c -> c.setPathway(fr.certiflow.campaign.Pathway.VAE));
        bloc = fixture.startBloc(campaign, formula, "BC3");
        fixture.completeProductions(bloc, component -> "ACQUIS");
        fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president",
                Map.of("blocDecision", "NON_VALIDE", "justification", "=Fraude constatée"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theMinutesListEveryCandidateWithDecisionsOverridesJuryAndSignatureReadyToPrint() throws Exception {
        var response = http.withBasicAuth("manager", "manager-secret").getForEntity("/api/campaigns/" + campaign.getId() + "/minutes", byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/api/campaigns/" + campaign.getId() + "/minutes", byte[].class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("jure9", "jure9-secret").getForEntity("/api/campaigns/" + campaign.getId() + "/minutes", byte[].class)
                .getStatusCode().value()).isEqualTo(403);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet("Procès-verbal");
            assertThat(text(sheet, 0, 0)).isEqualTo("Procès-verbal de délibération du jury de certification");
            // The référentiel gives no RNCP number: the PV cites none.
            assertThat(text(sheet, 1, 0)).isEqualTo("Certification : Manager marketing digital et communication");
            assertThat(text(sheet, 3, 0)).startsWith("Session : ");
            assertThat(text(sheet, 4, 0)).matches("Dates : .*\\d{2}/\\d{2}/\\d{4}.*").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
            assertThat(cells(sheet.getRow(6))).containsExactly("", "", "", "",
                    "Bloc BC3 — Pilotage de la stratégie marketing digital et communication de son entreprise ou de l'organisation cliente");
            assertThat(cells(sheet.getRow(7))).hasSize(9).startsWith("N° candidat", "Nom", "Prénom", "Parcours", "Décision du bloc BC3")
                    .endsWith("Décisions motivées (dérogations et justifications)", "Décision de certification");
            assertThat(text(sheet, 7, 5)).startsWith("A.4 ").hasSizeGreaterThan(10);
            assertThat(text(sheet, 7, 6)).startsWith("A.5 ").hasSizeGreaterThan(10);
            Row first = sheet.getRow(8);
            assertThat(cells(first)).containsExactly("2027-500", "=1+1", "@Léa", "Formation", "Non validé", "Validé", "Validé",
                    "Bloc BC3 : Non validé au lieu de Validé — =Fraude constatée", "En attente du jury");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            // The VAE route as the règlement names it, cited in the PV's heading.
            assertThat(cells(sheet.getRow(9))).startsWith("2027-501", "Nom2027-501", "Prénom2027-501",
                    "VAE — dossier de validation et entretien", "—");
            List<String> table = new ArrayList<>();
            sheet.forEach(row -> table.addAll(cells(row)));
            assertThat(table).contains("Nombre de candidats : 2").noneMatch(text -> text.contains("RNCP"))
                    .doesNotContain("Signataire", "Date et signature", "Délibérations des blocs");
            // The jury and the signatures on a sheet of their own: its pages do not repeat the table's header rows.
            Sheet signing = workbook.getSheet("Jury et signatures");
            assertThat(workbook.getSheetIndex(signing)).isEqualTo(1);
            assertThat(signing.getRepeatingRows()).isNull();
            assertThat(signing.getPrintSetup().getPaperSize()).isEqualTo((short) 9);
            List<String> all = new ArrayList<>();
            signing.forEach(row -> all.addAll(cells(row)));
            assertThat(all).noneMatch(text -> text.contains("RNCP"));
            // Before the certification jury sits, the PV names no jury: the pool is not the jury.
            assertThat(all).contains("Jury de certification : pas encore réuni, les décisions de "
                    + "certification ci-dessus sont des propositions.", "Le président du jury", "Date et signature");
            assertThat(all).doesNotContain("Juré jure1", "Membres du jury");
            // Each bloc names the jury president who deliberated on it.
            assertThat(all).contains("Délibérations des blocs")
                    .anySatisfy(line -> assertThat(line).startsWith("Bloc BC3 : délibéré par ").endsWith(" (1 décision)"));
            assertThat(text(sheet, 2, 0)).contains("jurys et parcours VAE : Règlement de certification MMDC v1, révision 2");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo((short) 9);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("7:8");
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(SheetLayoutAssert.printedPoints(workbook, sheet, 7)).isGreaterThanOrEqualTo(8.0);
            for (int r = 6; r <= 9; r++) {
                Row row = sheet.getRow(r);
                for (var cell : row) {
                    var font = workbook.getFontAt(cell.getCellStyle().getFontIndex());
                    int lines = fr.certiflow.tabular.SheetLayout.lines(cell.getStringCellValue(), font, width(sheet, cell));
                    assertThat((double) row.getHeightInPoints()).as("row %d, column %d", r + 1, cell.getColumnIndex() + 1)
                            .isGreaterThanOrEqualTo(lines * fr.certiflow.tabular.SheetLayout.lineHeight(font));
                }
            }
        }
    }

    @Test
    void theProgressWorkbookCountsAndListsEveryCandidate() throws Exception {
        var response = http.withBasicAuth("manager", "manager-secret")
                .getForEntity("/api/campaigns/" + campaign.getId() + "/progress.xlsx", byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet summary = workbook.getSheet("Synthèse");
            List<String> lines = new ArrayList<>();
            summary.forEach(row -> lines.add(String.join(" | ", cells(row))));
            assertThat(lines).as("the campaign's state in French").anySatisfy(line -> assertThat(line)
                    .isIn("État de la campagne : Lancée", "État de la campagne : En préparation", "État de la campagne : Close"));
            assertThat(lines).contains("Productions par étape", "Évaluée | 2", "Total des productions | 2", "Validé | 2",
                    "Non validé | 1", "En cours | 1");
            Sheet candidates = workbook.getSheet("Candidats");
            assertThat(cells(candidates.getRow(0))).containsExactly("N° candidat", "Nom", "Prénom", "Groupe", "Parcours",
                    "Bloc BC3", "Composante A.4", "Composante A.5", "Certification");
            assertThat(cells(candidates.getRow(1))).containsExactly("2027-500", "=1+1", "@Léa", "",
                    "Formation — modalités d'évaluation du référentiel", "Non validé", "Validé", "Validé", "En cours");
            assertThat(cells(candidates.getRow(2))).startsWith("2027-501", "Nom2027-501", "Prénom2027-501", "",
                    "VAE — dossier de validation et entretien (Règlement de certification MMDC v1, révision 2)");
            assertThat(candidates.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(candidates.getPrintSetup().getLandscape()).isTrue();
            assertThat(SheetLayoutAssert.printedPoints(workbook, candidates, 7)).isGreaterThanOrEqualTo(8.0);
        }
    }

    @Test
    void theConsolidatedGridShowsEachJurorAndTheJurysRating() throws Exception {
        Long production = fixture.productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(campaign.getId(),
                formula.getId()).get(0).getId();
        var response = http.withBasicAuth("coordo", "coordo-secret")
                .getForEntity("/api/productions/" + production + "/consolidated.xlsx", byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet("Grille consolidée");
            assertThat(cells(sheet.getRow(5))).as("jurors by name").containsExactly("Critère", "Juré : Juré jure1", "Juré : Juré jure2",
                    "Appréciation du jury", "Harmonisation");
            assertThat(cells(sheet.getRow(6))).startsWith("Qualité de l'organisation du projet", "Acquis — Bien.", "Acquis — Bien.", "Acquis");
            assertThat(text(sheet, 3, 0)).isEqualTo("Résultat de la composante : Validé");
            assertThat(text(sheet, 4, 0)).isEqualTo("Jury : Juré jure1, Juré jure2 — désigné par la règle d'affectation");
        }
    }

    /** The width of the cell's column, or of its merged region. */
    private static int width(Sheet sheet, org.apache.poi.ss.usermodel.Cell cell) {
        for (var region : sheet.getMergedRegions()) {
            if (region.isInRange(cell)) {
                int width = 0;
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    width += sheet.getColumnWidth(c);
                }
                return width;
            }
        }
        return sheet.getColumnWidth(cell.getColumnIndex());
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static List<String> cells(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> values = new ArrayList<>();
        if (row != null) {
            row.forEach(cell -> values.add(formatter.formatCellValue(cell)));
        }
        while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1);
        }
        return values;
    }
}
