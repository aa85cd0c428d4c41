package fr.certiflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Component;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * At a group's sitting each juror gets one Excel grid for the group, a sheet per member; handed in, it fills every
 * member's section of the juror's group evaluation task at once and completes it as the form would. A blank sheet
 * leaves its member to the form (which alone records an absence at the oral); a partly filled sheet is refused.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class GroupGridEvaluationTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    GridRepository grids;
    @Autowired
    GridEvaluationService service;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    ProductionRepository productions;
    @Autowired
    ReferentialCatalog catalog;
    @Autowired
    GridController controller;
    @Autowired
    fr.certiflow.production.GroupSittingRepository sittings;
    @Autowired
    fr.certiflow.documents.ConsolidatedGrids consolidatedGrids;
    @Autowired
    fr.certiflow.progress.CampaignProgress progress;
    @Autowired
    fr.certiflow.documents.MinutesService minutes;

    Component a1;
    List<Production> members;
    Task jure1Task;
    ProcessInstance sitting;
    Campaign campaign;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        List<Candidate> group = List.of(
                fixture.candidate(campaign, "2027-501", c -> c.setGroupCode("G5")),
                fixture.candidate(campaign, "2027-502", c -> c.setGroupCode("G5")),
                fixture.candidate(campaign, "2027-503", c -> c.setGroupCode("G5")));
        List<ProcessInstance> instances = group.stream().map(member -> fixture.startProduction(campaign, member, "A.1")).toList();
        fixture.submitAll(fixture.productionId(instances.get(0)), "A.1", AssessmentFixture.FRENCH);
        sitting = fixture.groupSitting(instances.get(0));
        fixture.admissible(sitting);
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate", oral.atZone(ZoneId.of("Europe/Paris"))
                .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 1"));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));
        jure1Task = fixture.tasksOf(sitting, "Task_EvaluateGroup").get(0);
        assertThat(jure1Task.getAssignee()).isEqualTo("jure1");
        members = instances.stream().map(i -> productions.findByProcessKey(i.getBusinessKey()).orElseThrow()).toList();
        a1 = catalog.find("MMDC", 1).orElseThrow().component("A.1").orElseThrow();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDownloadedGridIsNamedAfterTheComposanteTheGroupAndTheJuror() {
        assertThat(GridEvaluationTests.contentDisposition(controller, "jure2", grid("jure2")))
                .isEqualTo("attachment; filename=\"grille-A.1-groupe-G5-jure2.xlsx\"");
    }

    /** The juror's grid for the group: one, kept under the first member's production. */
    Grid grid(String juror) {
        return grids.findByProductionIdAndJurorUserId(members.get(0).getId(), juror).orElseThrow();
    }

    interface SheetFill {
        /** The rating of the criterion (1-based) on the member's sheet (1-based); null leaves the sheet blank. */
        String rating(int member, int criterion);
    }

    /** The group's grid filled sheet by sheet: the first and third indicators ticked, a comment for every criterion. */
    byte[] fill(Grid grid, SheetFill fill, Consumer<XSSFWorkbook> extra) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid.getContent()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int member = 1; member <= 3; member++) {
                Sheet sheet = workbook.getSheetAt(member - 1);
                int number = 1;
                for (GridWorkbook.CriterionCells cells : GridWorkbook.layout(a1)) {
                    String rating = fill.rating(member, number++);
                    if (rating == null) {
                        continue;
                    }
                    GridEvaluationTests.set(sheet, cells.ticks().get(0), "x");
                    GridEvaluationTests.set(sheet, cells.rating(), rating);
                    GridEvaluationTests.set(sheet, cells.comment(), rating.equals("Acquis") ? "Bien construit."
                            : "Membre " + member + " : partie absente.");
                }
            }
            extra.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    byte[] fill(Grid grid, SheetFill fill) throws IOException {
        return fill(grid, fill, workbook -> { });
    }

    /** Member 1 acquires everything, member 2 not criterion 2, member 3 not criteria 1 and 3. */
    static String differing(int member, int criterion) {
        boolean nonAcquis = member == 2 && criterion == 2 || member == 3 && (criterion == 1 || criterion == 3);
        return nonAcquis ? "Non acquis" : "Acquis";
    }

    Map<String, Object> taskVariables() {
        return tasks.getVariablesLocal(jure1Task.getId());
    }

    void assertNothingRecorded() {
        assertThat(tasks.createTaskQuery().taskId(jure1Task.getId()).singleResult()).as("still open").isNotNull();
        assertThat(taskVariables().keySet()).noneMatch(key -> key.matches("M\\d_(A1_.*_(rating|comment|remark)|grid)"));
        for (Production member : members) {
            assertThat(evaluations.findByProductionIdAndJurorUserId(member.getId(), "jure1")).isEmpty();
        }
    }

    @Test
    void eachJurorGetsOneGridForTheGroupWithASheetPerMember() throws IOException {
        for (String juror : List.of("jure1", "jure2")) {
            assertThat(grids.findByProductionIdOrderByJurorUserId(members.get(0).getId())).extracting(Grid::getJurorUserId)
                    .containsExactly("jure1", "jure2");
            for (Production other : members.subList(1, 3)) {
                assertThat(grids.findByProductionIdOrderByJurorUserId(other.getId())).as("no grid per member").isEmpty();
            }
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(grid(juror).getContent()))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
                for (int i = 0; i < 3; i++) {
                    Sheet sheet = workbook.getSheetAt(i);
                    String number = "2027-50" + (i + 1);
                    assertThat(sheet.getSheetName()).isEqualTo(number + " Nom" + number);
                    assertThat(sheet.getRow(4).getCell(1).getStringCellValue())
                            .isEqualTo("Prénom" + number + " Nom" + number + " (n° " + number + ") — groupe G5, membre " + (i + 1) + " sur 3");
                    assertThat(sheet.getProtect()).isTrue();
                }
                Sheet identification = workbook.getSheet(GridWorkbook.IDENTIFICATION_SHEET);
                assertThat(workbook.getSheetVisibility(3)).isEqualTo(org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);
                assertThat(identification.getRow(2).getCell(1).getStringCellValue()).isEqualTo(juror);
                for (int i = 0; i < 3; i++) {
                    var row = identification.getRow(7 + i);
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Feuille");
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(workbook.getSheetName(i));
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(String.valueOf(members.get(i).getId()));
                }
            }
        }
        assertThat(tasks.getVariableLocal(jure1Task.getId(), "gridLink").toString())
                .isEqualTo("- [Grille d'évaluation du groupe (Excel) : une feuille par membre](/api/grids/" + grid("jure1").getId() + ")\n");
    }

    @Test
    void theGroupsGridFillsEveryMembersSectionAndCompletesTheTaskWithDifferingRatings() throws IOException {
        String message = service.submit(grid("jure1"), "grille.xlsx", fill(grid("jure1"), GroupGridEvaluationTests::differing));

        assertThat(message).contains("Évaluation du groupe enregistrée", "3 membre(s)");
        assertThat(tasks.createTaskQuery().taskId(jure1Task.getId()).singleResult()).as("completed").isNull();
        assertThat(GridEvaluationTests.summary(only(members.get(0)))).allMatch(line -> line.contains(" ACQUIS "));
        assertThat(GridEvaluationTests.summary(only(members.get(1))))
                .contains("A.1-CR2 NON_ACQUIS [1] Membre 2 : partie absente.").filteredOn(line -> line.contains("NON_ACQUIS")).hasSize(1);
        assertThat(GridEvaluationTests.summary(only(members.get(2))))
                .contains("A.1-CR1 NON_ACQUIS [1] Membre 3 : partie absente.", "A.1-CR3 NON_ACQUIS [1] Membre 3 : partie absente.")
                .filteredOn(line -> line.contains("NON_ACQUIS")).hasSize(2);
        // jure2's task is untouched.
        assertThat(fixture.tasksOf(sitting, "Task_EvaluateGroup")).extracting(Task::getAssignee).containsExactly("jure2");
    }

    Evaluation only(Production member) {
        List<Evaluation> recorded = evaluations.findByProductionIdOrderByJurorUserId(member.getId());
        assertThat(recorded).extracting(Evaluation::getJurorUserId).containsExactly("jure1");
        return recorded.get(0);
    }

    @Test
    void aBlankSheetLeavesThatMemberToTheFormWhichRecordsTheAbsence() throws IOException {
        String message = service.submit(grid("jure1"), "grille.xlsx",
                fill(grid("jure1"), (member, criterion) -> member == 3 ? null : differing(member, criterion)));

        assertThat(message).contains("reste ouverte", "« 2027-503 Nom2027-503 »");
        assertThat(tasks.createTaskQuery().taskId(jure1Task.getId()).singleResult()).as("still open").isNotNull();
        assertThat(taskVariables()).containsEntry("M2_A1_CR2_rating", "NON_ACQUIS").containsEntry("M1_grid", true)
                .containsEntry("M2_grid", true).doesNotContainKeys("M3_grid", "M3_A1_CR1_rating");
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(members.get(0).getId())).isEmpty();

        // The form, pre-filled with the grid's sections, records member 3 absent at the oral.
        fixture.submit(jure1Task, "jure1", Map.of("M3_absent", true));
        assertThat(GridEvaluationTests.summary(only(members.get(1)))).contains("A.1-CR2 NON_ACQUIS [1] Membre 2 : partie absente.");
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(members.get(2).getId())).isEmpty();
        assertThat(sittings.findByBusinessKey(sitting.getBusinessKey()).orElseThrow().absentProductionIds())
                .containsExactly(members.get(2).getId());
    }

    @Test
    void aPartlyFilledSheetIsRefusedNamingTheSheetAndChangesNothing() throws IOException {
        byte[] file = fill(grid("jure1"), (member, criterion) -> member == 2 && criterion == 3 ? null : "Acquis");
        assertThatThrownBy(() -> service.submit(grid("jure1"), "grille.xlsx", file))
                .isInstanceOf(GridRefusedException.class)
                .hasMessageContaining("feuille « 2027-502 Nom2027-502 », critère 3")
                .hasMessageContaining("appréciation manquante");
        assertNothingRecorded();
    }

    @Test
    void aBlankGridIsRefused() throws IOException {
        byte[] file = fill(grid("jure1"), (member, criterion) -> null);
        assertThatThrownBy(() -> service.submit(grid("jure1"), "grille.xlsx", file))
                .isInstanceOf(GridRefusedException.class).hasMessageContaining("La grille du groupe est vide");
        assertNothingRecorded();
    }

    @Test
    void aChangedMemberSheetIsRefusedAsAChangedStructure() throws IOException {
        byte[] file = fill(grid("jure1"), GroupGridEvaluationTests::differing,
                workbook -> workbook.getSheetAt(2).getRow(GridWorkbook.HEADER_ROWS + 1).getCell(1).setCellValue("Autre texte"));
        assertThatThrownBy(() -> service.submit(grid("jure1"), "grille.xlsx", file))
                .isInstanceOf(GridRefusedException.class).hasMessageContaining("La structure de la grille a été modifiée");
        assertNothingRecorded();
    }

    @Test
    void anotherJurorsGridIsRefusedAndChangesNothing() throws IOException {
        byte[] jure1Filled = fill(grid("jure1"), GroupGridEvaluationTests::differing);
        assertThatThrownBy(() -> service.submit(grid("jure2"), "grille.xlsx", jure1Filled))
                .isInstanceOf(GridRefusedException.class).hasMessageContaining("celle d'un autre juré (jure1)");
        assertNothingRecorded();
    }

    @Test
    void theSheetOfAMemberAnotherJurorRecordedAbsentIsRefusedUnlessBlank() throws IOException {
        Task jure2Task = fixture.tasksOf(sitting, "Task_EvaluateGroup").get(1);
        fixture.submit(jure2Task, "jure2", fixture.groupEvaluation(jure2Task, "A.1", (juror, member, key) -> "ACQUIS",
                java.util.Set.of(3)));
        byte[] filled = fill(grid("jure1"), GroupGridEvaluationTests::differing);
        assertThatThrownBy(() -> service.submit(grid("jure1"), "grille.xlsx", filled))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Grille refusée : Feuille « 2027-503 Nom2027-503 » : ce membre a été déclaré absent à la soutenance par un autre juré");
        assertNothingRecorded();

        service.submit(grid("jure1"), "grille.xlsx", fill(grid("jure1"), (member, criterion) -> member == 3 ? null : "Acquis"));
        assertThat(taskVariables()).containsEntry("M1_grid", true).containsEntry("M2_grid", true).doesNotContainKey("M3_grid");
    }

    @Test
    void theConsolidatedWorkbookOfTheSittingIsTheGroupsWithASheetPerMember() throws IOException {
        for (String juror : List.of("jure1", "jure2")) {
            service.submit(grid(juror), "grille.xlsx", fill(grid(juror), GroupGridEvaluationTests::differing));
            fixture.runJobs();
        }
        BpmnAwareTests.assertThat(sitting).isEnded();
        byte[] workbook = consolidatedGrids.of(members.get(1).getId());
        assertThat(consolidatedGrids.of(members.get(2).getId())).as("each member's link gives the group's document").hasSize(workbook.length);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(read.getNumberOfSheets()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                Sheet sheet = read.getSheetAt(i);
                String number = "2027-50" + (i + 1);
                assertThat(sheet.getSheetName()).isEqualTo(number + " Nom" + number);
                assertThat(text(sheet, 0)).isEqualTo("Grille consolidée du groupe G5 — Session de test");
                assertThat(text(sheet, 2)).isEqualTo("Candidat : " + number + " Prénom" + number + " Nom" + number
                        + " — groupe G5, membre " + (i + 1) + " sur 3");
                assertThat(text(sheet, 4)).isEqualTo("Jury : Juré jure1, Juré jure2 — désigné par la règle d'affectation");
                assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("Juré : Juré jure1");
            }
            assertThat(text(read.getSheetAt(0), 3)).isEqualTo("Résultat de la composante : Validé");
            // Each member's own ratings: member 3 failed criteria 1 and 3, member 2 criterion 2.
            assertThat(read.getSheetAt(2).getRow(6).getCell(1).getStringCellValue()).isEqualTo("Non acquis — Membre 3 : partie absente.");
            assertThat(read.getSheetAt(2).getRow(6).getCell(3).getStringCellValue()).isEqualTo("Non acquis");
            assertThat(read.getSheetAt(1).getRow(6).getCell(3).getStringCellValue()).isEqualTo("Acquis");
            assertThat(read.getSheetAt(1).getRow(7).getCell(3).getStringCellValue()).isEqualTo("Non acquis");
        }
        // Results stay individual: the progress workbook and the PV have a row per member with the member's own result.
        Map<String, String> results = new java.util.HashMap<>();
        for (var candidate : progress.of(campaign.getId()).candidates()) {
            candidate.productions().stream().filter(production -> production.component().equals("A.1"))
                    .forEach(production -> results.put(candidate.number(), production.result()));
        }
        assertThat(results).containsEntry("2027-501", "VALIDE").containsEntry("2027-502", "NON_VALIDE")
                .containsEntry("2027-503", "NON_VALIDE");
        try (XSSFWorkbook pv = new XSSFWorkbook(new ByteArrayInputStream(minutes.minutes(campaign.getId())))) {
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            List<String> rows = new java.util.ArrayList<>();
            pv.getSheetAt(0).forEach(row -> {
                StringBuilder line = new StringBuilder();
                row.forEach(cell -> line.append(formatter.formatCellValue(cell)).append('|'));
                rows.add(line.toString());
            });
            assertThat(rows).filteredOn(row -> row.startsWith("2027-50")).hasSize(3);
            assertThat(rows).filteredOn(row -> row.startsWith("2027-501|")).singleElement().asString().contains("|Validé|");
            assertThat(rows).filteredOn(row -> row.startsWith("2027-503|")).singleElement().asString().contains("|Non validé|");
        }
    }

    private static String text(Sheet sheet, int row) {
        return sheet.getRow(row).getCell(0).getStringCellValue();
    }
}
