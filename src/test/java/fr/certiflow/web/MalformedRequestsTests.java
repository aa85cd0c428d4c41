package fr.certiflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.process.AssessmentFixture;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Malformed requests as a hostile or clumsy client sends them: each gets a 4xx with a French problem that says what
 * is wrong, never a 500, a stack trace or a framework's English message, and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class MalformedRequestsTests {

    static final String CSV = "N° candidat;Nom;Prénom;Courriel\n2027-001;Martin;Léa;lea@example.org\n";

    @Autowired
    TestRestTemplate http;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    CandidateRepository candidates;

    Campaign campaign;

    @BeforeEach
    void setUp() {
        api.users();
        campaign = fixture.campaign(c -> { });
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Stream<Arguments> refusedFileNames() {
        String control = "le nom du fichier contient un caractère non permis (%s) : renommez le fichier";
        String folder = "le nom du fichier « %s » contient un chemin (« / » ou « \\ ») : envoyez le fichier seul";
        return Stream.of(
                Arguments.of("cohorte\u0000.csv", control.formatted("U+0000")),
                Arguments.of("cohorte\t.csv", control.formatted("U+0009")),
                Arguments.of("cohorte\u007F.csv", control.formatted("U+007F")),
                // Shown as "exe.csv" by a right-to-left override.
                Arguments.of("\u202Evsc.exe", control.formatted("U+202E")),
                Arguments.of("../../cohorte.csv", folder.formatted("../../cohorte.csv")),
                Arguments.of("C:\\Users\\coordo\\cohorte.csv", folder.formatted("C:\\Users\\coordo\\cohorte.csv")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedFileNames")
    void aFileNameWithAControlCharacterOrAFolderIsRefusedNamingThePart(String filename, String message) {
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId() + "/cohort", HttpMethod.POST,
                RawMultipart.of("coordo", Map.of(), filename, CSV.getBytes(StandardCharsets.UTF_8)), JsonNode.class);

        assertProblem(response, 400, "Demande invalide", "1 problème(s) dans la demande.");
        assertThat(response.getBody().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("file");
            assertThat(error.get("message").asText()).isEqualTo(message);
        });
        assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
    }

    @Test
    void aFileNameOfAThousandCharactersIsRefused() {
        String filename = "c".repeat(996) + ".csv";
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId() + "/jurors", HttpMethod.POST,
                RawMultipart.of("coordo", Map.of(), filename, CSV.getBytes(StandardCharsets.UTF_8)), JsonNode.class);

        assertProblem(response, 400, "Demande invalide", "1 problème(s) dans la demande.");
        assertThat(response.getBody().at("/errors/0/message").asText())
                .isEqualTo("nom de fichier trop long (1000 caractères, 255 au plus) : renommez le fichier");
        assertThat(response.getBody().toString()).doesNotContain("cccccccccc");
    }

    @Test
    void aFileNameOfAccentedLettersIsAccepted() {
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId() + "/cohort", HttpMethod.POST,
                RawMultipart.of("coordo", Map.of(), "cohorte d'été – promo 2027.csv", CSV.getBytes(StandardCharsets.UTF_8)),
                JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(candidates.countByCampaignId(campaign.getId())).isOne();
    }

    @Test
    void anImportWithoutItsFilePartIsA400NamingThePart() {
        HttpEntity<byte[]> noFile = RawMultipart.garbled("coordo", "--" + RawMultipart.BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"fichier\"\r\n\r\ncohorte\r\n--" + RawMultipart.BOUNDARY + "--\r\n");
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId() + "/cohort", HttpMethod.POST,
                noFile, JsonNode.class);

        assertProblem(response, 400, "Demande invalide", "Partie « file » absente du formulaire multipart/form-data.");
        assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
    }

    @Test
    void aMalformedMultipartBodyIsA400() {
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId() + "/cohort", HttpMethod.POST,
                RawMultipart.garbled("coordo", "--" + RawMultipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"cohorte.csv\"\r\n\r\n" + CSV), JsonNode.class);

        assertProblem(response, 400, "Demande invalide", "Contenu multipart/form-data illisible : envoyez le fichier dans un "
                + "formulaire multipart/form-data bien formé.");
        assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
    }

    @Test
    void anImportThatIsNotMultipartIsA415() {
        HttpHeaders headers = RawMultipart.basic("coordo");
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId() + "/cohort", HttpMethod.POST,
                new HttpEntity<>(CSV, headers), JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Type de contenu non pris en charge");
        assertThat(response.getBody().get("detail").asText()).startsWith("Type de contenu « text/plain")
                .endsWith(" » non pris en charge ; attendu : multipart/form-data.");
        assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
    }

    @Test
    void aFileOverTheMultipartLimitIsA413() {
        byte[] content = new byte[50 * 1024 * 1024 + 1024];
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId() + "/cohort", HttpMethod.POST,
                RawMultipart.of("coordo", Map.of(), "cohorte.csv", content), JsonNode.class);

        assertProblem(response, 413, "Contenu trop volumineux",
                "Le contenu envoyé dépasse les tailles acceptées : 50 Mo par fichier, 60 Mo par envoi, 4 Ko d'en-têtes par "
                        + "partie (nom du fichier compris).");
        assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{ | Corps de la demande illisible : JSON mal formé.",
            "[] | Corps de la demande illisible : un objet JSON est attendu.",
            "{\"opensAt\": \"31/02/2025\"} | Champ « opensAt » : date « 31/02/2025 » invalide ; attendu : une date ISO 8601 existante, par exemple 2027-01-04T08:00:00Z.",
            "{\"opensAt\": \"2027-02-31T08:00:00Z\"} | Champ « opensAt » : date « 2027-02-31T08:00:00Z » invalide ; attendu : une date ISO 8601 existante, par exemple 2027-01-04T08:00:00Z.",
            "{\"submissionDeadlines\": {\"A.1\": \"demain\"}} | Champ « submissionDeadlines.A.1 » : date « demain » invalide ; attendu : une date ISO 8601 existante, par exemple 2027-01-04T08:00:00Z.",
            "{\"jurorsPerProduction\": \"deux\"} | Champ « jurorsPerProduction » : valeur « deux » invalide ou de type inattendu."})
    void malformedJsonIsA400SayingWhereAndCreatesNothing(String json, String detail) {
        long before = campaigns.count();
        HttpHeaders headers = RawMultipart.basic("coordo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns", HttpMethod.POST, new HttpEntity<>(json, headers),
                JsonNode.class);

        assertProblem(response, 400, "Demande invalide", detail);
        assertThat(campaigns.count()).isEqualTo(before);
    }

    @Test
    void aCampaignInAnotherMediaTypeIsA415() {
        HttpHeaders headers = RawMultipart.basic("coordo");
        headers.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns", HttpMethod.POST,
                new HttpEntity<>("<campagne/>", headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(response.getBody().get("detail").asText())
                .startsWith("Type de contenu « application/xml").contains(" » non pris en charge ; attendu : ")
                .contains("application/json");
    }

    @Test
    void aWrongMethodIsA405ListingThePermittedOnes() {
        ResponseEntity<JsonNode> response = http.exchange("/api/campaigns/" + campaign.getId(), HttpMethod.DELETE,
                new HttpEntity<>(RawMultipart.basic("coordo")), JsonNode.class);
        assertProblem(response, 405, "Méthode non permise", "La méthode DELETE n'est pas permise à cette adresse ; méthodes permises : GET.");
        assertThat(response.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(campaigns.findById(campaign.getId())).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/productions/1e3/files", "/api/grids/-/evaluation", "/api/productions/99999999999999999999/files"})
    void anIdThatIsNotANumberIsA400(String path) {
        HttpMethod method = path.endsWith("/evaluation") ? HttpMethod.POST : HttpMethod.GET;
        HttpEntity<byte[]> request = method == HttpMethod.POST
                ? RawMultipart.of("admin", Map.of(), "grille.xlsx", new byte[] {1})
                : new HttpEntity<>(RawMultipart.basic("admin"));
        ResponseEntity<JsonNode> response = http.exchange(path, method, request, JsonNode.class);
        String id = path.split("/")[3];
        assertProblem(response, 400, "Demande invalide", "Identifiant « " + id + " » invalide (« id ») : un nombre entier est attendu.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/campaigns/DEMO-2027/progress", "/api/campaigns/12abc", "/api/campaigns/99999999999999999999/minutes",
            "/api/campaigns/NULLE-PART/productions"})
    void aCampaignIsNamedByItsNumberOrItsCodeAndAnUnknownOneIsA404(String path) {
        ResponseEntity<JsonNode> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(RawMultipart.basic("admin")),
                JsonNode.class);
        assertProblem(response, 404, "Introuvable", "Aucune campagne de code « " + path.split("/")[3] + " ».");
        ResponseEntity<JsonNode> byCode = http.exchange("/api/campaigns/" + campaign.getCode() + "/progress", HttpMethod.GET,
                new HttpEntity<>(RawMultipart.basic("admin")), JsonNode.class);
        assertThat(byCode.getStatusCode().value()).isEqualTo(200);
        assertThat(byCode.getBody().get("code").asText()).isEqualTo(campaign.getCode());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET | /api/campaigns/999999 | Aucune campagne n° 999999. | Introuvable",
            "GET | /api/campaigns/999999/progress | Aucune campagne n° 999999. | Introuvable",
            "GET | /api/campaigns/999999/progress.xlsx | Aucune campagne n° 999999. | Introuvable",
            "GET | /api/campaigns/999999/minutes | Aucune campagne n° 999999. | Introuvable",
            "POST | /api/campaigns/999999/launch | Aucune campagne n° 999999. | Introuvable",
            "POST | /api/campaigns/999999/cohort | Aucune campagne n° 999999. | Introuvable",
            "POST | /api/campaigns/999999/jurors | Aucune campagne n° 999999. | Introuvable",
            "GET | /api/productions/999999/files | Aucune production n° 999999. | Introuvable",
            "GET | /api/productions/999999/files/1 | Aucune production n° 999999. | Introuvable",
            "POST | /api/productions/999999/files | Aucune production n° 999999. | Dépôt refusé",
            "GET | /api/productions/999999/consolidated.xlsx | Aucune production n° 999999. | Introuvable",
            "GET | /api/grids/999999 | Aucune grille n° 999999. | Introuvable",
            "POST | /api/grids/999999/evaluation | Aucune grille n° 999999. | Introuvable",
            "GET | /api/referentials/INCONNU | Aucun référentiel de code « INCONNU ». | Introuvable",
            "GET | /api/referentials/MMDC/versions/99 | Aucun référentiel de code « MMDC » en version 99. | Introuvable"})
    void anUnknownIdIsA404(String method, String path, String detail, String title) {
        HttpEntity<?> request = path.endsWith("/cohort") || path.endsWith("/jurors") || path.endsWith("/evaluation") || method.equals("POST") && path.endsWith("/files")
                ? RawMultipart.of("admin", path.endsWith("/files") ? Map.of("document", "production") : Map.of(), "fichier.csv",
                        CSV.getBytes(StandardCharsets.UTF_8))
                : new HttpEntity<>(RawMultipart.basic("admin"));
        ResponseEntity<JsonNode> response = http.exchange(path, HttpMethod.valueOf(method), request, JsonNode.class);
        assertProblem(response, 404, title, detail);
    }

    /** A French problem and nothing else: no trace, no exception, no framework wording. */
    static void assertProblem(ResponseEntity<JsonNode> response, int status, String title, String detail) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        JsonNode body = response.getBody();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isEqualTo(title);
        assertThat(body.get("detail").asText()).isEqualTo(detail);
        assertThat(body.fieldNames()).toIterable().isSubsetOf("type", "title", "status", "detail", "instance", "errors");
    }
}
