package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.identity.Groups;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.ProcessKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A coordinator's campaign over HTTP: created, its cohort (with an error first, then fixed) and jury imported,
 * launched once, and every production then waits for its submission; the progress report says so. Run on H2 and
 * on PostgreSQL.
 */
@Component
public class SmallCampaignLaunch {

    private final AssessmentFixture fixture;
    private final RuntimeService runtime;
    private final IdentityService identity;

    SmallCampaignLaunch(AssessmentFixture fixture, RuntimeService runtime, IdentityService identity) {
        this.fixture = fixture;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** The users the API is called as; each has its id + "-secret" as password. */
    public void users() {
        user("coordo", Groups.COORDINATORS);
        user("manager", Groups.MANAGERS);
        user("jure9", Groups.JURORS);
    }

    /** A user of the given group whose password is its id + "-secret", whatever existed before. */
    public void user(String id, String group) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        user.setPassword(id + "-secret");
        identity.saveUser(user);
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    /**
     * Campaigns may not be created with past dates: the API tests create theirs on this day, five weeks before
     * {@link #campaign}'s opening, whatever the day they run.
     */
    public static final Instant TODAY = Instant.parse("2026-11-30T09:00:00Z");

    /** Moves the engine's clock, which Certiflow's follows, to {@link #TODAY}; tests reset it with ClockUtil.reset(). */
    public static void today() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
    }

    /** A valid campaign of the seed's référentiel, opening after {@link #TODAY}. */
    public static Map<String, Object> campaign(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Session de printemps");
        body.put("referentialCode", "MMDC");
        body.put("opensAt", "2027-01-04T08:00:00Z");
        Map<String, String> deadlines = new LinkedHashMap<>();
        for (String component : new String[] {"A.1", "A.2", "A.3", "A.4", "A.5"}) {
            deadlines.put(component, "2027-03-01T17:00:00Z");
        }
        body.put("submissionDeadlines", deadlines);
        body.put("evaluationDeadline", "2027-04-01T17:00:00Z");
        // Its cohort has no groups: the collective composantes may be passed alone.
        body.put("individualWorkAllowed", List.of("A.1", "A.3"));
        return body;
    }

    /** Runs the small campaign to its launch; returns its code. */
    public String run(TestRestTemplate anonymous) {
        today();
        users();
        TestRestTemplate coordo = anonymous.withBasicAuth("coordo", "coordo-secret");
        String code = "CAMP-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> created = coordo.postForEntity("/api/campaigns", campaign(code), JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/campaigns/" + id);
        assertThat(created.getBody().get("blocs")).hasSize(3);
        assertThat(created.getBody().get("jurorsPerProduction").asInt()).isEqualTo(2);

        assertThat(coordo.postForEntity("/api/campaigns/" + id + "/launch", null, JsonNode.class).getStatusCode().value())
                .as("an empty campaign cannot be launched").isEqualTo(409);

        String header = "N° candidat;Nom;Prénom;Courriel;Groupe;Blocs acquis\n";
        ResponseEntity<JsonNode> refused = upload(coordo, id, "cohort", "cohorte.csv", header
                + "2027-001;Martin;Léa;lea@example.org;G1;\n2027-002;Bernard;Hugo;hugo@example;G1;\n"
                + "2027-003;Petit;Manon;manon@example.org;;BC1 (2025-06-30)\n");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("row").asInt()).isEqualTo(3);
            assertThat(error.get("column").asText()).isEqualTo("Courriel");
            assertThat(error.get("text").asText()).isEqualTo("cohorte.csv, ligne 3, colonne « Courriel » : adresse « hugo@example » invalide");
        });
        ResponseEntity<JsonNode> imported = upload(coordo, id, "cohort", "cohorte.csv", header
                + "2027-001;Martin;Léa;lea@example.org;G1;\n2027-002;Bernard;Hugo;hugo@example.org;G1;\n"
                + "2027-003;Petit;Manon;manon@example.org;;BC1 (2025-06-30)\n");
        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(3);
        ResponseEntity<JsonNode> jury = upload(coordo, id, "jurors", "jury.csv",
                "Identifiant;Nom;Professionnel extérieur;Qualifié en anglais\njure1;Julien Juré;oui;non\n"
                        + "jure2;Jeanne Jurée;non;non\njure3;Jessica Jurée;oui;oui\n");
        assertThat(jury.getStatusCode().value()).isEqualTo(200);
        assertThat(jury.getBody().get("created").asInt()).isEqualTo(3);

        ResponseEntity<JsonNode> launched = coordo.postForEntity("/api/campaigns/" + id + "/launch", null, JsonNode.class);
        assertThat(launched.getStatusCode().value()).isEqualTo(202);
        ResponseEntity<JsonNode> again = coordo.postForEntity("/api/campaigns/" + id + "/launch", null, JsonNode.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asText()).isEqualTo("La campagne " + code + " est déjà lancée.");

        fixture.runJobs();
        // 3 candidates × 5 composantes, less bloc 1 (A.1, A.2) for 2027-003: 13 productions waiting for their files.
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                .variableValueEquals("campaignId", id).count()).isEqualTo(13);
        assertThat(runtime.createExecutionQuery().activityId("Task_AwaitSubmission")
                .processVariableValueEquals("campaignId", id).count()).isEqualTo(13);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT)
                .variableValueEquals("campaignId", id).list()).extracting(instance -> instance.getBusinessKey())
                .contains(code + "/2027-001/BC1").doesNotContain(code + "/2027-003/BC1").hasSize(8);

        JsonNode progress = anonymous.withBasicAuth("manager", "manager-secret")
                .getForEntity("/api/campaigns/" + id + "/progress", JsonNode.class).getBody();
        assertThat(progress.at("/productions/total").asInt()).isEqualTo(13);
        assertThat(progress.at("/productions/byStatus/AWAITING_SUBMISSION").asInt()).isEqualTo(13);
        assertThat(progress.at("/blocs/ACQUIS_ANTERIEUREMENT").asInt()).isEqualTo(1);
        assertThat(progress.at("/blocs/EN_COURS").asInt()).isEqualTo(8);
        assertThat(progress.get("candidates")).hasSize(3);
        assertThat(progress.at("/candidates/2/blocs/BC1").asText()).isEqualTo("ACQUIS_ANTERIEUREMENT");
        return code;
    }

    private static ResponseEntity<JsonNode> upload(TestRestTemplate http, long id, String what, String filename, String content) {
        return upload(http, id, what, filename, content.getBytes(StandardCharsets.UTF_8));
    }

    static ResponseEntity<JsonNode> upload(TestRestTemplate http, long id, String what, String filename, byte[] content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/campaigns/" + id + "/" + what, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
