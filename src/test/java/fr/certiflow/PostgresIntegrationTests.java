package fr.certiflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.referential.ReferentialCatalog;
import java.sql.SQLException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Certiflow on PostgreSQL (profile postgres), in a database of its own that the test creates afresh. Runs with
 * {@code mvn verify -Ppostgres-it}; the server is POSTGRES_ADMIN_URL (default 127.0.0.1:5432, user postgres).
 * Its {@link #main} runs Certiflow on that database.
 */
@Tag("postgres")
class PostgresIntegrationTests {

    static final String DATABASE = "certiflow_it";
    static String url;

    @BeforeAll
    static void createDatabase() throws SQLException {
        url = PostgresServer.freshDatabase(DATABASE);
    }

    @Test
    void startsDeploysAndServesTheReferentialThenKeepsItsDataAcrossARestart() {
        long deployments;
        try (ConfigurableApplicationContext first = start()) {
            RepositoryService repository = first.getBean(RepositoryService.class);
            deployments = repository.createDeploymentQuery().count();
            assertThat(repository.createProcessDefinitionQuery().count()).isPositive();
            TestRestTemplate http = new TestRestTemplate().withBasicAuth("admin", "postgres-admin-secret");
            String base = "http://localhost:" + first.getEnvironment().getProperty("local.server.port");
            ResponseEntity<JsonNode> tree = http.getForEntity(base + "/api/referentials/MMDC", JsonNode.class);
            assertThat(tree.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(tree.getBody().findValues("criteria").stream().mapToInt(JsonNode::size).sum()).isEqualTo(21);
            assertThat(tree.getBody().findValues("competences").stream()
                    .filter(JsonNode::isArray).filter(list -> list.size() > 0 && list.get(0).isObject())
                    .mapToInt(JsonNode::size).sum()).isEqualTo(44);
            assertThat(first.getBean(IdentityService.class).createGroupQuery().groupId("jury-presidents").count()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(second.getBean(ReferentialCatalog.class).find("MMDC", 1)).isPresent();
        }
    }

    static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CertiflowApplication.class)
                .profiles("postgres")
                .properties("camunda.bpm.generate-unique-process-engine-name=true",
                        "camunda.bpm.generate-unique-process-application-name=true")
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        "--server.port=0",
                        // Without the webapps: closing an application that has them clears Cockpit's JVM-wide runtime delegate (and Tasklist's,
                        // Admin's, Welcome's), which breaks the webapps of every other test context still running in this JVM.
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresServer.USER,
                        "--spring.datasource.password=" + PostgresServer.PASSWORD,
                        "--certiflow.admin.password=postgres-admin-secret"), java.util.Arrays.stream(args))
                        .toArray(String[]::new));
    }


    /** Runs Certiflow on a fresh PostgreSQL database, as the test does. */
    public static void main(String[] args) throws SQLException {
        createDatabase();
        start(args);
    }
}
