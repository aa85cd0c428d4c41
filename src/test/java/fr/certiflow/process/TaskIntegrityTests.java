package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignStatus;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.evaluation.ConsolidatedRating;
import fr.certiflow.evaluation.ConsolidatedRatingRepository;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.identity.Groups;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a task's user can do to the record through the engine's REST API, as Tasklist's users reach it: work on their
 * task through its form and nothing else. Two candidates' A.4 productions are under evaluation by the same jury; each
 * attempt is refused and the state read back unchanged, and an evaluation lands on the production its process is
 * bound to, whatever the variables say.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class TaskIntegrityTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    ConsolidatedRatingRepository consolidated;
    @Autowired
    CampaignRepository campaigns;

    Campaign campaign;
    ProcessInstance first;
    ProcessInstance second;
    Long firstProduction;
    Long secondProduction;
    Task task;
    String juror;

    @BeforeEach
    void setUp() {
        api.users();
        api.user("president", Groups.JURY_PRESIDENTS);
        api.user("admin.test", "camunda-admin");
        campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        first = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-700"), "A.4");
        second = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-701"), "A.4");
        firstProduction = fixture.productionId(first);
        secondProduction = fixture.productionId(second);
        for (ProcessInstance instance : List.of(first, second)) {
            fixture.submitAll(fixture.productionId(instance), "A.4", AssessmentFixture.FRENCH);
            fixture.admissible(instance);
        }
        task = fixture.tasksOf(first, "Task_EvaluateProduction").get(0);
        juror = task.getAssignee();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aJurorCannotWriteAVariableThroughTheirOwnTask() {
        Map<String, Object> before = state();

        assertThat(call(juror, HttpMethod.PUT, "/task/" + task.getId() + "/variables/productionId",
                Map.of("value", secondProduction, "type", "Long"))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.PUT, "/task/" + task.getId() + "/localVariables/A4_CR1_rating",
                Map.of("value", "ACQUIS", "type", "String"))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/variables",
                Map.of("modifications", Map.of("admissibility", Map.of("value", "A_RETOURNER", "type", "String"))))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.DELETE, "/task/" + task.getId() + "/variables/documentsSummary", null)).isEqualTo(403);

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aSubmissionCarryingAVariableOutsideTheFormIsRefusedWhole() {
        Map<String, Object> before = state();
        Map<String, Object> values = form(evaluation(key -> "ACQUIS"));
        values.put("productionId", Map.of("value", secondProduction, "type", "Long"));

        ResponseEntity<JsonNode> refused = exchange(juror, HttpMethod.POST, "/task/" + task.getId() + "/submit-form",
                Map.of("variables", values));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("message").asText()).contains("Champ(s) absent(s) du formulaire", "productionId");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anEvaluationStaysOnTheJurorsTaskAndIsRecordedForTheProductionTheProcessIsBoundTo() {
        // Whatever a variable of the instance says (an administrator may edit variables in Cockpit), the production
        // is the one of the process instance's business key.
        runtime.setVariable(first.getId(), Variables.PRODUCTION_ID, secondProduction);

        ResponseEntity<JsonNode> submitted = exchange(juror, HttpMethod.POST, "/task/" + task.getId() + "/submit-form",
                Map.of("variables", form(evaluation(key -> "ACQUIS"))));

        assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(204);
        assertThat(evaluations.findByProductionIdAndJurorUserId(firstProduction, juror)).isPresent();
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(secondProduction)).isEmpty();
        assertThat(runtime.getVariables(first.getId()).keySet()).as("the juror's answers never reach the process instance")
                .noneMatch(name -> name.startsWith("A4_"));
    }

    @Test
    void aTaskEndsOnlyThroughItsForm() {
        Map<String, Object> before = state();

        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/complete", Map.of())).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/complete",
                Map.of("variables", form(evaluation(key -> "ACQUIS"))))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/resolve", Map.of())).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/bpmnError",
                Map.of("errorCode", ProcessKeys.ERROR_NO_ELIGIBLE_JUROR))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/bpmnEscalation",
                Map.of("escalationCode", "ESCALADE"))).isEqualTo(403);

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aJurorCannotHandTheirTaskToAnybody() {
        Map<String, Object> before = state();

        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/assignee", Map.of("userId", "jure3"))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/delegate", Map.of("userId", "jure3"))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/identity-links",
                Map.of("groupId", Groups.JURORS, "type", "candidate"))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.PUT, "/task/" + task.getId(),
                Map.of("name", "À faire par un autre", "assignee", "jure3", "owner", "jure3"))).isEqualTo(403);
        assertThat(call(juror, HttpMethod.POST, "/task/" + task.getId() + "/unclaim", null))
                .as("releasing an evaluation is refused").isNotEqualTo(204);

        assertThat(state()).isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(juror);
    }

    @Test
    void onlyTheDesignatedJurorSubmitsTheirEvaluation() {
        Map<String, Object> before = state();
        String other = juror.equals("jure1") ? "jure2" : "jure1";

        ResponseEntity<JsonNode> byAdministrator = exchange("admin.test", HttpMethod.POST, "/task/" + task.getId() + "/submit-form",
                Map.of("variables", form(evaluation(key -> "ACQUIS"))));
        assertThat(byAdministrator.getStatusCode().value()).isEqualTo(400);
        assertThat(byAdministrator.getBody().get("message").asText()).contains("Seul le juré désigné (" + juror + ")");
        assertThat(call(other, HttpMethod.POST, "/task/" + task.getId() + "/submit-form",
                Map.of("variables", form(evaluation(key -> "ACQUIS"))))).isIn(403, 404);
        assertThat(call("coordo", HttpMethod.POST, "/task/" + task.getId() + "/submit-form",
                Map.of("variables", form(evaluation(key -> "ACQUIS"))))).isIn(403, 404);

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aHarmonisationIsAJuryPresidentsAndRecordsWhoDecided() {
        fixture.evaluateAll(first, "A.4", 4, (who, key) -> who.equals(juror) && key.endsWith("CR2") ? "NON_ACQUIS" : "ACQUIS");
        Task harmonise = fixture.task(first, "Task_Harmonise");
        Map<String, Object> decision = Map.of("A4_CR1_agreed", "ACQUIS", "A4_CR2_agreed", "ACQUIS", "A4_CR3_agreed", "ACQUIS",
                "A4_CR4_agreed", "ACQUIS", "harmonisationComment", "Le critère 2 est démontré par le planning détaillé.");

        assertThatThrownBy(() -> fixture.submit(harmonise, "admin.test", decision))
                .hasMessageContaining("Seul un président de jury harmonise les évaluations");
        assertThat(consolidated.findByProductionIdOrderByCriterionCode(firstProduction))
                .noneMatch(ConsolidatedRating::isHarmonised);

        fixture.submit(harmonise, "president", decision);

        assertThat(consolidated.findByProductionIdOrderByCriterionCode(firstProduction))
                .filteredOn(ConsolidatedRating::isHarmonised).singleElement().satisfies(rating -> {
                    assertThat(rating.getCriterionCode()).isEqualTo("A.4-CR2");
                    assertThat(rating.getDecidedBy()).isEqualTo("president");
                });
    }

    @Test
    void aJobIsExecutedOnDemandByAnAdministratorOnlyAndARefusalIsNoFailureOfIt() {
        ProcessInstance waiting = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-702"), "A.4");
        Job reminder = engine.getManagementService().createJobQuery().processInstanceId(waiting.getId()).timers()
                .activityId("Event_SubmissionReminder").singleResult();

        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(call(juror, HttpMethod.POST, "/job/" + reminder.getId() + "/execute", null)).isEqualTo(403);
        }

        Job after = engine.getManagementService().createJobQuery().jobId(reminder.getId()).singleResult();
        assertThat(after.getRetries()).as("no retry used up by a refused call").isEqualTo(reminder.getRetries());
        assertThat(after.getExceptionMessage()).isNull();
        assertThat(runtime.createIncidentQuery().processInstanceId(waiting.getId()).count()).isZero();
        assertThat(call("admin.test", HttpMethod.POST, "/job/" + reminder.getId() + "/execute", null)).isEqualTo(204);
        assertThat(engine.getManagementService().createJobQuery().jobId(reminder.getId()).count()).as("run by the administrator").isZero();
    }

    @Test
    void theCampaignProcessIsStartedByCertiflowOnly() {
        Campaign launched = fixture.campaign(c -> { });
        fixture.candidate(launched, "2027-800");
        fixture.juror(launched, "jure1", true, false);
        fixture.launch(launched);
        Campaign draft = fixture.campaign(c -> { });
        fixture.candidate(draft, "2027-801");
        long campaignInstances = campaignInstances();
        long blocInstances = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT).count();

        for (Campaign target : List.of(launched, draft)) {
            Map<String, Object> variables = Map.of(Variables.CAMPAIGN_ID, Map.of("value", target.getId(), "type", "Long"));
            assertThat(call("coordo", HttpMethod.POST, "/process-definition/key/CampaignProcess/start",
                    Map.of("variables", variables, "businessKey", target.getCode()))).isEqualTo(403);
            ResponseEntity<JsonNode> viaForm = exchange("coordo", HttpMethod.POST, "/process-definition/key/CampaignProcess/submit-form",
                    Map.of("variables", variables, "businessKey", target.getCode()));
            assertThat(viaForm.getStatusCode().value()).isEqualTo(400);
            assertThat(viaForm.getBody().get("message").asText()).contains("campaignId");
            // Certiflow's own code naming the campaign is refused too: the campaign was not launched through the
            // launcher's checks, or another instance already runs it.
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ProcessKeys.CAMPAIGN, target.getCode(),
                    Map.of(Variables.CAMPAIGN_ID, target.getId())))
                    .hasMessageContaining(target == launched ? "est déjà en cours" : "n'a pas été lancée par Certiflow");
        }

        assertThat(campaignInstances()).isEqualTo(campaignInstances);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT).count()).isEqualTo(blocInstances);
        assertThat(campaigns.findById(draft.getId()).orElseThrow().getStatus()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(campaigns.findById(draft.getId()).orElseThrow().getProcessInstanceId()).isNull();
    }

    /** Everything a refused attempt could have changed: tasks, their links and variables, instances, evaluations. */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (ProcessInstance instance : List.of(first, second)) {
            state.put(instance.getId() + " variables", text(runtime.getVariables(instance.getId())));
            for (Task open : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
                state.put(open.getId(), List.of(String.valueOf(open.getName()), String.valueOf(open.getAssignee()),
                        String.valueOf(open.getOwner()), String.valueOf(open.getDelegationState()), String.valueOf(open.getDueDate())));
                state.put(open.getId() + " variables", text(tasks.getVariablesLocal(open.getId())));
                state.put(open.getId() + " links", tasks.getIdentityLinksForTask(open.getId()).stream()
                        .map(link -> link.getType() + ":" + link.getUserId() + ":" + link.getGroupId()).sorted().toList());
            }
        }
        state.put("evaluations", evaluations.findAll().stream().map(Evaluation::getProductionId).sorted().collect(Collectors.toList()));
        return state;
    }

    /** Variables as text: JSON values (checklists) are compared by what they hold, not as objects. */
    private static Map<String, String> text(Map<String, Object> variables) {
        Map<String, String> text = new HashMap<>();
        variables.forEach((name, value) -> text.put(name, String.valueOf(value)));
        return text;
    }

    private long campaignInstances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.CAMPAIGN).count();
    }

    private static Map<String, Object> evaluation(java.util.function.Function<String, String> rating) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : AssessmentFixture.keys("A.4", 4)) {
            String value = rating.apply(key);
            values.put(key + "_rating", value);
            values.put("NON_ACQUIS".equals(value) ? key + "_comment" : key + "_remark", "Observé en séance.");
        }
        return values;
    }

    /** Form values as Tasklist sends them: typed REST variables. */
    private static Map<String, Object> form(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value, "type", "String")));
        return variables;
    }

    private int call(String user, HttpMethod method, String path, Object body) {
        return exchange(user, method, path, body).getStatusCode().value();
    }

    private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, user + "-secret");
        try {
            ResponseEntity<String> response = http.exchange("/engine-rest/engine/" + engine.getName() + path, method,
                    new HttpEntity<>(body == null ? null : JSON.writeValueAsString(body), headers), String.class);
            JsonNode parsed = response.getBody() == null || response.getBody().isBlank() ? JSON.nullNode() : JSON.readTree(response.getBody());
            return ResponseEntity.status(response.getStatusCode()).body(parsed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
