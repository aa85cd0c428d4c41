package fr.certiflow.process;

import fr.certiflow.PostgresServer;
import java.sql.SQLException;
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
        String url = PostgresServer.freshDatabase(DATABASE);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
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
