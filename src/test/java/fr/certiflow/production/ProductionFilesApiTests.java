package fr.certiflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.grid.GridRepository;
import fr.certiflow.identity.Groups;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.web.RawMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** The production files over HTTP: handed in by coordinators, read by the production's jurors only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class ProductionFilesApiTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    GridRepository grids;
    @Autowired
    fr.certiflow.campaign.SmallCampaignLaunch api;
    @Autowired
    ProductionFileRepository files;

    Campaign campaign;
    ProcessInstance instance;
    Long productionId;

    @BeforeEach
    void setUp() {
        api.user("coordo", Groups.COORDINATORS);
        campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        Candidate candidate = fixture.candidate(campaign, "2027-300");
        instance = fixture.startProduction(campaign, candidate, "A.4");
        productionId = fixture.productionId(instance);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCoordinatorHandsInAFileWhichOnlyTheAssignedJurorsRead() {
        ResponseEntity<JsonNode> anonymous = upload(null, "production", "plan.txt", AssessmentFixture.FRENCH);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> byJuror = upload("jure1", "production", "plan.txt", AssessmentFixture.FRENCH);
        assertThat(byJuror.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> created = upload("coordo", "production", "plan.txt", AssessmentFixture.FRENCH);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("submissionComplete").asBoolean()).isTrue();
        assertThat(created.getBody().get("contentType").asText()).isEqualTo("text/plain");
        fixture.runJobs();
        fixture.admissible(instance);

        JsonNode files = get("jure1", "/api/productions/" + productionId + "/files", JsonNode.class).getBody();
        String href = files.get(0).get("href").asText();
        ResponseEntity<byte[]> download = get("jure1", href, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(download.getBody(), StandardCharsets.UTF_8)).isEqualTo(AssessmentFixture.FRENCH);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("plan.txt");

        // jure3 is in the pool but not on this jury (A.4 needs two jurors: jure1 and jure2).
        assertThat(get("jure3", href, byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(null, href, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("jure1", "/api/productions/" + productionId + "/files/999999", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFileThatIsNotWhatItsNameClaimsIsRefusedWithAClearMessage() {
        ResponseEntity<JsonNode> refused = upload("coordo", "production", "plan.pdf", "pas un pdf");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refused.getBody().get("detail").asText()).contains("« plan.pdf » n'est pas ce que son nom annonce");
        ResponseEntity<JsonNode> unknown = upload("coordo", "annexe", "plan.txt", AssessmentFixture.FRENCH);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("detail").asText()).contains("Document « annexe » inconnu pour la composante A.4");
    }

    @Test
    void aFileNameWithANulCharacterOrOfAThousandCharactersIsRefusedAndNothingIsStored() {
        for (String filename : List.of("plan\u0000.txt", "p".repeat(996) + ".txt")) {
            ResponseEntity<JsonNode> refused = http.exchange("/api/productions/" + productionId + "/files", HttpMethod.POST,
                    RawMultipart.of("coordo", Map.of("document", "production"), filename,
                            AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8)), JsonNode.class);
            assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("file");
        }
        Production production = fixture.productions.findById(productionId).orElseThrow();
        assertThat(files.findBySubmissionIdOrderById(production.getSubmissionId())).isEmpty();
        assertThat(production.getStatus()).isEqualTo(ProductionStatus.AWAITING_SUBMISSION);
    }

    @Test
    void aJurorDownloadsTheirOwnGridOnly() throws Exception {
        upload("coordo", "production", "plan.txt", AssessmentFixture.FRENCH);
        fixture.runJobs();
        fixture.admissible(instance);
        var grid = grids.findByProductionIdAndJurorUserId(productionId, "jure1").orElseThrow();

        ResponseEntity<byte[]> own = get("jure1", "/api/grids/" + grid.getId(), byte[].class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(own.getBody()))) {
            var sheet = workbook.getSheet("Grille");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Grille d'évaluation");
            assertThat(sheet.getProtect()).isTrue();
            // Written production: the grid shows the candidate number, never the name.
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("n° 2027-300");
        }
        assertThat(get("jure2", "/api/grids/" + grid.getId(), byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> upload(String user, String document, String filename, String content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("document", document);
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = headers(user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/productions/" + productionId + "/files", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), type);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user + "-secret");
        }
        return headers;
    }

}
