package fr.certiflow.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A candidate's full journey through the three blocs, on the embedded H2 database. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class CertificationJourneyTests {

    @Autowired
    CertificationJourney journey;

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void twoCandidatesOfAGroupAreCertifiedThroughAllThreeBlocs() {
        BpmnAwareTests.init(engine);
        journey.run();
    }
}
