package fr.certiflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.errors.ConflictException;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Component;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
 * A juror of a VAE candidate's sitting hands in a composante's Excel grid: it fills and completes that juror's task
 * for that composante (« Évaluer chaque composante du bloc (VAE) »), and no other; the individual task's checks apply.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class VaeGridEvaluationTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
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
    fr.certiflow.production.SubmissionService submissions;

    ProcessInstance sitting;
    Production a1;
    Production a2;
    List<String> jury;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        Campaign campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        Candidate candidate = fixture.candidate(campaign, "2027-090", c -> c.setPathway(Pathway.VAE));
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        ProcessInstance first = fixture.productionsOf(bloc).get(0);
        submissions.upload(fixture.productionId(first), "dossier", "dossier.txt",
                AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8), "coordo");
        fixture.runJobs();
        sitting = fixture.groupSitting(first);
        fixture.admissible(sitting);
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate", oral.atZone(ZoneId.of("Europe/Paris"))
                .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 1"));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));
        List<Production> produced = productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(
                campaign.getId(), candidate.getId());
        a1 = produced.get(0);
        a2 = produced.get(1);
        jury = fixture.tasksOf(sitting, "Task_EvaluateProduction").stream().map(Task::getAssignee).distinct().sorted().toList();
        assertThat(jury).hasSize(2);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aComposantesGridCompletesThatJurorsTaskForThatComposanteOnly() throws IOException {
        String juror = jury.get(0);
        handIn(a2, juror);

        // The juror's A.2 task is done; their A.1 task and the other juror's tasks stay open.
        assertThat(openTasks()).containsExactlyInAnyOrder(juror + " A.1", jury.get(1) + " A.1", jury.get(1) + " A.2");
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(a2.getId())).singleElement().satisfies(recorded -> {
            assertThat(recorded.getJurorUserId()).isEqualTo(juror);
            assertThat(GridEvaluationTests.summary(recorded)).contains("A.2-CR2 NON_ACQUIS [1, 3] Le cahier des charges est absent.");
        });
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(a1.getId())).isEmpty();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("evaluationChannel")
                .processInstanceId(sitting.getId()).list()).extracting(v -> v.getValue()).contains("GRID");

        // Once: the same grid again finds no task waiting for it.
        assertThatThrownBy(() -> handIn(a2, juror)).isInstanceOfSatisfying(ConflictException.class, refused -> {
            assertThat(refused.heading()).isEqualTo("Grille refusée");
            assertThat(refused).hasMessageContaining("Aucune évaluation de cette production n'attend le juré " + juror);
        });
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(a2.getId())).hasSize(1);

        // Every grid handed in: the sitting goes on to consolidation (the jurors disagree on nothing).
        handIn(a1, juror);
        handIn(a1, jury.get(1));
        handIn(a2, jury.get(1));
        assertThat(openTasks()).isEmpty();
        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("SubProcess_EvaluateComponents", "Task_Consolidate");
        assertThat(productions.findById(a1.getId()).orElseThrow().getResult()).isEqualTo("NON_VALIDE");
    }

    @Test
    void anotherJurorsGridIsRefusedAndChangesNothing() throws IOException {
        Grid other = grids.findByProductionIdAndJurorUserId(a1.getId(), jury.get(1)).orElseThrow();
        byte[] mine = GridEvaluationTests.fill(grid(a1, jury.get(0)).getContent(), component("A.1"), workbook -> { });
        assertThatThrownBy(() -> service.submit(other, "grille.xlsx", mine)).isInstanceOf(GridRefusedException.class)
                .hasMessageContaining("celle d'un autre juré (" + jury.get(0) + ")");
        assertThat(openTasks()).hasSize(4);
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(a1.getId())).isEmpty();
    }

    private void handIn(Production production, String juror) throws IOException {
        Grid grid = grid(production, juror);
        service.submit(grid, "grille.xlsx",
                GridEvaluationTests.fill(grid.getContent(), component(production.getComponentCode()), workbook -> { }));
        fixture.runJobs();
    }

    private Grid grid(Production production, String juror) {
        return grids.findByProductionIdAndJurorUserId(production.getId(), juror).orElseThrow();
    }

    private Component component(String code) {
        return catalog.find("MMDC", 1).orElseThrow().component(code).orElseThrow();
    }

    /** « juror A.1 » for each open evaluation task of the sitting. */
    private List<String> openTasks() {
        return fixture.tasksOf(sitting, "Task_EvaluateProduction").stream().map(task -> task.getAssignee() + " "
                + runtime.getVariable(task.getExecutionId(), Variables.COMPONENT_CODE)).toList();
    }
}
