package fr.certiflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.campaign.SmallCampaignLaunch;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Actuator for operators: the probes answer anyone with a bare status, everything else only an administrator;
 * Prometheus carries the engine's metrics and Certiflow's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "certiflow.mail.enabled=false")
@ActiveProfiles("test")
// Spring Boot's tests switch metrics export off; this one checks it.
@AutoConfigureObservability(tracing = false)
@Tag("application")
class OperationsEndpointsTests {

    static final String ADMIN_PASSWORD = "test-admin-secret";

    @Autowired
    TestRestTemplate http;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    CertiflowMetrics metrics;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        api.users();
    }

    @Test
    void theProbesAnswerAnyoneWithTheirStatusAlone() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            ResponseEntity<JsonNode> response = http.getForEntity(probe, JsonNode.class);
            assertThat(response.getStatusCode().value()).as(probe).isEqualTo(200);
            assertThat(response.getBody().get("status").asText()).isEqualTo("UP");
            assertThat(response.getBody().has("components")).as("no detail for anyone").isFalse();
        }
    }

    @Test
    void anAdministratorSeesWhatReadinessIsMadeOf() {
        JsonNode readiness = admin().getForObject("/actuator/health", JsonNode.class);

        JsonNode components = readiness.get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("referentials").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("referentials").get("details").get("referentials").get(0).asText()).isEqualTo("MMDC v1");
        assertThat(components.get("referentials").get("details").get("regulations").get(0).asText())
                .isEqualTo("Règlement de certification MMDC v1, révision 2");
        // The tests switch the job executor off: a node without one on purpose is ready.
        assertThat(components.get("jobExecutor").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("jobExecutor").get("details").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void everythingElseIsForAdministratorsOnly() {
        for (String endpoint : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            assertThat(http.getForEntity(endpoint, String.class).getStatusCode().value()).as(endpoint).isEqualTo(401);
            for (String user : List.of("coordo", "manager", "jure9")) {
                assertThat(http.withBasicAuth(user, user + "-secret").getForEntity(endpoint, String.class).getStatusCode().value())
                        .as(user + " " + endpoint).isEqualTo(403);
            }
        }
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().value())
                .as("an endpoint not exposed is refused before anything else").isEqualTo(401);
        assertThat(admin().getForEntity("/actuator/env", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void prometheusCarriesTheEnginesMetricsAndCertiflows() {
        jdbc.update("delete from cf_notification");
        jdbc.update("insert into cf_notification (kind, recipient, subject, body, dedup_key, created_at, next_attempt_at, status)"
                + " values ('REMINDER', 'a@example.org', 's', 'b', 'metrics:1', current_timestamp, current_timestamp, 'FAILED')");
        metrics.refresh();

        ResponseEntity<String> scrape = admin().getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody())
                .contains("certiflow_outbox_messages{application=\"certiflow\",status=\"FAILED\"} 1.0")
                .contains("certiflow_incidents_open{application=\"certiflow\"} 0.0")
                .contains("certiflow_jobs_failing{")
                .contains("certiflow_engine_jobs{application=\"certiflow\",outcome=\"successful\"}")
                .contains("certiflow_grid_generation_seconds_count")
                .contains("certiflow_mail_sent_total")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active");
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ADMIN_PASSWORD);
    }
}
