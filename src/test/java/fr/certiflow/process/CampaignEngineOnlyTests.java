package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.BlocAssessments;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignProcess;
import fr.certiflow.campaign.CampaignReadiness;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignResults;
import fr.certiflow.campaign.CampaignStarts;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.Certifications;
import fr.certiflow.campaign.PrepareCohortTaskListener;
import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.notification.Notifier;
import fr.certiflow.production.ProductionProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * processes/campaign.bpmn on Camunda alone (no Spring, no database of Certiflow's): the campaign's glue
 * ({@link CampaignProcess}, {@link PrepareCohortTaskListener}) over mocked domain services, the beans of other modules
 * as mocks, the called BlocAssessment as a one-task stub. Covers the start from Tasklist (created, cohort prepared) and
 * from the API (bound), their refusals, one bloc assessment per key with its inputs and business key, none at all, the
 * certification proposal weighed by the CertificationResult decision table, the certification jury, the minutes and the
 * results.
 */
@Tag("process")
class CampaignEngineOnlyTests {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("engine-only.cfg.xml").build();

    static final String BPMN = "processes/campaign.bpmn";
    static final String DMN = "processes/certification-result.dmn";
    static final String START_FORM = "forms/campaign-start.form";
    static final String PREPARE_FORM = "forms/prepare-cohort.form";
    static final String JURY_FORM = "forms/certification-jury.form";
    static final String STUB_TASK = "Task_AssessBlocStub";
    static final CampaignStarts.Started STARTED = new CampaignStarts.Started(5L, "MMDC-2027", "Session 2027");

    ProcessEngine engine;
    final CampaignStarts starts = mock(CampaignStarts.class);
    final BlocAssessments blocAssessments = mock(BlocAssessments.class);
    final CampaignResults results = mock(CampaignResults.class);
    final CampaignReadiness readiness = mock(CampaignReadiness.class);
    final ProductionProcess productionProcess = mock(ProductionProcess.class);
    final TaskListener certificationJury = mock(TaskListener.class);

    @BeforeEach
    void beans() {
        engine = extension.getProcessEngine();
        register(results);
        Mocks.register("prepareCohortTaskListener", new PrepareCohortTaskListener(readiness));
        Mocks.register("productionProcess", productionProcess);
        Mocks.register("certificationJuryTaskListener", certificationJury);
        engine.getRepositoryService().createDeployment().addModelInstance("bloc-assessment-stub.bpmn",
                Bpmn.createExecutableProcess(ProcessKeys.BLOC_ASSESSMENT).camundaHistoryTimeToLive(1)
                        .startEvent().userTask(STUB_TASK).endEvent().done()).deploy();
    }

    void register(CampaignResults campaignResults) {
        Mocks.register("campaignProcess", new CampaignProcess(starts, blocAssessments, campaignResults));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getRepositoryService().createDeploymentQuery().list().stream()
                .filter(deployment -> engine.getRepositoryService().createProcessDefinitionQuery()
                        .deploymentId(deployment.getId()).processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT).count() > 0)
                .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    }

    /** Runs the jobs (no job executor) until the instances wait for a user or end. */
    void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("Jobs still due after 20 rounds");
    }

    Map<String, Object> startForm() {
        Map<String, Object> form = new HashMap<>();
        form.put(Variables.NEW_CAMPAIGN_CODE, "MMDC-2027");
        form.put(Variables.NEW_CAMPAIGN_NAME, "Session 2027");
        form.put(Variables.NEW_CAMPAIGN_REFERENTIAL, "MMDC");
        form.put(Variables.NEW_CAMPAIGN_OPENS, "2027-01-10");
        form.put(Variables.NEW_CAMPAIGN_SUBMISSION_DEADLINE, "2027-03-31");
        form.put(Variables.NEW_CAMPAIGN_EVALUATION_DEADLINE, "2027-04-15");
        form.put(Variables.NEW_CAMPAIGN_DELIBERATION, "2027-05-03");
        form.put(Variables.NEW_CAMPAIGN_REMINDER_DAYS, 7);
        form.put(Variables.NEW_CAMPAIGN_INDIVIDUAL_WORK, "A.1, A.3");
        return form;
    }

    Task task(ProcessInstance instance, String activity) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity)
                .singleResult();
    }

    /** Runs the instance from the end of its start to the certification jury's task, with no bloc to assess. */
    void toCertificationJury(ProcessInstance instance) {
        runJobs();
        assertThat(task(instance, ActivityIds.CERTIFICATION_JURY)).as("certification jury").isNotNull();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void startedFromTasklistTheCampaignIsCreatedFromTheFormThenLaunchedWhenTheCohortIsPrepared() {
        when(starts.create(any(), anyString())).thenReturn(STARTED);

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, startForm());

        ArgumentCaptor<CampaignStarts.StartForm> form = ArgumentCaptor.forClass(CampaignStarts.StartForm.class);
        verify(starts).create(form.capture(), eq(instance.getId()));
        assertThat(form.getValue()).isEqualTo(new CampaignStarts.StartForm("MMDC-2027", "Session 2027", "MMDC", "2027-01-10",
                "2027-03-31", "2027-04-15", "2027-05-03", 7, "A.1, A.3"));
        verify(starts, never()).bind(any(), anyString());
        ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(started.getBusinessKey()).isEqualTo("MMDC-2027");
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry(Variables.CAMPAIGN_ID, 5L)
                .containsEntry(Variables.CAMPAIGN_CODE, "MMDC-2027").containsEntry(Variables.CAMPAIGN_NAME, "Session 2027");
        Task prepare = task(instance, ActivityIds.PREPARE_COHORT);
        assertThat(prepare).isNotNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(prepare.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("coordinators"));
        verify(productionProcess, never()).openSubmissions(any());

        engine.getTaskService().complete(prepare.getId());

        InOrder launch = inOrder(readiness);
        launch.verify(readiness).check(5L);
        launch.verify(readiness).launch(5L);
        toCertificationJury(instance);
        verify(productionProcess).openSubmissions(any(DelegateExecution.class));
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void aStartFormRefusedStartsNothingAndSaysWhy() {
        when(starts.create(any(), anyString())).thenThrow(new RefusedException(
                "Date illisible : « 2027-02-31 » (attendu AAAA-MM-JJ, une date qui existe)."));

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, startForm()))
                .hasRootCauseInstanceOf(ProcessException.class)
                .hasRootCauseMessage("Date illisible : « 2027-02-31 » (attendu AAAA-MM-JJ, une date qui existe).");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void aCampaignWithoutCohortOrJuryIsNotLaunchedAndTheTaskStaysOpen() {
        when(starts.create(any(), anyString())).thenReturn(STARTED);
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, startForm());
        doThrow(new ConflictException("La campagne MMDC-2027 n'a aucun candidat : importez la cohorte avant de la lancer."))
                .when(readiness).check(5L);
        Task prepare = task(instance, ActivityIds.PREPARE_COHORT);

        assertThatThrownBy(() -> engine.getTaskService().complete(prepare.getId())).hasRootCauseInstanceOf(ProcessException.class)
                .hasRootCauseMessage("La campagne MMDC-2027 n'a aucun candidat : importez la cohorte avant de la lancer.");
        verify(readiness, never()).launch(anyLong());
        assertThat(task(instance, ActivityIds.PREPARE_COHORT)).isNotNull();
        assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void launchedByTheApiTheCampaignIsBoundAndNoCohortTaskIsAsked() {
        when(starts.bind(eq(5L), anyString())).thenReturn(STARTED);

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, "MMDC-2027",
                Map.of(Variables.CAMPAIGN_ID, 5L, Variables.CAMPAIGN_CODE, "MMDC-2027", Variables.CAMPAIGN_NAME, "Session 2027"));

        verify(starts).bind(5L, instance.getId());
        verify(starts, never()).create(any(), anyString());
        assertThat(task(instance, ActivityIds.PREPARE_COHORT)).isNull();
        verify(readiness, never()).check(anyLong());
        toCertificationJury(instance);
        verify(productionProcess).openSubmissions(any(DelegateExecution.class));
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void aCampaignThatCannotBeBoundIsRefusedAndNothingStarts() {
        when(starts.bind(eq(5L), anyString())).thenThrow(new RefusedException(
                "La campagne MMDC-2027 est déjà en cours : elle ne se lance qu'une fois."));

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, "MMDC-2027",
                Map.of(Variables.CAMPAIGN_ID, 5L))).hasRootCauseInstanceOf(ProcessException.class)
                .hasRootCauseMessage("La campagne MMDC-2027 est déjà en cours : elle ne se lance qu'une fois.");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void oneBlocAssessmentPerKeyWithItsCandidateItsBlocAndItsBusinessKeyThenTheJuryTheMinutesAndTheResults() {
        when(starts.bind(eq(5L), anyString())).thenReturn(STARTED);
        when(blocAssessments.toStart(5L)).thenReturn(List.of("10|2027-001|B1", "10|2027-001|B2", "11|2027-002|B2"));
        when(results.proposeCertification(5L)).thenReturn("Proposition : certification délivrée à **1** candidat(s) sur 2.");
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, "MMDC-2027",
                Map.of(Variables.CAMPAIGN_ID, 5L, Variables.CAMPAIGN_CODE, "MMDC-2027", Variables.CAMPAIGN_NAME, "Session 2027"));

        runJobs();

        List<ProcessInstance> blocs = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT).orderByBusinessKey().asc().list();
        assertThat(blocs).extracting(ProcessInstance::getBusinessKey)
                .containsExactly("MMDC-2027/2027-001/B1", "MMDC-2027/2027-001/B2", "MMDC-2027/2027-002/B2");
        Map<String, Object> third = engine.getRuntimeService().getVariables(blocs.get(2).getId());
        assertThat(third).containsEntry(Variables.CAMPAIGN_ID, 5L).containsEntry(Variables.CAMPAIGN_CODE, "MMDC-2027")
                .containsEntry(Variables.CAMPAIGN_NAME, "Session 2027").containsEntry(Variables.CANDIDATE_ID, 11L)
                .containsEntry(Variables.CANDIDATE_NUMBER, "2027-002").containsEntry(Variables.BLOC_CODE, "B2")
                .containsEntry(Variables.ATTEMPT, 1L);
        verify(results, never()).proposeCertification(anyLong());

        List<Task> stubs = engine.getTaskService().createTaskQuery().taskDefinitionKey(STUB_TASK).list();
        for (int i = 0; i < stubs.size(); i++) {
            engine.getTaskService().complete(stubs.get(i).getId());
            runJobs();
            boolean last = i == stubs.size() - 1;
            assertThat(task(instance, ActivityIds.CERTIFICATION_JURY) != null).as("jury after %d blocs", i + 1).isEqualTo(last);
        }

        verify(results).proposeCertification(5L);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), Variables.CERTIFICATION_SUMMARY))
                .isEqualTo("Proposition : certification délivrée à **1** candidat(s) sur 2.");
        Task jury = task(instance, ActivityIds.CERTIFICATION_JURY);
        assertThat(engine.getTaskService().getIdentityLinksForTask(jury.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("jury-presidents"));
        ArgumentCaptor<DelegateTask> created = ArgumentCaptor.forClass(DelegateTask.class);
        verify(certificationJury).notify(created.capture());
        assertThat(created.getValue().getEventName()).isEqualTo(TaskListener.EVENTNAME_CREATE);
        verify(results, never()).drawUpMinutes(anyLong());

        engine.getTaskService().complete(jury.getId());
        verify(certificationJury, times(2)).notify(any());
        runJobs();

        InOrder end = inOrder(results);
        end.verify(results).drawUpMinutes(5L);
        end.verify(results).publish(5L);
        HistoricProcessInstance done = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(done.getEndActivityId()).isEqualTo("EndEvent_CampaignClosed");
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void aCampaignWithNoBlocToAssessGoesStraightToTheProposal() {
        when(starts.bind(eq(5L), anyString())).thenReturn(STARTED);
        when(blocAssessments.toStart(5L)).thenReturn(List.of());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, "MMDC-2027",
                Map.of(Variables.CAMPAIGN_ID, 5L));

        toCertificationJury(instance);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT).count()).isZero();
        verify(results).proposeCertification(5L);
    }

    @Test
    @Deployment(resources = {BPMN, DMN, START_FORM, PREPARE_FORM, JURY_FORM})
    void theProposalCountsTheCertificationsTheDecisionTableAwards() {
        Campaign campaign = mock(Campaign.class);
        when(campaign.getId()).thenReturn(5L);
        CampaignRepository campaigns = mock(CampaignRepository.class);
        when(campaigns.findById(5L)).thenReturn(Optional.of(campaign));
        Candidate lea = candidate(10L, "2027-001");
        Candidate hugo = candidate(11L, "2027-002");
        Candidate chloe = candidate(12L, "2027-003");
        CandidateRepository candidates = mock(CandidateRepository.class);
        when(candidates.findByCampaignIdOrderByNumber(5L)).thenReturn(List.of(lea, hugo, chloe));
        Map<Long, Integer> acquired = Map.of(10L, 3, 11L, 2, 12L, 4); // of 4 blocs, 3 required
        Certifications certifications = mock(Certifications.class);
        when(certifications.propose(eq(campaign), any())).thenAnswer(call -> {
            List<Candidate> cohort = call.getArgument(1);
            return (int) cohort.stream().filter(candidate -> Decision.DELIVREE.is(engine.getDecisionService()
                    .evaluateDecisionTableByKey(ProcessKeys.DECISION_CERTIFICATION_RESULT, Map.of(
                            Variables.ACQUIRED_BLOCS_COUNT, acquired.get(candidate.getId()), Variables.BLOCS_COUNT, 4,
                            Variables.MINIMUM_ACQUIRED_BLOCS, 3))
                    .getSingleResult().getSingleEntry())).count();
        });
        register(new CampaignResults(campaigns, candidates, certifications, mock(Notifier.class)));
        when(starts.bind(eq(5L), anyString())).thenReturn(STARTED);
        when(blocAssessments.toStart(5L)).thenReturn(List.of());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CAMPAIGN, "MMDC-2027",
                Map.of(Variables.CAMPAIGN_ID, 5L));

        toCertificationJury(instance);

        verify(certifications).propose(campaign, List.of(lea, hugo, chloe));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), Variables.CERTIFICATION_SUMMARY))
                .isEqualTo("Proposition : certification délivrée à **2** candidat(s) sur 3.");
    }

    static Candidate candidate(long id, String number) {
        Candidate candidate = new Candidate(5L, number, "Nom", "Prénom", number + "@example.org");
        ReflectionTestUtils.setField(candidate, "id", id);
        return candidate;
    }
}
