package fr.certiflow.process;

import fr.certiflow.PostgresServer;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journeys under the fixture's four-level règlement on PostgreSQL, in a database of their own
 * ({@code mvn verify -Ppostgres-it}).
 */
@Tag("postgres")
@ActiveProfiles({"test", "postgres"})
class PostgresRegulationJourneyTests extends RegulationJourneyTests {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = PostgresServer.freshDatabase("certiflow_regulation");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
    }
}
