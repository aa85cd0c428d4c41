package fr.certiflow.grid;

import static fr.certiflow.process.AssessmentFixture.FRENCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.evaluation.CriterionRating;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.evaluation.EvaluationRepository;

import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Component;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** A juror evaluates offline with the Excel grid: same result as the form, and every bad upload refused unchanged. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class GridEvaluationTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GridRepository grids;
    @Autowired
    GridEvaluationService service;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    ReferentialCatalog catalog;
    @Autowired
    GridController controller;

    Campaign campaign;
    ProcessInstance instance;
    Long productionId;
    Component a4;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        Candidate candidate = fixture.candidate(campaign, "2027-400");
        instance = fixture.startProduction(campaign, candidate, "A.4");
        productionId = fixture.productionId(instance);
        fixture.submitAll(productionId, "A.4", FRENCH);
        fixture.admissible(instance);
        a4 = catalog.find("MMDC", 1).orElseThrow().component("A.4").orElseThrow();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Grid grid(String juror) {
        return grids.findByProductionIdAndJurorUserId(productionId, juror).orElseThrow();
    }

    /** Fills the grid as a juror would in Excel: ticks, ratings, comments, only in the yellow cells. */
    static byte[] fill(byte[] grid, Component component, Consumer<XSSFWorkbook> extra) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet(GridWorkbook.SHEET);
            int number = 1;
            for (GridWorkbook.CriterionCells cells : GridWorkbook.layout(component)) {
                set(sheet, cells.ticks().get(0), "x");
                if (cells.ticks().size() > 2) {
                    set(sheet, cells.ticks().get(2), "x");
                }
                boolean nonAcquis = number == 2;
                set(sheet, cells.rating(), nonAcquis ? "Non acquis" : "Acquis");
                set(sheet, cells.comment(), nonAcquis ? "Le cahier des charges est absent." : "Bien construit.");
                number++;
            }
            extra.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static void set(Sheet sheet, CellAddress address, String value) {
        sheet.getRow(address.getRow()).getCell(address.getColumn()).setCellValue(value);
    }

    @Test
    void aFilledGridRecordsTheSameEvaluationAsTheForm() throws IOException {
        service.submit(grid("jure1"), "grille.xlsx", fill(grid("jure1").getContent(), a4, workbook -> { }));
        // jure2 answers the same in the Tasklist form.
        var formTask = fixture.tasksOf(instance, "Task_EvaluateProduction").get(0);
        assertThat(formTask.getAssignee()).isEqualTo("jure2");
        var values = new java.util.HashMap<String, Object>();
        for (int i = 1; i <= 4; i++) {
            String key = "A4_CR" + i;
            values.put(key + "_rating", i == 2 ? "NON_ACQUIS" : "ACQUIS");
            values.put(key + "_indicators", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"1\",\"3\"]").create());
            values.put(key + (i == 2 ? "_comment" : "_remark"), i == 2 ? "Le cahier des charges est absent." : "Bien construit.");
        }
        fixture.submit(formTask, "jure2", values);

        BpmnAwareTests.assertThat(instance).isEnded().hasNotPassed("Task_Harmonise");
        List<Evaluation> both = evaluations.findByProductionIdOrderByJurorUserId(productionId);
        assertThat(both).extracting(Evaluation::getChannel).containsExactly("GRID", "FORM");
        assertThat(summary(both.get(0))).isEqualTo(summary(both.get(1)))
                .contains("A.4-CR2 NON_ACQUIS [1, 3] Le cahier des charges est absent.");
    }

    @Test
    void theDownloadedGridIsNamedAfterTheComposanteTheCandidateNumberAndTheJuror() {
        assertThat(contentDisposition(controller, "jure1", grid("jure1")))
                .isEqualTo("attachment; filename=\"grille-A.4-2027-400-jure1.xlsx\"");
    }

    /** The Content-Disposition of the grid downloaded by {@code user} (GET /api/grids/{id}). */
    static String contentDisposition(GridController controller, String user, Grid grid) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            ResponseEntity<byte[]> download = controller.download(grid.getId());
            assertThat(download.getBody()).isNotEmpty();
            return download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static List<String> summary(Evaluation evaluation) {
        return evaluation.getRatings().stream().map(CriterionRating::toString).toList().isEmpty() ? List.of()
                : evaluation.getRatings().stream().map(rating -> rating.getCriterionCode() + " " + rating.getRating() + " "
                        + rating.getIndicators() + " " + rating.getComment()).toList();
    }

    @Nested
    class Refusals {

        void assertRefused(Grid grid, byte[] file, String message) {
            assertThatThrownBy(() -> service.submit(grid, "grille.xlsx", file))
                    .isInstanceOf(GridRefusedException.class).hasMessageContaining(message);
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionId)).isEmpty();
            assertThat(fixture.tasksOf(instance, "Task_EvaluateProduction")).hasSize(2);
        }

        @Test
        void notAWorkbook() {
            assertRefused(grid("jure1"), "Rapport".getBytes(StandardCharsets.UTF_8), "n'est pas un classeur Excel (.xlsx)");
        }

        @Test
        void aWorkbookThatIsNotAGrid() throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                workbook.createSheet("Feuil1").createRow(0).createCell(0).setCellValue("Acquis");
                workbook.write(out);
                assertRefused(grid("jure1"), out.toByteArray(), "n'est pas une grille d'évaluation Certiflow");
            }
        }

        @Test
        void anotherJurorsGrid() throws IOException {
            assertRefused(grid("jure2"), fill(grid("jure1").getContent(), a4, workbook -> { }), "celle d'un autre juré (jure1)");
        }

        @Test
        void anotherCandidatesGrid() throws IOException {
            Candidate other = fixture.candidate(campaign, "2027-401");
            ProcessInstance otherInstance = fixture.startProduction(campaign, other, "A.4");
            Long otherProduction = fixture.productionId(otherInstance);
            fixture.submitAll(otherProduction, "A.4", FRENCH);
            fixture.admissible(otherInstance);
            byte[] otherGrid = grids.findByProductionIdOrderByJurorUserId(otherProduction).get(0).getContent();
            assertRefused(grid("jure1"), fill(otherGrid, a4, workbook -> { }), "celle d'un autre candidat");
        }

        @Test
        void anotherVersionOfTheReferential() throws IOException {
            assertRefused(grid("jure1"), fill(grid("jure1").getContent(), a4, workbook ->
                    workbook.getSheet(GridWorkbook.IDENTIFICATION_SHEET).getRow(4).getCell(1).setCellValue("2")),
                    "pour une autre version du référentiel (MMDC version 2, A.4)");
        }

        @Test
        void aModifiedStructure() throws IOException {
            assertRefused(grid("jure1"), fill(grid("jure1").getContent(), a4, workbook -> {
                Sheet sheet = workbook.getSheet(GridWorkbook.SHEET);
                GridWorkbook.CriterionCells first = GridWorkbook.layout(a4).get(0);
                sheet.getRow(first.ticks().get(0).getRow()).getCell(1).setCellValue("indicateur réécrit");
            }), "La structure de la grille a été modifiée");
        }

        @Test
        void everyMissingRatingIsListedWithItsCell() throws IOException {
            List<GridWorkbook.CriterionCells> layout = GridWorkbook.layout(a4);
            byte[] file = fill(grid("jure1").getContent(), a4, workbook -> {
                Sheet sheet = workbook.getSheet(GridWorkbook.SHEET);
                set(sheet, layout.get(0).rating(), "");
                set(sheet, layout.get(3).rating(), "Peut-être");
            });
            assertThatThrownBy(() -> service.submit(grid("jure1"), "grille.xlsx", file))
                    .isInstanceOfSatisfying(GridRefusedException.class, e -> assertThat(e.problems()).containsExactly(
                            "critère 1 « Qualité de l'organisation du projet » : appréciation manquante, attendu : Acquis ou Non acquis (cellule "
                                    + layout.get(0).rating().formatAsString() + ")",
                            "critère 4 « Pertinence du système et des outils d'évaluation du projet » : appréciation « Peut-être » "
                                    + "invalide, attendu : Acquis ou Non acquis (cellule " + layout.get(3).rating().formatAsString() + ")"));
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionId)).isEmpty();
        }

        @Test
        void aNonAcquisWithoutComment() throws IOException {
            GridWorkbook.CriterionCells second = GridWorkbook.layout(a4).get(1);
            assertRefused(grid("jure1"), fill(grid("jure1").getContent(), a4, workbook ->
                    set(workbook.getSheet(GridWorkbook.SHEET), second.comment(), "")),
                    "commentaire obligatoire pour un critère non acquis (cellule " + second.comment().formatAsString() + ")");
        }

        @Test
        void aFileOverTheSizeLimit() {
            byte[] big = new byte[6 * 1024 * 1024];
            assertRefused(grid("jure1"), big, "dépasse la taille maximale de 5 Mo");
        }

        @Test
        void aZipBomb() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write(new byte[40 * 1024 * 1024]);
                zip.closeEntry();
            }
            assertThat(bytes.size()).isLessThan(5 * 1024 * 1024);
            assertRefused(grid("jure1"), bytes.toByteArray(), "trop volumineux une fois décompressé");
        }

        @Test
        void aZipWithTooManyEntries() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (int i = 0; i < 1500; i++) {
                    zip.putNextEntry(new ZipEntry("xl/part" + i + ".xml"));
                    zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            assertRefused(grid("jure1"), bytes.toByteArray(), "contenant trop d'éléments");
        }
    }
}
