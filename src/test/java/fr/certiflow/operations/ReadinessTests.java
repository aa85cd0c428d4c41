package fr.certiflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.CertiflowApplication;
import fr.certiflow.PostgresServer;
import fr.certiflow.packaged.TcpProxy;
import fr.certiflow.packaged.Wait;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * Readiness follows the database: a node whose PostgreSQL becomes unreachable (every connection cut by a relay) says
 * DOWN, and UP again once the database answers, without a restart.
 */
@Tag("postgres")
class ReadinessTests {

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAgainAfter() throws Exception {
        String url = PostgresServer.freshDatabase("certiflow_readiness");
        URI server = URI.create(url.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
                ConfigurableApplicationContext node = start(url.replace(server.getHost() + ":" + server.getPort(),
                        "127.0.0.1:" + proxy.port()))) {
            TestRestTemplate http = new TestRestTemplate();
            String readiness = "http://localhost:" + node.getEnvironment().getProperty("local.server.port")
                    + "/actuator/health/readiness";
            assertThat(status(http, readiness)).isEqualTo(200);
            assertThat(http.getForObject(readiness, JsonNode.class).get("status").asText()).isEqualTo("UP");

            proxy.cut();
            Wait.until("readiness DOWN", Duration.ofSeconds(60), () -> status(http, readiness) == 503);
            assertThat(http.getForObject(readiness, JsonNode.class).get("status").asText()).isEqualTo("DOWN");
            assertThat(http.getForObject(readiness, JsonNode.class).has("components")).as("no detail for anonymous probes").isFalse();
            String liveness = readiness.replace("readiness", "liveness");
            assertThat(status(http, liveness)).as("alive all the same: no restart needed").isEqualTo(200);

            proxy.restore();
            Wait.until("readiness UP", Duration.ofSeconds(60), () -> status(http, readiness) == 200);
        }
    }

    private static int status(TestRestTemplate http, String url) {
        ResponseEntity<JsonNode> response = http.getForEntity(url, JsonNode.class);
        return response.getStatusCode().value();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(CertiflowApplication.class)
                .profiles("postgres")
                .properties("camunda.bpm.generate-unique-process-engine-name=true",
                        "camunda.bpm.generate-unique-process-application-name=true")
                .run("--server.port=0",
                        // Without the webapps: closing an application that has them clears Cockpit's JVM-wide runtime delegate (and Tasklist's,
                        // Admin's, Welcome's), which breaks the webapps of every other test context still running in this JVM.
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresServer.USER,
                        "--spring.datasource.password=" + PostgresServer.PASSWORD,
                        // A dead database is reported within seconds, not after Hikari's 30 s default.
                        "--spring.datasource.hikari.connection-timeout=2000",
                        "--spring.datasource.hikari.validation-timeout=1000",
                        "--certiflow.admin.password=readiness-admin-secret");
    }
}
