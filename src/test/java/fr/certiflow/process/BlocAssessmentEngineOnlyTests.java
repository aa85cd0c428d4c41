package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.deliberation.BlocDeliberationTaskListener;
import fr.certiflow.deliberation.BlocDeliberations;
import fr.certiflow.deliberation.BlocProcess;
import fr.certiflow.deliberation.BlocProposals;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.production.ProductionProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * processes/bloc-assessment.bpmn alone, in an engine without Spring: the real glue (BlocProcess,
 * BlocDeliberationTaskListener) over mocked domain services, the composantes' assessments stubbed by a process with one
 * user task, the real BlocResult decision table.
 */
@Tag("process")
class BlocAssessmentEngineOnlyTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("engine-only.cfg.xml").build();

    private static final long CAMPAIGN = 7L;
    private static final long CANDIDATE = 42L;
    private static final String STUB_TASK = "Task_StubAssessment";

    private final BlocProposals proposals = mock(BlocProposals.class);
    private final BlocDeliberations deliberations = mock(BlocDeliberations.class);
    private final ProductionProcess productionProcess = mock(ProductionProcess.class);
    private final TaskNaming taskNaming = mock(TaskNaming.class);

    private RuntimeService runtime;
    private TaskService tasks;
    private ManagementService management;
    private HistoryService history;

    @BeforeEach
    void beans() {
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        Mocks.register("blocProcess", new BlocProcess(proposals));
        Mocks.register("blocDeliberationTaskListener", new BlocDeliberationTaskListener(deliberations));
        Mocks.register("productionProcess", productionProcess);
        Mocks.register("taskNaming", taskNaming);
        when(proposals.pathway(CANDIDATE)).thenReturn("FORMATION");
        when(proposals.componentsToAssess(CAMPAIGN, CANDIDATE, "BC3", 1)).thenReturn(List.of("A.4", "A.5"));
        when(deliberations.record(eq(CAMPAIGN), eq(CANDIDATE), eq("BC3"), any()))
                .thenAnswer(call -> call.<BlocDeliberations.Submission>getArgument(3).decision());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** The called ProductionAssessment: one user task, so that the test sees each call and ends it. */
    private void deployStubAssessment() {
        RepositoryService repository = engine.getRepositoryService();
        engine.manageDeployment(repository.createDeployment().addModelInstance("production-assessment-stub.bpmn",
                Bpmn.createExecutableProcess("ProductionAssessment").startEvent().userTask(STUB_TASK).endEvent().done())
                .deploy());
    }

    private ProcessInstance start() {
        deployStubAssessment();
        return runtime.startProcessInstanceByKey("BlocAssessment", "MMDC-2027/2027-001/BC3", Map.of(
                Variables.CAMPAIGN_ID, CAMPAIGN, Variables.CAMPAIGN_CODE, "MMDC-2027", Variables.CAMPAIGN_NAME, "Session 2027",
                Variables.CANDIDATE_ID, CANDIDATE, Variables.CANDIDATE_NUMBER, "2027-001", Variables.BLOC_CODE, "BC3",
                Variables.ATTEMPT, 1));
    }

    /** Runs the jobs the engine has, as its job executor would, until none is left. */
    private void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }

    private List<ProcessInstance> assessments() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("ProductionAssessment")
                .orderByBusinessKey().asc().list();
    }

    /** Ends every called assessment, as the composantes' results are decided. */
    private void assessAll() {
        tasks.createTaskQuery().taskDefinitionKey(STUB_TASK).list().forEach(task -> tasks.complete(task.getId()));
        runJobs();
    }

    private void proposes(int validated, int absent, int components, int minimum) {
        when(proposals.propose(CAMPAIGN, CANDIDATE, "BC3")).thenReturn(new BlocProposals.Proposal(validated, absent,
                components, minimum, "| Composante | Résultat | Passage |\n", 2, "Un bloc **ajourné** …", "selon le …"));
    }

    private Task deliberation() {
        return tasks.createTaskQuery().taskDefinitionKey(ActivityIds.DELIBERATE_BLOC).singleResult();
    }

    private void deliberate(String decision, String justification) {
        Task task = deliberation();
        tasks.setVariableLocal(task.getId(), Variables.BLOC_DECISION, decision);
        if (justification != null) {
            tasks.setVariableLocal(task.getId(), Variables.JUSTIFICATION, justification);
        }
        tasks.complete(task.getId());
        runJobs();
    }

    @Test
    @Deployment(resources = {"processes/bloc-assessment.bpmn", "processes/bloc-result.dmn"})
    void a_formation_candidate_has_one_assessment_per_composante_then_the_jury_president_decides() {
        proposes(2, 0, 2, 2);
        ProcessInstance bloc = start();
        runJobs();

        verify(productionProcess, never()).openValidationFile(any());
        assertThat(assessments()).extracting(ProcessInstance::getBusinessKey)
                .containsExactly("MMDC-2027/2027-001/A.4", "MMDC-2027/2027-001/A.5");
        assertThat(assessments()).allSatisfy(assessment -> {
            assertThat(runtime.getVariable(assessment.getId(), Variables.BLOC_CODE)).isEqualTo("BC3");
            assertThat(runtime.getVariable(assessment.getId(), Variables.ATTEMPT)).isEqualTo(1);
            assertThat(runtime.getVariable(assessment.getId(), Variables.CANDIDATE_ID)).isEqualTo(CANDIDATE);
        });
        assertThat(assessments()).extracting(assessment -> runtime.getVariable(assessment.getId(), Variables.COMPONENT_CODE))
                .containsExactly("A.4", "A.5");
        assertThat(deliberation()).isNull();

        assessAll();

        verify(proposals).propose(CAMPAIGN, CANDIDATE, "BC3");
        assertThat(runtime.getVariables(bloc.getId())).containsEntry(Variables.VALIDATED_COUNT, 2)
                .containsEntry(Variables.COMPONENTS_COUNT, 2).containsEntry(Variables.MINIMUM_VALIDATED_COMPONENTS, 2)
                .containsEntry(Variables.MAX_ATTEMPTS, 2).containsEntry(Variables.PROPOSED_RESULT, "VALIDE")
                .containsEntry(Variables.BLOC_SUMMARY, "| Composante | Résultat | Passage |\n")
                .containsEntry(Variables.RESIT_RULE, "Un bloc **ajourné** …");
        assertThat(deliberation()).isNotNull();
        verify(taskNaming).notify(any());

        deliberate("VALIDE", null);

        ArgumentCaptor<BlocDeliberations.Submission> submission = ArgumentCaptor.forClass(BlocDeliberations.Submission.class);
        verify(deliberations).record(eq(CAMPAIGN), eq(CANDIDATE), eq("BC3"), submission.capture());
        assertThat(submission.getValue())
                .isEqualTo(new BlocDeliberations.Submission("VALIDE", null, "VALIDE", 1, 2, TaskActors.CERTIFLOW));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(bloc.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(bloc.getId())
                .variableName(Variables.BLOC_DECISION).list()).filteredOn(variable -> variable.getTaskId() == null)
                .extracting(HistoricVariableInstance::getValue).containsExactly("VALIDE");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(bloc.getId())
                .activityId("Task_PrepareResit").count()).isZero();
    }

    @Test
    @Deployment(resources = {"processes/bloc-assessment.bpmn", "processes/bloc-result.dmn"})
    void a_vae_candidate_has_the_blocs_validation_file_opened_before_the_assessments() {
        when(proposals.pathway(CANDIDATE)).thenReturn("VAE");
        start();

        assertThat(management.createJobQuery().activityId("Task_OpenValidationFile").count()).isOne();
        assertThat(assessments()).isEmpty();

        runJobs();

        verify(productionProcess, times(1)).openValidationFile(any());
        assertThat(assessments()).extracting(ProcessInstance::getBusinessKey)
                .containsExactly("MMDC-2027/2027-001/A.4", "MMDC-2027/2027-001/A.5");
    }

    @ParameterizedTest(name = "{0} validated, {1} absent of {2}, {3} required: {4}")
    @CsvSource({"2, 0, 2, 2, VALIDE", "1, 1, 2, 2, NON_VALIDE", "0, 2, 2, 2, ABSENT", "1, 0, 2, 1, VALIDE", "0, 0, 2, 2, NON_VALIDE"})
    @Deployment(resources = {"processes/bloc-assessment.bpmn", "processes/bloc-result.dmn"})
    void the_decision_table_proposes_from_the_counts(int validated, int absent, int components, int minimum, String proposed) {
        proposes(validated, absent, components, minimum);
        ProcessInstance bloc = start();
        runJobs();
        assessAll();

        assertThat(runtime.getVariable(bloc.getId(), Variables.PROPOSED_RESULT)).isEqualTo(proposed);
        assertThat(deliberation()).isNotNull();
    }

    @Test
    @Deployment(resources = {"processes/bloc-assessment.bpmn", "processes/bloc-result.dmn"})
    void an_adjourned_bloc_resits_the_composantes_the_service_keeps_at_the_next_attempt() {
        proposes(1, 0, 2, 2);
        when(proposals.componentsToAssess(CAMPAIGN, CANDIDATE, "BC3", 2)).thenReturn(List.of("A.5"));
        ProcessInstance bloc = start();
        runJobs();
        assessAll();
        assertThat(runtime.getVariable(bloc.getId(), Variables.PROPOSED_RESULT)).isEqualTo("NON_VALIDE");

        deliberate("AJOURNE", "Reprendre A.5.");

        assertThat(runtime.getVariable(bloc.getId(), Variables.ATTEMPT)).isEqualTo(2);
        verify(proposals, atLeastOnce()).componentsToAssess(CAMPAIGN, CANDIDATE, "BC3", 2);
        assertThat(assessments()).extracting(ProcessInstance::getBusinessKey).containsExactly("MMDC-2027/2027-001/A.5#2");
        assertThat(runtime.getVariable(assessments().get(0).getId(), Variables.ATTEMPT)).isEqualTo(2);
        assertThat(deliberation()).isNull();

        proposes(2, 0, 2, 2);
        assessAll();
        assertThat(runtime.getVariable(bloc.getId(), Variables.PROPOSED_RESULT)).isEqualTo("VALIDE");
        deliberate("VALIDE", null);

        ArgumentCaptor<BlocDeliberations.Submission> submissions = ArgumentCaptor.forClass(BlocDeliberations.Submission.class);
        verify(deliberations, times(2)).record(eq(CAMPAIGN), eq(CANDIDATE), eq("BC3"), submissions.capture());
        assertThat(submissions.getAllValues()).containsExactly(
                new BlocDeliberations.Submission("AJOURNE", "Reprendre A.5.", "NON_VALIDE", 1, 2, TaskActors.CERTIFLOW),
                new BlocDeliberations.Submission("VALIDE", null, "VALIDE", 2, 2, TaskActors.CERTIFLOW));
        verify(proposals, times(2)).propose(CAMPAIGN, CANDIDATE, "BC3");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(bloc.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(bloc.getId())
                .activityId("Task_PrepareResit").count()).isOne();
    }

    @Test
    @Deployment(resources = {"processes/bloc-assessment.bpmn", "processes/bloc-result.dmn"})
    void a_refused_deliberation_keeps_the_task_open() {
        proposes(1, 0, 2, 2);
        ProcessInstance bloc = start();
        runJobs();
        assessAll();
        when(deliberations.record(eq(CAMPAIGN), eq(CANDIDATE), eq("BC3"), any()))
                .thenThrow(new RefusedException("Choisissez la décision du jury pour ce bloc."));
        Task task = deliberation();

        assertThatThrownBy(() -> tasks.complete(task.getId())).hasRootCauseInstanceOf(ProcessException.class)
                .hasRootCauseMessage("Choisissez la décision du jury pour ce bloc.");

        assertThat(deliberation()).isNotNull();
        assertThat(runtime.getVariable(bloc.getId(), Variables.BLOC_DECISION)).isNull();
        verify(deliberations).record(eq(CAMPAIGN), eq(CANDIDATE), eq("BC3"), any());
        verify(deliberations, never()).check(any());
        verify(taskNaming, times(1)).notify(any());
        verify(proposals, never()).componentsToAssess(anyLong(), anyLong(), anyString(), eq(2));
    }
}
