package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.production.ProductionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two jurors completing the two evaluations of one production at the same instant, many times: each completion
 * commits on its own (the evaluation is asynchronous after each juror's task), the joins that collide are retried
 * as the job executor retries them, and consolidation runs exactly once with both evaluations kept.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class ConcurrentJurorsTests {

    static final int PRODUCTIONS = 8;

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    FormService forms;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    ProductionRepository productions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void simultaneousEvaluationsAreAllKeptAndConsolidatedOnce() throws Exception {
        BpmnAwareTests.init(engine);
        Campaign campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int retried = 0;
        try {
            for (int i = 0; i < PRODUCTIONS; i++) {
                ProcessInstance instance = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-8" + i), "A.4");
                Long productionId = fixture.productionId(instance);
                fixture.submitAll(productionId, "A.4", AssessmentFixture.FRENCH);
                fixture.admissible(instance);
                List<Task> both = fixture.tasksOf(instance, "Task_EvaluateProduction");

                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> submitted = new ArrayList<>();
                for (Task task : both) {
                    submitted.add(threads.submit(() -> {
                        start.await();
                        identity.setAuthentication(task.getAssignee(), List.of("jurors"));
                        try {
                            forms.submitTaskForm(task.getId(), fixture.evaluation(AssessmentFixture.keys("A.4", 4), key -> "ACQUIS"));
                        } finally {
                            identity.clearAuthentication();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : submitted) {
                    future.get();
                }
                assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionId)).hasSize(2);

                // The two continuations join the multi-instance at the same instant, as two job executor threads would.
                List<Job> joins = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
                assertThat(joins).hasSize(2);
                CountDownLatch together = new CountDownLatch(1);
                List<Future<Integer>> executed = new ArrayList<>();
                for (Job join : joins) {
                    executed.add(threads.submit((Callable<Integer>) () -> {
                        together.await();
                        return executeRetryingOnConflict(join.getId());
                    }));
                }
                together.countDown();
                for (Future<Integer> future : executed) {
                    retried += future.get();
                }
                fixture.runJobs();

                BpmnAwareTests.assertThat(instance).isEnded();
                assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                        .activityId("Task_Consolidate").count()).isEqualTo(1);
                assertThat(productions.findById(productionId).orElseThrow().getResult()).isEqualTo("VALIDE");
                assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionId)).hasSize(2);
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.println("Concurrent joins retried after an optimistic locking conflict: " + retried + " of " + PRODUCTIONS);
    }

    /** What the job executor does with a job that lost an optimistic lock: it runs it again. */
    private int executeRetryingOnConflict(String jobId) {
        int conflicts = 0;
        while (true) {
            try {
                if (management.createJobQuery().jobId(jobId).count() == 1) {
                    management.executeJob(jobId);
                }
                return conflicts;
            } catch (OptimisticLockingException e) {
                conflicts++;
                if (conflicts > 5) {
                    throw e;
                }
            }
        }
    }
}
