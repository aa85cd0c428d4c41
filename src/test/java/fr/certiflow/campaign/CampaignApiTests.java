package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The campaign API as a coordinator and a manager use it: status codes, error bodies, a small launch end to end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class CampaignApiTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    SmallCampaignLaunch launch;
    @Autowired
    CandidateRepository candidates;

    @Autowired
    CampaignRepository campaigns;

    @BeforeEach
    void users() {
        launch.users();
        SmallCampaignLaunch.today();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSmallCampaignIsCreatedImportedLaunchedOnceAndFollowed() {
        launch.run(http);
    }

    @Test
    void theCampaignCodeNamesTheCampaignWhereverItsNumberDoesAndItsProductionsArePagedAndFiltered() {
        String code = launch.run(http);
        long id = campaigns.findByCode(code).orElseThrow().getId();
        TestRestTemplate manager = http.withBasicAuth("manager", "manager-secret");
        assertThat(manager.getForEntity("/api/campaigns/" + code + "/progress", JsonNode.class).getBody()
                .at("/productions/total").asInt()).isEqualTo(13);
        assertThat(manager.getForEntity("/api/campaigns/" + code, JsonNode.class).getBody().get("id").asLong()).isEqualTo(id);
        assertThat(manager.getForEntity("/api/campaigns/" + code + "/progress.xlsx", byte[].class).getStatusCode().value())
                .isEqualTo(200);

        JsonNode first = manager.getForEntity("/api/campaigns/" + code + "/productions?size=5", JsonNode.class).getBody();
        assertThat(first.get("total").asInt()).isEqualTo(13);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("items")).extracting(item -> item.at("/candidate/number").asText() + " " + item.get("component").asText())
                .containsExactly("2027-001 A.1", "2027-001 A.2", "2027-001 A.3", "2027-001 A.4", "2027-001 A.5");
        JsonNode last = manager.getForEntity("/api/campaigns/" + id + "/productions?size=5&page=2", JsonNode.class).getBody();
        assertThat(last.get("items")).extracting(item -> item.at("/candidate/number").asText() + " " + item.get("component").asText())
                .containsExactly("2027-003 A.3", "2027-003 A.4", "2027-003 A.5");
        JsonNode a4 = manager.getForEntity("/api/campaigns/" + code + "/productions?component=A.4&candidate=bern",
                JsonNode.class).getBody();
        assertThat(a4.get("items")).singleElement().satisfies(item -> {
            assertThat(item.at("/candidate/lastName").asText()).isEqualTo("Bernard");
            assertThat(item.get("status").asText()).isEqualTo("AWAITING_SUBMISSION");
            assertThat(item.get("deadline").asText()).isEqualTo("2027-03-01T17:00:00Z");
            assertThat(item.get("files")).isEmpty();
            assertThat(item.get("openTasks")).isEmpty();
        });
        assertThat(manager.getForEntity("/api/campaigns/" + code + "/productions?status=SUBMITTED", JsonNode.class)
                .getBody().get("total").asInt()).isZero();

        var invalid = manager.getForEntity("/api/campaigns/" + code + "/productions?status=PERDU&size=500&component=A.9",
                JsonNode.class);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("errors")).extracting(error -> error.get("field").asText()).containsExactlyInAnyOrder(
                "status", "size", "component");
        assertThat(invalid.getBody().toString()).contains("état inconnu", "entre 1 et 200 productions par page");

        var unknown = manager.getForEntity("/api/campaigns/NULLE-PART/progress", JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("detail").asText()).isEqualTo("Aucune campagne de code « NULLE-PART ».");
        assertThat(http.withBasicAuth("jure9", "jure9-secret").getForEntity("/api/campaigns/" + code + "/productions",
                JsonNode.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anInvalidCampaignIsA400ListingEveryProblem() {
        Map<String, Object> body = new LinkedHashMap<>(SmallCampaignLaunch.campaign("bad code!"));
        body.put("blocs", List.of("BC1", "BC7"));
        body.put("jurorsPerProduction", 9);
        body.put("submissionDeadlines", Map.of("A.1", "2027-03-01T17:00:00Z", "A.4", "2027-03-01T17:00:00Z"));
        var response = http.withBasicAuth("coordo", "coordo-secret").postForEntity("/api/campaigns", body, JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors")).extracting(error -> error.get("field").asText() + " : " + error.get("message").asText())
                .containsExactlyInAnyOrder(
                        "code : obligatoire : lettres, chiffres, « - » ou « _ », 64 caractères au plus",
                        "blocs : bloc « BC7 » inconnu du référentiel",
                        "submissionDeadlines.A.2 : date limite de remise obligatoire",
                        "submissionDeadlines.A.4 : composante non évaluée par cette campagne",
                        "jurorsPerProduction : fixé par le Règlement de certification MMDC v1, révision 2 : ne se choisit pas par campagne",
                        // BC2 is not assessed: its A.3 cannot be allowed as individual work.
                        "individualWorkAllowed : « A.3 » n'est pas une composante évaluée en travail collectif dans les "
                                + "blocs de la campagne (composantes collectives : A.1)");
    }

    @Test
    void aCampaignWhoseDatesAreOutOfOrderIsRefusedFieldByFieldAndNotCreated() {
        String code = "ORDRE-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new LinkedHashMap<>(SmallCampaignLaunch.campaign(code));
        Map<String, String> deadlines = new LinkedHashMap<>();
        for (String component : List.of("A.1", "A.2", "A.4", "A.5")) {
            deadlines.put(component, "2027-03-01T17:00:00Z");
        }
        deadlines.put("A.3", "2027-05-03T16:00:00Z");
        body.put("submissionDeadlines", deadlines);
        body.put("evaluationDeadline", "2027-04-01T17:00:00Z");
        body.put("deliberationDate", "2027-03-15T08:00:00Z");

        assertThat(refused(body)).containsExactlyInAnyOrder(
                "evaluationDeadline : doit suivre la dernière date limite de remise (03/05/2027 18:00)",
                "deliberationDate : doit suivre la date limite d'évaluation (01/04/2027 19:00)");
        assertThat(campaigns.findByCode(code)).isEmpty();
    }

    @Test
    void aCampaignWithDatesInThePastIsRefusedFieldByFieldAndNotCreated() {
        // Today is 30/11/2026, 10:00 in Paris.
        String code = "PASSE-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new LinkedHashMap<>(SmallCampaignLaunch.campaign(code));
        body.put("opensAt", "2026-11-29T22:59:59Z");
        Map<String, String> deadlines = new LinkedHashMap<>();
        for (String component : List.of("A.1", "A.2", "A.3", "A.4", "A.5")) {
            deadlines.put(component, "2026-11-30T08:00:00Z");
        }
        body.put("submissionDeadlines", deadlines);
        body.put("evaluationDeadline", "2026-11-30T08:30:00Z");
        body.put("deliberationDate", "2026-11-30T08:45:00Z");

        assertThat(refused(body)).containsExactlyInAnyOrder(
                "opensAt : ne peut pas précéder aujourd'hui (30/11/2026)",
                "submissionDeadlines.A.1 : doit être dans le futur (30/11/2026 09:00)",
                "submissionDeadlines.A.2 : doit être dans le futur (30/11/2026 09:00)",
                "submissionDeadlines.A.3 : doit être dans le futur (30/11/2026 09:00)",
                "submissionDeadlines.A.4 : doit être dans le futur (30/11/2026 09:00)",
                "submissionDeadlines.A.5 : doit être dans le futur (30/11/2026 09:00)",
                "evaluationDeadline : doit être dans le futur (30/11/2026 09:30)",
                "deliberationDate : doit être dans le futur (30/11/2026 09:45)");
        assertThat(campaigns.findByCode(code)).isEmpty();
    }

    @Test
    void aCampaignOpensAtTheEarliestAtMidnightTodayInParisWithItsCalendarInOrder() {
        String code = "MINUIT-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new LinkedHashMap<>(SmallCampaignLaunch.campaign(code));
        body.put("opensAt", "2026-11-29T23:00:00Z");
        body.put("deliberationDate", "2027-04-02T07:00:00Z");

        var response = http.withBasicAuth("coordo", "coordo-secret").postForEntity("/api/campaigns", body, JsonNode.class);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        assertThat(campaigns.findByCode(code)).get().satisfies(campaign -> {
            assertThat(campaign.getOpensAt()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
            assertThat(campaign.getDeliberationDate()).isEqualTo(Instant.parse("2027-04-02T07:00:00Z"));
        });
    }

    /** Posts the campaign as a coordinator, expects a 400 and returns its errors as "field : message". */
    private List<String> refused(Map<String, Object> body) {
        var response = http.withBasicAuth("coordo", "coordo-secret").postForEntity("/api/campaigns", body, JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        response.getBody().get("errors").forEach(error -> errors.add(error.get("field").asText() + " : " + error.get("message").asText()));
        return errors;
    }

    @Test
    void rolesNotFoundAndDuplicates() {
        Map<String, Object> body = SmallCampaignLaunch.campaign("DUP-" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(http.postForEntity("/api/campaigns", body, JsonNode.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("jure9", "jure9-secret").postForEntity("/api/campaigns", body, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("manager", "manager-secret").postForEntity("/api/campaigns", body, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("coordo", "coordo-secret").postForEntity("/api/campaigns", body, JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
        var duplicate = http.withBasicAuth("coordo", "coordo-secret").postForEntity("/api/campaigns", body, JsonNode.class);
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThat(duplicate.getBody().get("detail").asText()).contains("existe déjà");
        var missing = http.withBasicAuth("manager", "manager-secret").getForEntity("/api/campaigns/999999", JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody().get("detail").asText()).isEqualTo("Aucune campagne n° 999999.");
    }

    @Test
    void aCohortFileOverTheImportLimitIsA413NamingFileAndLimitAndImportsNothing() {
        TestRestTemplate coordo = http.withBasicAuth("coordo", "coordo-secret");
        long id = coordo.postForEntity("/api/campaigns", SmallCampaignLaunch.campaign("BIG-" + UUID.randomUUID().toString().substring(0, 6)),
                JsonNode.class).getBody().get("id").asLong();
        // Fewer rows than the row limit, one byte more than the default size limit of 10 MB (the multipart limit,
        // 50 MB, lets it through)
        StringBuilder csv = new StringBuilder("N° candidat;Nom;Prénom;Courriel\n");
        String name = "N".repeat(600);
        for (int i = 0; csv.length() <= 10 * 1024 * 1024; i++) {
            csv.append(String.format("C%06d;%s;Prénom;c%d@example.org%n", i, name, i));
        }
        byte[] content = java.util.Arrays.copyOf(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 10 * 1024 * 1024 + 1);

        var response = SmallCampaignLaunch.upload(coordo, id, "cohort", "cohorte.csv", content);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody().get("detail").asText())
                .isEqualTo("Le fichier « cohorte.csv » dépasse la taille maximale d'un import (10 Mo) : rien n'a été importé.");
        assertThat(response.getBody().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("file").asText()).isEqualTo("cohorte.csv");
            assertThat(error.get("message").asText()).isEqualTo("le fichier dépasse la taille maximale d'un import (10 Mo)");
        });
        assertThat(candidates.countByCampaignId(id)).isZero();
    }

    @Test
    void theTemplatesAreWorkbooksWithFrenchHeaders() throws Exception {
        var template = http.withBasicAuth("coordo", "coordo-secret").getForEntity("/api/campaigns/templates/cohort.xlsx", byte[].class);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template.getBody()))) {
            var header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("N° candidat");
            assertThat(header.getCell(10).getStringCellValue()).isEqualTo("Blocs acquis");
            assertThat(workbook.getSheet("Mode d'emploi").getRow(6).getCell(1).getStringCellValue()).isEqualTo("lea.martin@exemple.invalid");
        }
    }
}
