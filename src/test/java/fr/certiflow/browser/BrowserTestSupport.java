package fr.certiflow.browser;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.identity.Groups;
import fr.certiflow.process.AssessmentFixture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the browser tests share: the application on a random port, the demo-like users, a campaign of the seed's
 * référentiel with its standard jury, a browser at 1366×768, and an A.4 production ready for its jurors.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BrowserTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    BlocResultRepository blocResults;

    Campaign campaign;

    @BeforeEach
    void setUp() {
        api.users();
        api.user("president", Groups.JURY_PRESIDENTS);
        campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Browser browser() {
        return new Browser("http://localhost:" + port);
    }

    /** An A.4 production handed in and admissible: jure1 and jure2 each have its evaluation in Tasklist. */
    Long productionUnderEvaluation(String candidateNumber) {
        return fixture.productionId(admissibleProduction(candidateNumber));
    }

    /** An A.4 production on which jure2 rated the first criterion « Non acquis », jure1 all « Acquis »: to harmonise. */
    ProcessInstance productionToHarmonise(String candidateNumber) {
        ProcessInstance instance = admissibleProduction(candidateNumber);
        fixture.evaluateAll(instance, "A.4", 4,
                (juror, key) -> juror.equals("jure2") && key.endsWith("CR1") ? "NON_ACQUIS" : "ACQUIS");
        return instance;
    }

    private ProcessInstance admissibleProduction(String candidateNumber) {
        ProcessInstance instance = fixture.startProduction(campaign, fixture.candidate(campaign, candidateNumber), "A.4");
        fixture.submitAll(fixture.productionId(instance), "A.4", AssessmentFixture.FRENCH);
        fixture.admissible(instance);
        return instance;
    }
}
