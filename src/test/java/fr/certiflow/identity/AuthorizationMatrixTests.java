package fr.certiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.grid.GridRepository;
import fr.certiflow.process.AssessmentFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, asserted for each role against Certiflow's API and the engine's REST API, on a production under
 * evaluation by jure1 and jure2 (jure3 is in the pool, not on this jury).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class AuthorizationMatrixTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    GridRepository grids;
    @Autowired
    ProcessEngine engine;

    Campaign campaign;
    ProcessInstance instance;
    Long productionId;
    List<Task> evaluations;

    @BeforeEach
    void setUp() {
        api.users();
        api.user("president", Groups.JURY_PRESIDENTS);
        campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        instance = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-600"), "A.4");
        productionId = fixture.productionId(instance);
        fixture.submitAll(productionId, "A.4", AssessmentFixture.FRENCH);
        fixture.admissible(instance);
        evaluations = fixture.tasksOf(instance, "Task_EvaluateProduction");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "anonymous, GET, /api/referentials, 401",
            "jure1, GET, /api/referentials, 200",
            "manager, GET, /api/referentials, 200",
            "jure1, GET, /api/referentials/MMDC, 200",
            "anonymous, GET, /api/referentials/MMDC/versions/1, 401",
            "manager, GET, /api/referentials/MMDC/versions/1, 200",
            "jure1, GET, /api/campaigns/templates/cohort.xlsx, 200",
            "manager, GET, /api/campaigns/templates/jurors.xlsx, 200",
            "anonymous, GET, /api/campaigns, 401",
            "jure1, GET, /api/campaigns, 403",
            "coordo, GET, /api/campaigns, 200",
            "manager, GET, /api/campaigns, 200",
            "president, GET, /api/campaigns, 200",
            "admin, GET, /api/campaigns, 200",
            "jure1, GET, /api/campaigns/{campaign}, 403",
            "manager, GET, /api/campaigns/{campaign}, 200",
            "jure1, HEAD, /api/campaigns/{campaign}, 403",
            "manager, HEAD, /api/campaigns/{campaign}, 200",
            "anonymous, DELETE, /api/campaigns/{campaign}, 401",
            "jure1, DELETE, /api/campaigns/{campaign}, 405",
            "manager, PUT, /api/campaigns/{campaign}, 405",
            "anonymous, GET, /api/nothing-here, 401",
            "jure1, GET, /api/nothing-here, 403",
            "admin, GET, /api/nothing-here, 403",
            "jure1, GET, /api/campaigns/{campaign}/, 403",
            "admin, POST, /api/campaigns, 400",
            "anonymous, POST, /api/campaigns/{campaign}/cohort, 401",
            "manager, POST, /api/campaigns/{campaign}/cohort, 403",
            "president, POST, /api/campaigns/{campaign}/cohort, 403",
            "coordo, POST, /api/campaigns/{campaign}/cohort, 400",
            "jure1, POST, /api/campaigns/{campaign}/jurors, 403",
            "coordo, POST, /api/campaigns/{campaign}/jurors, 400",
            "jure1, POST, /api/campaigns, 403",
            "manager, POST, /api/campaigns, 403",
            "president, POST, /api/campaigns, 403",
            "coordo, POST, /api/campaigns, 400",
            "coordo, GET, /api/campaigns/{campaign}/progress, 200",
            "manager, GET, /api/campaigns/{campaign}/progress, 200",
            "president, GET, /api/campaigns/{campaign}/progress, 200",
            "jure1, GET, /api/campaigns/{campaign}/progress, 403",
            "manager, GET, /api/campaigns/{campaign}/minutes, 200",
            "jure1, GET, /api/campaigns/{campaign}/minutes, 403",
            "president, GET, /api/campaigns/{campaign}/minutes, 200",
            "coordo, GET, /api/campaigns/{campaign}/minutes, 200",
            "jure1, GET, /api/campaigns/{campaign}/progress.xlsx, 403",
            "president, GET, /api/campaigns/{campaign}/progress.xlsx, 200",
            "president, POST, /api/campaigns/{campaign}/launch, 403",
            "manager, POST, /api/campaigns/{campaign}/launch, 403",
            "jure1, POST, /api/campaigns/{campaign}/launch, 403",
            "jure1, GET, /api/productions/{production}/files, 200",
            "jure3, GET, /api/productions/{production}/files, 403",
            "manager, GET, /api/productions/{production}/files, 403",
            "coordo, GET, /api/productions/{production}/files, 200",
            "president, GET, /api/productions/{production}/files, 200",
            "anonymous, GET, /api/productions/{production}/files, 401",
            "manager, POST, /api/productions/{production}/files, 403",
            "jure1, POST, /api/productions/{production}/files, 403",
            "president, POST, /api/productions/{production}/files, 403",
            "coordo, POST, /api/productions/{production}/files, 409",
            "jure1, GET, /api/productions/{production}/consolidated.xlsx, 403",
            "manager, GET, /api/productions/{production}/consolidated.xlsx, 200",
            "president, GET, /api/productions/{production}/consolidated.xlsx, 200",
            "jure1, GET, /api/grids/{grid1}, 200",
            "jure2, GET, /api/grids/{grid1}, 403",
            "coordo, GET, /api/grids/{grid1}, 200",
            "admin, GET, /api/grids/{grid1}, 200",
            "manager, GET, /api/grids/{grid1}, 403",
            "president, GET, /api/grids/{grid1}, 403",
            "anonymous, POST, /api/grids/{grid1}/evaluation, 401",
            "coordo, POST, /api/grids/{grid1}/evaluation, 403",
            "manager, POST, /api/grids/{grid1}/evaluation, 403",
            "jure2, POST, /api/grids/{grid1}/evaluation, 403",
            "jure1, POST, /api/grids/{grid1}/evaluation, 415",
            "anonymous, GET, /engine-rest/task, 401",
            "jure1, GET, /engine-rest/task/{task2}, 404",
            "jure1, GET, /engine-rest/task/{task1}/form-variables, 200",
            "jure1, GET, /engine-rest/task/{task2}/form-variables, 403",
            "jure1, POST, /engine-rest/task/{task2}/complete, 403",
            "president, GET, /engine-rest/task/{task1}, 404",
            "manager, GET, /engine-rest/task/{task1}, 200",
            "manager, POST, /engine-rest/task/{task1}/complete, 403",
            "manager, PUT, /engine-rest/process-instance/{instance}/suspended, 403",
            "manager, DELETE, /engine-rest/process-instance/{instance}, 403",
            "jure1, POST, /engine-rest/process-definition/key/CampaignProcess/start, 403",
            "manager, POST, /engine-rest/process-definition/key/CampaignProcess/start, 403"})
    void eachRoleMayDoWhatItsRoleAllowsOnly(String user, String method, String path, int expected) {
        String url = path.replace("{campaign}", String.valueOf(campaign.getId()))
                .replace("{production}", String.valueOf(productionId))
                .replace("{grid1}", String.valueOf(grids.findByProductionIdAndJurorUserId(productionId, "jure1").orElseThrow().getId()))
                .replace("{task1}", task("jure1").getId())
                .replace("{task2}", task("jure2").getId())
                .replace("{instance}", instance.getId())
                .replace("/engine-rest/", "/engine-rest/engine/" + engine.getName() + "/");
        HttpHeaders headers = new HttpHeaders();
        if (!user.equals("anonymous")) {
            headers.setBasicAuth(user, user.equals("admin") ? "test-admin-secret" : user + "-secret");
        }
        Object body;
        if (method.equals("POST") && url.startsWith("/api/") && UPLOADS.matcher(url).find()) {
            // An upload that passes the role rules is refused for its content: nothing is imported or stored.
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("document", "production");
            form.add("file", new ByteArrayResource("pas un fichier attendu".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "fichier.csv";
                }
            });
            body = form;
        } else {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = method.equals("PUT") ? "{\"suspended\": true}" : method.equals("POST") ? "{}" : null;
        }
        var response = http.exchange(url, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().value()).as("%s %s %s: %s", user, method, url, response.getBody()).isEqualTo(expected);
    }

    static final Pattern UPLOADS = Pattern.compile("/(cohort|jurors|files|evaluation)$");

    @Test
    void everyApiEndpointHasItsRuleAndEveryRuleItsEndpoint(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/"))
                        .flatMap(pattern -> info.getMethodsCondition().getMethods().stream().map(method -> method + " " + pattern)))
                .collect(Collectors.toSet());
        List<String> rules = ApiSecurity.RULES.stream().map(rule -> rule.method() + " " + rule.path()).toList();

        assertThat(rules).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(endpoints);
    }

    @Test
    void aJurorsTaskListHasTheirOwnEvaluationsOnly() {
        String tasks = "/engine-rest/task?maxResults=100&processInstanceId=" + instance.getId();
        JsonNode own = get("jure1", tasks);
        assertThat(own).extracting(task -> task.get("assignee").asText()).containsExactly("jure1");
        assertThat(get("jure3", tasks)).isEmpty();
        assertThat(get("president", tasks)).isEmpty();
        assertThat(get("manager", tasks)).hasSize(2);
    }

    @Test
    void eachRoleFindsItsFiltersInTasklist() {
        assertThat(get("jure1", "/engine-rest/filter?maxResults=100")).extracting(filter -> filter.get("name").asText())
                .containsExactly("Mes évaluations");
        assertThat(get("president", "/engine-rest/filter?maxResults=100")).extracting(filter -> filter.get("name").asText())
                .containsExactlyInAnyOrder("Harmonisations", "Délibérations");
        assertThat(get("coordo", "/engine-rest/filter?maxResults=100")).extracting(filter -> filter.get("name").asText())
                .containsExactlyInAnyOrder("Dossiers à vérifier", "Soutenances à planifier");
        JsonNode mine = get("jure1", "/engine-rest/filter?maxResults=100");
        String filterId = mine.get(0).get("id").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("jure1", "jure1-secret");
        headers.setContentType(MediaType.APPLICATION_JSON);
        JsonNode listed = http.exchange(engineRest("/engine-rest/filter/" + filterId + "/list?maxResults=100"), HttpMethod.POST,
                new HttpEntity<>("{}", headers), JsonNode.class).getBody();
        assertThat(listed).isNotEmpty().allSatisfy(task -> assertThat(task.get("assignee").asText()).isEqualTo("jure1"));
    }

    @Test
    void anUnpagedQueryOfAnAuthenticatedUserIsRefused() {
        var unpaged = http.withBasicAuth("manager", "manager-secret")
                .getForEntity(engineRest("/engine-rest/process-instance"), JsonNode.class);
        assertThat(unpaged.getStatusCode().value()).isEqualTo(400);
        assertThat(unpaged.getBody().get("message").asText()).isEqualTo("An unbound number of results is forbidden!");
        var tooMany = http.withBasicAuth("manager", "manager-secret")
                .getForEntity(engineRest("/engine-rest/process-instance?firstResult=0&maxResults=5000"), JsonNode.class);
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void onlyAuthorizedUsersOpenTheirApplications() {
        assertThat(login("manager", "cockpit")).isEqualTo(200);
        assertThat(login("jure1", "cockpit")).isEqualTo(403);
        assertThat(login("jure1", "tasklist")).isEqualTo(200);
        assertThat(login("manager", "admin")).isEqualTo(403);
    }

    /** Logs into a Camunda webapp as its login page does, with the CSRF token the webapp hands out. */
    private int login(String user, String app) {
        var page = http.getForEntity("/camunda/app/" + app + "/" + engine.getName() + "/", String.class);
        List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        String token = cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst()
                .map(cookie -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'))).orElse("");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", token);
        headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.stream().map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList()));
        return http.exchange("/camunda/api/admin/auth/user/" + engine.getName() + "/login/" + app, HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=" + user + "-secret", headers), String.class)
                .getStatusCode().value();
    }

    private JsonNode get(String user, String path) {
        var response = http.withBasicAuth(user, user + "-secret").getForEntity(engineRest(path), JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s GET %s: %s", user, path, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    /** The test engines have generated names: the REST paths name theirs. */
    private String engineRest(String path) {
        return path.replace("/engine-rest/", "/engine-rest/engine/" + engine.getName() + "/");
    }

    private Task task(String juror) {
        return evaluations.stream().filter(task -> task.getAssignee().equals(juror)).findFirst().orElseThrow();
    }


}
