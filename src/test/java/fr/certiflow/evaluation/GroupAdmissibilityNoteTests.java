package fr.certiflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.Variables;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A group's production admitted despite a missing item: every juror's group form shows the item and the reason. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class GroupAdmissibilityNoteTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theGroupFormShowsWhatAdmissibilityFoundMissingAndWhy() {
        Campaign campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        List<Candidate> group = List.of(
                fixture.candidate(campaign, "2027-601", c -> c.setGroupCode("G6")),
                fixture.candidate(campaign, "2027-602", c -> c.setGroupCode("G6")));
        List<ProcessInstance> members = group.stream().map(member -> fixture.startProduction(campaign, member, "A.3")).toList();
        fixture.submitAll(fixture.productionId(members.get(0)), "A.3", AssessmentFixture.FRENCH);
        ProcessInstance sitting = fixture.groupSitting(members.get(0));
        Task admissibility = fixture.task(sitting, "Task_CheckAdmissibility");
        fixture.submit(admissibility, "coordo", Map.of("admissibility", "RECEVABLE",
                Variables.REQUIRED_CONTENTS_PRESENT, SpinValues.jsonValue("[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\"]").create(),
                Variables.ADMISSIBLE_DESPITE_MISSING, "Le dernier élément figure dans la présentation orale."));
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate", oral.atZone(ZoneId.of("Europe/Paris"))
                .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 3"));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));

        List<Task> evaluations = fixture.tasksOf(sitting, "Task_EvaluateGroup");
        assertThat(evaluations).hasSize(2).allSatisfy(task -> assertThat((String) tasks.getVariableLocal(task.getId(),
                Variables.ADMISSIBILITY_NOTE))
                .startsWith("**Recevable malgré des éléments manquants.** Le coordinateur a relevé l'absence de :\n\n- ")
                .endsWith("\nJustification : Le dernier élément figure dans la présentation orale.")
                .satisfies(note -> assertThat(note.lines().filter(line -> line.startsWith("- ")).count()).isEqualTo(1)));
    }
}
