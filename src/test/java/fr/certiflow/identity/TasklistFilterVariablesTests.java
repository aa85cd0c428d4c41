package fr.certiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.process.AssessmentFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a juror's « Mes évaluations » list shows in Tasklist: the call Tasklist makes (filter list, HAL) returns the
 * juror's own tasks with the filter's variables (candidate, composante), although jurors may not read process
 * instances; another juror's task is not in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class TasklistFilterVariablesTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    ProcessEngine engine;
    @Autowired
    FilterService filters;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aJurorSeesTheCandidateAndTheComposanteOfEachEvaluationInTheirList() {
        Campaign campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        ProcessInstance instance = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-610"), "A.4");
        fixture.submitAll(fixture.productionId(instance), "A.4", AssessmentFixture.FRENCH);
        fixture.admissible(instance);
        List<String> jurors = fixture.tasksOf(instance, "Task_EvaluateProduction").stream().map(t -> t.getAssignee()).toList();
        assertThat(jurors).hasSize(2);
        api.user(jurors.get(0), Groups.JURORS);

        String filterId = filters.createFilterQuery().filterName("Mes évaluations").singleResult().getId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.valueOf("application/hal+json")));
        Map<String, Object> body = new HashMap<>();
        body.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
        ResponseEntity<JsonNode> page = http.withBasicAuth(jurors.get(0), jurors.get(0) + "-secret").postForEntity(
                "/engine-rest/engine/" + engine.getName() + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        JsonNode tasks = page.getBody().at("/_embedded/task");
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.get("assignee").asText()).isEqualTo(jurors.get(0));
            Map<String, String> variables = new HashMap<>();
            task.at("/_embedded/variable").forEach(v -> variables.put(v.get("name").asText(), v.get("value").asText()));
            assertThat(variables).containsEntry("candidateLabel", "Candidat n° 2027-610").containsEntry("componentCode", "A.4");
        });
    }
}
