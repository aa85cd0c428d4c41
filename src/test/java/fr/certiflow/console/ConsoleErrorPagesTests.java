package fr.certiflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.progress.ProductionListing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Errors as the console's users meet them: an unexpected failure (500), the database out of reach (503) and an address
 * that leads nowhere under /certiflow/ (404) each give a French page in the console's layout, with a way back and no
 * stack trace nor Spring's « Whitelabel » page; the API answers the same failures with its French problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class ConsoleErrorPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @MockitoSpyBean
    ProductionListing listing;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        api.users();
        campaign = fixture.campaign(c -> { });
    }

    @AfterEach
    void unbreak() {
        reset(listing);
    }

    ConsoleSession coordinator() throws Exception {
        ConsoleSession session = new ConsoleSession(port, engine.getName());
        session.consoleLogin("coordo", "coordo-secret");
        return session;
    }

    @Test
    void anUnexpectedFailureIsAFrenchPageInTheConsoleAndAFrenchProblemInTheApi() throws Exception {
        doThrow(new IllegalStateException("secret internals: NullPointer in FooBar"))
                .when(listing).countsByComponentAndStatus(eq(campaign.getId()));
        ConsoleSession.Page page = coordinator().get("/certiflow/campagnes/" + campaign.getCode() + "/avancement");
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.body()).contains("<html lang=\"fr\"", "Erreur interne", "Retour aux campagnes", "Certiflow — console",
                "coordo (coordination)").doesNotContain("secret internals", "Whitelabel", "Exception", "at fr.certiflow");

        doThrow(new IllegalStateException("secret internals")).when(listing).list(eq(campaign.getCode()), any());
        HttpResponse<String> problem = apiGet("/api/campaigns/" + campaign.getCode() + "/productions");
        assertThat(problem.statusCode()).isEqualTo(500);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem.body()).contains("\"title\":\"Erreur interne\"", "la demande n'a pas abouti").doesNotContain("secret");
    }

    @Test
    void theDatabaseOutOfReachIsA503PageAndA503Problem() throws Exception {
        doThrow(new CannotGetJdbcConnectionException("Connection refused: localhost:5432"))
                .when(listing).countsByComponentAndStatus(eq(campaign.getId()));
        ConsoleSession.Page page = coordinator().get("/certiflow/campagnes/" + campaign.getCode() + "/avancement");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("Service momentanément indisponible", "Réessayez dans quelques minutes",
                "Retour aux campagnes").doesNotContain("5432", "Connection refused", "Whitelabel");

        doThrow(new CannotGetJdbcConnectionException("Connection refused: localhost:5432"))
                .when(listing).list(eq(campaign.getCode()), any());
        HttpResponse<String> problem = apiGet("/api/campaigns/" + campaign.getCode() + "/productions");
        assertThat(problem.statusCode()).isEqualTo(503);
        assertThat(problem.body()).contains("\"title\":\"Service indisponible\"", "Réessayez").doesNotContain("5432");
    }

    @Test
    void anAddressThatLeadsNowhereIsAFrench404Page() throws Exception {
        ConsoleSession coordo = coordinator();
        for (String path : new String[] {"/certiflow/nulle-part", "/certiflow/campagnes/" + campaign.getCode() + "/inconnue",
                "/certiflow/campagnes/PAS-DE-CAMPAGNE", "/certiflow/productions/999999999"}) {
            ConsoleSession.Page page = coordo.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("<html lang=\"fr\"", "Introuvable", "Retour aux campagnes")
                    .doesNotContain("Whitelabel", "\"status\"", "Exception");
        }
        // Not a number where an id is expected: a French 400 page, not a failure.
        ConsoleSession.Page notANumber = coordo.get("/certiflow/productions/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("Demande invalide", "Retour aux campagnes").doesNotContain("Whitelabel");
        // The API's 404 stays a problem.
        HttpResponse<String> problem = apiGet("/api/campaigns/PAS-DE-CAMPAGNE/productions");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.body()).contains("\"title\":\"Introuvable\"");
    }

    private HttpResponse<String> apiGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coordo:coordo-secret"
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
