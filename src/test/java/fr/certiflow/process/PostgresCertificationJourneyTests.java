package fr.certiflow.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The journey and a small campaign's launch on PostgreSQL, in a database the test creates afresh ({@code mvn verify -Ppostgres-it}). */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class PostgresCertificationJourneyTests {

    static final String DATABASE = "certiflow_journey";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String server = env("POSTGRES_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("POSTGRES_USER", "postgres");
        String password = env("POSTGRES_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> server.substring(0, server.lastIndexOf('/') + 1) + DATABASE);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Autowired
    CertificationJourney journey;

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSmallCampaignIsCreatedImportedAndLaunchedOverHttpOnPostgres(@Autowired fr.certiflow.campaign.SmallCampaignLaunch launch,
            @Autowired org.springframework.boot.test.web.client.TestRestTemplate http) {
        launch.run(http);
    }

    @Test
    void twoCandidatesOfAGroupAreCertifiedThroughAllThreeBlocsOnPostgres() {
        BpmnAwareTests.init(engine);
        journey.run();
    }
}
