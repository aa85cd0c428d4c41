package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.grid.GridGeneration;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Grid generation that fails (a full disk, say) is tried 3 times, 5 minutes apart as configured, then becomes an
 * incident with the error's message, visible in Cockpit; once the cause is fixed, retrying the job resumes the
 * production where it stopped.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class GridFailureIncidentTests {

    @MockitoSpyBean
    GridGeneration gridGeneration;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFailingGridGenerationBecomesAnIncidentAndResumesWhenRetried() {
        BpmnAwareTests.init(engine);
        Campaign campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        ProcessInstance instance = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-900"), "A.4");
        fixture.submitAll(fixture.productionId(instance), "A.4", AssessmentFixture.FRENCH);
        doThrow(new IllegalStateException("Écriture de la grille impossible : disque plein")).when(gridGeneration).generate(any());

        assertThatThrownBy(() -> fixture.admissible(instance)).hasMessageContaining("disque plein");
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (int attempt = 2; attempt <= 3; attempt++) {
            Job waiting = management.createJobQuery().processInstanceId(instance.getId()).activityId("Task_GenerateGrids").singleResult();
            assertThat(waiting.getRetries()).isEqualTo(4 - attempt);
            assertThat(waiting.getDuedate()).isAfter(java.util.Date.from(now.plus(Duration.ofMinutes(4))));
            now = now.plus(Duration.ofMinutes(6));
            ClockUtil.setCurrentTime(java.util.Date.from(now));
            assertThatThrownBy(() -> management.executeJob(waiting.getId())).hasMessageContaining("disque plein");
        }

        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId("Task_GenerateGrids").singleResult();
        assertThat(job.getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_GenerateGrids");
        assertThat(incident.getIncidentMessage()).endsWith("Écriture de la grille impossible : disque plein");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_GenerateGrids");

        doCallRealMethod().when(gridGeneration).generate(any());
        // What "Retry" in Cockpit does: the job gets a retry and runs.
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        fixture.runJobs();

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_EvaluateProduction");
    }
}
