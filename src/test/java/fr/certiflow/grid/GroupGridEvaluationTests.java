package fr.certiflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Component;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A juror of a group's sitting hands in a member's Excel grid: it fills that member's section of their group
 * evaluation task (shown pre-filled in the group form); once every member's section came from a grid, the task is
 * completed as the form would.
 */
@SpringBootTest
@ActiveProfiles("test")
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

    Component a1;
    List<Production> members;
    Task jure1Task;
    ProcessInstance sitting;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        Campaign campaign = fixture.campaign(c -> { });
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

    Grid grid(Production member, String juror) {
        return grids.findByProductionIdAndJurorUserId(member.getId(), juror).orElseThrow();
    }

    void handIn(Production member, String juror) throws IOException {
        Grid grid = grid(member, juror);
        service.submit(grid, "grille.xlsx", GridEvaluationTests.fill(grid.getContent(), a1, workbook -> { }));
    }

    @Test
    void eachMembersGridFillsTheirSectionAndTheLastOneCompletesTheGroupTask() throws IOException {
        handIn(members.get(1), "jure1");
        assertThat(tasks.createTaskQuery().taskId(jure1Task.getId()).singleResult()).as("still open").isNotNull();
        assertThat(tasks.getVariableLocal(jure1Task.getId(), "M2_A1_CR2_rating")).isEqualTo("NON_ACQUIS");
        assertThat(tasks.getVariableLocal(jure1Task.getId(), "M2_A1_CR2_comment")).isEqualTo("Le cahier des charges est absent.");
        assertThat(tasks.getVariableLocal(jure1Task.getId(), "M1_A1_CR2_rating")).as("member 1 untouched").isNull();
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(members.get(1).getId())).isEmpty();

        handIn(members.get(0), "jure1");
        handIn(members.get(2), "jure1");

        assertThat(tasks.createTaskQuery().taskId(jure1Task.getId()).singleResult()).as("completed").isNull();
        for (Production member : members) {
            List<Evaluation> recorded = evaluations.findByProductionIdOrderByJurorUserId(member.getId());
            assertThat(recorded).extracting(Evaluation::getJurorUserId).containsExactly("jure1");
            assertThat(GridEvaluationTests.summary(recorded.get(0))).contains("A.1-CR2 NON_ACQUIS [1, 3] Le cahier des charges est absent.");
        }
        // jure2's task is untouched.
        assertThat(fixture.tasksOf(sitting, "Task_EvaluateGroup"))
                .extracting(Task::getAssignee).containsExactly("jure2");
    }

    @Test
    void anotherJurorsGridIsRefusedAndChangesNothing() throws IOException {
        Grid jure2Grid = grid(members.get(0), "jure2");
        byte[] jure1Filled = GridEvaluationTests.fill(grid(members.get(0), "jure1").getContent(), a1, workbook -> { });
        assertThatThrownBy(() -> service.submit(jure2Grid, "grille.xlsx", jure1Filled))
                .isInstanceOf(GridRefusedException.class).hasMessageContaining("celle d'un autre juré (jure1)");
        assertThat(tasks.getVariablesLocal(jure1Task.getId()).keySet()).noneMatch(key -> key.startsWith("M1_A1_") && !key.endsWith("_indicators"));
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(members.get(0).getId())).isEmpty();
    }

    @Test
    void theGridOfAMemberAnotherJurorRecordedAbsentIsRefusedAndChangesNothing() {
        Task jure2Task = fixture.tasksOf(sitting, "Task_EvaluateGroup").get(1);
        fixture.submit(jure2Task, "jure2", fixture.groupEvaluation(jure2Task, "A.1", (juror, member, key) -> "ACQUIS",
                java.util.Set.of(3)));
        Grid grid = grid(members.get(2), "jure1");
        assertThatThrownBy(() -> service.submit(grid, "grille.xlsx", GridEvaluationTests.fill(grid.getContent(), a1, workbook -> { })))
                .isInstanceOf(GridRefusedException.class).hasMessageContaining("déclaré absent à la soutenance par un autre juré");
        assertThat(tasks.getVariablesLocal(jure1Task.getId()).keySet()).noneMatch(key -> key.startsWith("M3_") && !key.endsWith("_indicators"));
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(members.get(2).getId())).isEmpty();
    }
}
