package fr.certiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.SmallCampaignLaunch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API's defences against forged requests (the webapps' session needs Camunda's CSRF token; a browser's request
 * from another origin is refused whatever its credentials), its statelessness and its security headers, tried as a
 * browser logged into Tasklist and as a script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class ApiSecurityTests {

    static final String FOREIGN = "https://attaquant.example";

    @Autowired
    TestRestTemplate http;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    String code;

    @BeforeEach
    void setUp() {
        api.users();
        SmallCampaignLaunch.today();
        code = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theWebappsSessionCreatesACampaignOnlyWithItsCsrfToken() {
        Session coordo = login("coordo");

        ResponseEntity<JsonNode> withoutToken = createCampaign(coordo.headers(null));
        assertThat(withoutToken.getStatusCode().value()).isEqualTo(403);
        assertThat(withoutToken.getBody().get("detail").asText())
                .isEqualTo("Demande refusée : jeton CSRF absent ou invalide (en-tête X-XSRF-TOKEN de la session Camunda).");
        ResponseEntity<JsonNode> wrongToken = createCampaign(coordo.headers(coordo.token() + "x"));
        assertThat(wrongToken.getStatusCode().value()).isEqualTo(403);
        assertThat(campaigns.findByCode(code)).isEmpty();

        ResponseEntity<JsonNode> created = createCampaign(coordo.headers(coordo.token()));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(campaigns.findByCode(code)).isPresent();
    }

    @Test
    void theWebappsSessionReadsWithoutTokenWithinItsRole() {
        Session coordo = login("coordo");
        ResponseEntity<JsonNode> list = http.exchange("/api/campaigns", HttpMethod.GET, new HttpEntity<>(coordo.headers(null)),
                JsonNode.class);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        // The API never creates a session, and leaves the webapps' one as it is.
        assertThat(list.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();

        Session juror = login("jure9");
        ResponseEntity<JsonNode> refused = http.exchange("/api/campaigns", HttpMethod.GET, new HttpEntity<>(juror.headers(null)),
                JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("detail").asText()).isEqualTo("Votre rôle ne permet pas cette action.");
    }

    @Test
    void aSessionWithoutACamundaLoginAuthenticatesNobody() {
        // The login page hands out a session and a token before anyone logs in.
        var page = http.getForEntity("/camunda/app/tasklist/" + engine.getName() + "/", String.class);
        Session anonymous = Session.of(page.getHeaders(), null);
        ResponseEntity<JsonNode> read = http.exchange("/api/referentials", HttpMethod.GET,
                new HttpEntity<>(anonymous.headers(null)), JsonNode.class);
        assertThat(read.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefusedWhateverItsCredentials() {
        Session coordo = login("coordo");
        HttpHeaders sessionWithToken = coordo.headers(coordo.token());
        sessionWithToken.setOrigin(FOREIGN);
        assertRefusedAsForeign(createCampaign(sessionWithToken));

        HttpHeaders basic = basic("coordo");
        basic.setOrigin(FOREIGN);
        assertRefusedAsForeign(createCampaign(basic));

        HttpHeaders sameSite = basic("coordo");
        sameSite.set("Sec-Fetch-Site", "cross-site");
        assertRefusedAsForeign(createCampaign(sameSite));

        HttpHeaders opaque = basic("coordo");
        opaque.setOrigin("null");
        assertRefusedAsForeign(createCampaign(opaque));

        HttpHeaders otherPort = basic("coordo");
        otherPort.setOrigin("http://localhost:" + (port + 1));
        assertRefusedAsForeign(createCampaign(otherPort));
        assertThat(campaigns.findByCode(code)).isEmpty();
    }

    @Test
    void aScriptWithBasicCredentialsOrAPageOfCertiflowItselfMayChangeThings() {
        HttpHeaders ownPage = basic("coordo");
        ownPage.setOrigin("http://localhost:" + port);
        ownPage.set("Sec-Fetch-Site", "same-origin");
        assertThat(createCampaign(ownPage).getStatusCode().value()).isEqualTo(201);

        code = code + "-2";
        ResponseEntity<JsonNode> script = createCampaign(basic("coordo"));
        assertThat(script.getStatusCode().value()).isEqualTo(201);
        assertThat(script.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void aReadFromAnotherOriginIsNotRefusedByTheOriginRule() {
        // Reading changes nothing, and the browser keeps the answer from the other origin (no CORS headers).
        HttpHeaders headers = basic("manager");
        headers.setOrigin(FOREIGN);
        var read = http.exchange("/api/campaigns", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    @Test
    void anUnauthenticatedCallIsChallengedForBasicCredentialsInFrench() {
        var response = http.getForEntity("/api/referentials", JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"Certiflow\", charset=\"UTF-8\"");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Authentification requise");
        assertThat(response.getBody().get("detail").asText()).isEqualTo("Authentification requise.");
        assertThat(response.getBody().get("instance").asText()).isEqualTo("/api/referentials");

        try {
            var wrongPassword = http.withBasicAuth("coordo", "pas-le-bon").getForEntity("/api/referentials", JsonNode.class);
            assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
            assertThat(wrongPassword.getBody().get("detail").asText()).isEqualTo("Authentification requise.");
        } finally {
            // The failed attempt starts the engine's login delay for coordo; the Spring context (and its users) is
            // shared with the other test classes, which must not find coordo locked.
            engine.getIdentityService().unlockUser("coordo");
        }
    }

    @Test
    void everyApiResponseCarriesTheSecurityHeaders() {
        List<ResponseEntity<byte[]>> responses = new ArrayList<>();
        responses.add(exchange("manager", HttpMethod.GET, "/api/referentials", null));
        responses.add(exchange("coordo", HttpMethod.GET, "/api/campaigns/templates/cohort.xlsx", null));
        responses.add(exchange(null, HttpMethod.GET, "/api/referentials", null));
        responses.add(exchange("jure9", HttpMethod.GET, "/api/campaigns", null));
        responses.add(exchange("manager", HttpMethod.GET, "/api/campaigns/999999", null));
        responses.add(exchange("manager", HttpMethod.DELETE, "/api/campaigns/999999", null));
        responses.add(exchange("manager", HttpMethod.GET, "/api/referentials;jsessionid=x", null));
        HttpHeaders foreign = basic("coordo");
        foreign.setOrigin(FOREIGN);
        responses.add(http.exchange("/api/campaigns", HttpMethod.POST, new HttpEntity<>("{}", foreign), byte[].class));

        assertThat(responses).extracting(response -> response.getStatusCode().value())
                .containsExactly(200, 200, 401, 403, 404, 405, 400, 403);
        assertThat(responses).allSatisfy(response -> {
            HttpHeaders headers = response.getHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(headers.getCacheControl()).contains("no-store");
            // CERTIFLOW_HSTS_DISABLED defaults to true: no HSTS over plain HTTP.
            assertThat(headers.getFirst("Strict-Transport-Security")).isNull();
        });
        assertThat(responses.subList(2, responses.size())).allSatisfy(response ->
                assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void hstsIsSentOnEveryResponseOnceEnabled() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ApiSecurity.headerWriters(false).forEach(writer -> writer.writeHeaders(new MockHttpServletRequest("GET", "/api/referentials"), response));
        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");

        MockHttpServletResponse disabled = new MockHttpServletResponse();
        ApiSecurity.headerWriters(true).forEach(writer -> writer.writeHeaders(new MockHttpServletRequest("GET", "/api/referentials"), disabled));
        assertThat(disabled.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void springSecurityGuardsTheApiOnlyWithoutADefaultUser() {
        assertThat(context.getBeanProvider(UserDetailsService.class).getIfAvailable()).isNull();
        List<SecurityFilterChain> chains = context.getBean(FilterChainProxy.class).getFilterChains();
        // The API's chain, the coordinator's console (ConsoleSecurity) and the operators' (Actuator, see ActuatorSecurity).
        assertThat(chains).hasSize(3).allSatisfy(chain -> {
            assertThat(chain.matches(new MockHttpServletRequest("GET", "/camunda/app/tasklist/default/"))).isFalse();
            assertThat(chain.matches(new MockHttpServletRequest("GET", "/engine-rest/task"))).isFalse();
            assertThat(chain.matches(new MockHttpServletRequest("GET", "/error"))).isFalse();
        });
        assertThat(chains).filteredOn(chain -> chain.matches(new MockHttpServletRequest("POST", "/api/campaigns"))).hasSize(1);
        assertThat(chains).filteredOn(chain -> chain.matches(new MockHttpServletRequest("GET", "/actuator/health"))).hasSize(1);
        assertThat(chains).filteredOn(chain -> chain.matches(new MockHttpServletRequest("POST", "/certiflow/campagnes"))).hasSize(1);
        // The engine's REST API keeps Camunda's own Basic authentication, and its own 401.
        var engineRest = http.getForEntity("/engine-rest/engine/" + engine.getName() + "/task?maxResults=1", String.class);
        assertThat(engineRest.getStatusCode().value()).isEqualTo(401);
        assertThat(engineRest.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"" + engine.getName() + "\"");
    }

    private static void assertRefusedAsForeign(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody().get("detail").asText())
                .isEqualTo("Demande refusée : elle provient d'une autre origine que Certiflow.");
    }

    private ResponseEntity<JsonNode> createCampaign(HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = SmallCampaignLaunch.campaign(code);
        return http.exchange("/api/campaigns", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<byte[]> exchange(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = user == null ? new HttpHeaders() : basic(user);
        return http.exchange(path, method, new HttpEntity<>(body, headers), byte[].class);
    }

    private static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user + "-secret");
        return headers;
    }

    /**
     * Logs into Tasklist as its page does (session and CSRF token from the login page, then the login form), then
     * asks the webapps who is logged in, as Tasklist does next: the new session's token comes with that answer.
     */
    private Session login(String user) {
        String engineName = engine.getName();
        var page = http.getForEntity("/camunda/app/tasklist/" + engineName + "/", String.class);
        Session before = Session.of(page.getHeaders(), null);
        HttpHeaders form = before.headers(before.token());
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        var login = http.exchange("/camunda/api/admin/auth/user/" + engineName + "/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=" + user + "-secret", form), String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        Session loggedIn = Session.of(login.getHeaders(), before);
        var whoAmI = http.exchange("/camunda/api/admin/auth/user/" + engineName, HttpMethod.GET,
                new HttpEntity<>(loggedIn.headers(null)), String.class);
        assertThat(whoAmI.getStatusCode().value()).isEqualTo(200);
        Session session = Session.of(whoAmI.getHeaders(), loggedIn);
        assertThat(session.token()).isNotBlank();
        return session;
    }

    /** The webapps' cookies, and the CSRF token Camunda handed out with them. */
    record Session(Map<String, String> cookies, String token) {

        static Session of(HttpHeaders response, Session before) {
            Map<String, String> cookies = new java.util.LinkedHashMap<>(before == null ? Map.of() : before.cookies());
            for (String cookie : response.getOrEmpty(HttpHeaders.SET_COOKIE)) {
                String pair = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return new Session(cookies, cookies.get("XSRF-TOKEN"));
        }

        HttpHeaders headers(String csrfToken) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
            if (csrfToken != null) {
                headers.set("X-XSRF-TOKEN", csrfToken);
            }
            return headers;
        }
    }
}
