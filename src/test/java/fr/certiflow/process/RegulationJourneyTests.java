package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.evaluation.ConsolidatedRating;
import fr.certiflow.evaluation.ConsolidatedRatingRepository;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.RegulationCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole journey under the test fixture's règlement (four levels, Maîtrisé and Acquis acquired; a composante
 * validated with 75 % of its criteria acquired and A.5-CR4 acquired; a bloc with one composante validated; the
 * certification with two blocs acquired; three jurors; blocs valid five years), with no code of its own: the forms
 * deployed are the ones generated for it, the decisions are the ones its rules give.
 */
@SpringBootTest(properties = {
        "certiflow.regulations.locations=classpath:regulations/,classpath:fixtures/regulations-v2/",
        "camunda.bpm.deployment-resource-pattern=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,"
                + "classpath*:forms/**/*.form,classpath*:fixtures/regulations-v2/forms/*.form"})
@ActiveProfiles("test")
@Tag("application")
class RegulationJourneyTests {

    @Autowired
    AssessmentFixture fixture;

    @Autowired
    RegulationCatalog regulations;

    @Autowired
    ProductionRepository productions;

    @Autowired
    ConsolidatedRatingRepository consolidated;

    @Autowired
    BlocResultRepository blocResults;

    @Autowired
    ProcessEngine engine;

    @Autowired
    fr.certiflow.jury.JuryAssignmentRepository assignments;

    @Autowired
    CertificationJourney journey;

    @Autowired
    fr.certiflow.campaign.Certifications certifications;

    @Autowired
    fr.certiflow.notification.NotificationRepository notifications;

    Regulation fourLevels;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        fourLevels = regulations.find("MMDC", 1, 3).orElseThrow();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** One criterion « En cours d'acquisition » per composante of four criteria or more, the others Maîtrisé or Acquis. */
    static String rating(String component, String key) {
        if (key.endsWith("_CR1")) {
            return "MAITRISE";
        }
        boolean lastOrThird = component.equals("A.5") ? key.endsWith("_CR3") : key.endsWith("_CR4");
        return lastOrThird && !component.equals("A.1") ? "EN_COURS" : "ACQUIS";
    }

    @Test
    void twoCandidatesAreCertifiedWithTheDecisionsTheFixturesRulesGive() {
        Campaign campaign = fixture.campaign(fourLevels, c -> { });
        assertThat(campaign.getRegulationVersion()).isEqualTo(3);
        assertThat(campaign.getJurorsPerProduction()).isEqualTo(3);
        fixture.standardJury(campaign);
        Candidate first = fixture.candidate(campaign, "2027-301", c -> c.setGroupCode("G1"));
        Candidate second = fixture.candidate(campaign, "2027-302", c -> c.setGroupCode("G1"));

        ProcessInstance process = fixture.launch(campaign);
        List<ProcessInstance> blocs = fixture.blocsOf(process);
        assertThat(blocs).hasSize(6);
        for (ProcessInstance bloc : blocs) {
            for (ProcessInstance production : fixture.productionsOf(bloc)) {
                String component = (String) fixture.runtime.getVariable(production.getId(), Variables.COMPONENT_CODE);
                assertThat(fixture.runtime.getVariable(production.getId(), Variables.EVALUATION_FORM_ID))
                        .isEqualTo("evaluation-mmdc-v1-r3-" + component.toLowerCase().replace(".", "-"));
                fixture.completeProduction(production, (juror, key) -> rating(component, key));
            }
            fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president", Map.of("blocDecision", "VALIDE"));
            BpmnAwareTests.assertThat(bloc).isEnded();
        }
        fixture.finishCampaign(process);

        BpmnAwareTests.assertThat(process).isEnded();
        assertThat(fixture.decisionOf(campaign, first)).isEqualTo("DELIVREE");
        assertThat(fixture.decisionOf(campaign, second)).isEqualTo("DELIVREE");
        // Every composante validated although one criterion in four (or six) is only « En cours d'acquisition ».
        assertThat(productions.findAll()).filteredOn(production -> production.getCampaignId().equals(campaign.getId()))
                .hasSize(10).allSatisfy(production -> assertThat(production.getResult()).isEqualTo("VALIDE"))
                .allSatisfy(production -> assertThat(consolidated.findByProductionIdOrderByCriterionCode(production.getId()))
                        .extracting(ConsolidatedRating::getRating).contains("MAITRISE"));
        assertThat(fixture.runtime.createIncidentQuery().count()).isZero();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskDefinitionKey("Task_EvaluateProduction")
                .processVariableValueEquals(Variables.CAMPAIGN_ID, campaign.getId()).count())
                .as("three jurors per individual production, as the fixture's règlement says").isEqualTo(3 * 6);
        // The group's A.1 and A.3: one sitting each, three jurors each evaluating both members in one task.
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskDefinitionKey("Task_EvaluateGroup")
                .processVariableValueEquals(Variables.CAMPAIGN_ID, campaign.getId()).count())
                .as("three jurors per group sitting").isEqualTo(3 * 2);
    }

    /**
     * The fixture's règlement keeps nothing at a resit ({@code resits.keep: nothing}): a deferred bloc is assessed again
     * on every composante, the one validated at the first attempt included (under the shipped règlement only the
     * others come back: {@code BlocAndCampaignProcessTests}).
     */
    @Test
    void aResitUnderTheFixturesReglementAssessesTheWholeBlocAgain() {
        Campaign campaign = fixture.campaign(fourLevels, c -> { });
        assertThat(campaign.getResitAttempts()).isEqualTo(1);
        fixture.standardJury(campaign);
        Candidate candidate = fixture.candidate(campaign, "2027-350");
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC3");
        fixture.completeProductions(bloc, component -> component.equals("A.4") ? "NON_ACQUIS" : "ACQUIS");
        // One composante of two suffices under the fixture's règlement: the president defers the bloc all the same.
        assertThat(fixture.runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("VALIDE");
        assertThat(fixture.runtime.getVariable(bloc.getId(), "resitRule")).isEqualTo("Un bloc **ajourné** repasse toutes "
                + "ses composantes, celles déjà validées comprises, dans la limite des passages autorisés (Règlement de "
                + "certification MMDC v1, révision 3 (fixture de test)).");

        fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president",
                Map.of("blocDecision", "AJOURNE", "justification", "Rattrapage du bloc."));
        assertThat(notifications.findAll()).filteredOn(n -> n.getRecipient().equals("candidat2027-350@example.org")
                && n.getKind().equals("BLOC_RESULT")).singleElement().satisfies(mail -> assertThat(mail.getBody())
                .contains("repasser toutes les composantes de ce bloc, celles déjà validées comprises ; leurs nouvelles"));

        BpmnAwareTests.assertThat(bloc).isActive().hasPassed("Task_DeliberateBloc");
        List<ProcessInstance> resit = fixture.productionsOf(bloc);
        assertThat(resit).extracting(production -> fixture.runtime.getVariable(production.getId(), Variables.COMPONENT_CODE))
                .containsExactlyInAnyOrder("A.4", "A.5");
        assertThat(resit).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder(campaign.getCode() + "/2027-350/A.4#2", campaign.getCode() + "/2027-350/A.5#2");
        // A.5, validated at the first attempt, is assessed again: its new result is the one that counts (kept, its
        // first result would make one composante validated, which the fixture's rule finds enough).
        fixture.completeProductions(bloc, component -> "NON_ACQUIS");
        assertThat(fixture.runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("NON_VALIDE");
        assertThat(fixture.runtime.getVariable(bloc.getId(), "validatedCount")).isEqualTo(0);
        assertThat(productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(campaign.getId(), candidate.getId()))
                .extracting(production -> production.getComponentCode() + "#" + production.getAttempt() + " " + production.getResult())
                .containsExactly("A.4#1 NON_VALIDE", "A.4#2 NON_VALIDE", "A.5#1 VALIDE", "A.5#2 NON_VALIDE");
    }

    /**
     * Two blocs of three acquired in an earlier session (and still valid): the fixture's règlement awards the
     * certification with two ({@code certification.minimumAcquiredBlocs: 2}), mmdc-v1-r2 needs all three.
     */
    @Test
    void theCertificationIsProposedByItsCampaignsReglement() {
        Regulation shipped = regulations.find("MMDC", 1, 2).orElseThrow();
        for (Regulation regulation : List.of(fourLevels, shipped)) {
            Campaign campaign = fixture.campaign(regulation, c -> { });
            LocalDate earlier = campaign.getOpensAt().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().minusYears(1);
            Candidate candidate = fixture.candidate(campaign, "2027-37" + regulation.version(), c -> {
                c.getAcquiredBlocs().put("BC1", earlier);
                c.getAcquiredBlocs().put("BC2", earlier);
            });
            // How many of the cohort are proposed « Délivrée »: the candidate, or no one.
            assertThat(certifications.propose(campaign, List.of(candidate))).as(regulation.title())
                    .isEqualTo(regulation == shipped ? 0 : 1);
        }
    }

    /**
     * The same ratings decide a bloc differently under each règlement: the fixture's validates a bloc with one
     * composante of two ({@code bloc.minimumValidatedComponents: 1}), mmdc-v1-r2 needs them all ({@code all}). The
     * decision table is the same; only the règlement's figure, handed to it, differs.
     */
    @Test
    void aBlocIsDecidedByItsCampaignsReglement() {
        Regulation shipped = regulations.find("MMDC", 1, 2).orElseThrow();
        for (Regulation regulation : List.of(fourLevels, shipped)) {
            Campaign campaign = fixture.campaign(regulation, c -> { });
            fixture.standardJury(campaign);
            Candidate candidate = fixture.candidate(campaign, "2027-36" + regulation.version());
            ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC3");
            fixture.completeProductions(bloc, component -> component.equals("A.4") ? "NON_ACQUIS" : "ACQUIS");
            assertThat(fixture.runtime.getVariable(bloc.getId(), "validatedCount")).isEqualTo(1);
            assertThat(fixture.runtime.getVariable(bloc.getId(), Variables.MINIMUM_VALIDATED_COMPONENTS))
                    .as(regulation.title()).isEqualTo(regulation == shipped ? 2 : 1);
            assertThat(fixture.runtime.getVariable(bloc.getId(), "proposedResult")).as(regulation.title())
                    .isEqualTo(regulation == shipped ? "NON_VALIDE" : "VALIDE");
            assertThat(fixture.runtime.getVariable(bloc.getId(), Variables.BLOC_RULE)).isEqualTo("selon le "
                    + regulation.title() + ", un bloc est validé avec " + (regulation == shipped
                            ? "toutes ses composantes validées"
                            : "au moins 1 de ses composantes validées (toutes lorsqu'il en compte moins)") + ".");
        }
    }

    /**
     * The full journey of {@link CertificationJourneyTests}, unchanged, under the fixture's règlement: three jurors per
     * production, the four-level scale; every criterion acquired, so the same decisions.
     */
    @Test
    void theFullJourneyRunsUnchangedUnderTheFixturesReglement() {
        Campaign campaign = journey.run(fourLevels);
        assertThat(campaign.getRegulationVersion()).isEqualTo(3);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskDefinitionKey("Task_EvaluateProduction")
                .processVariableValueEquals(Variables.CAMPAIGN_ID, campaign.getId()).count())
                .as("three jurors per individual production, as the fixture's règlement says").isEqualTo(3 * 6);
    }

    @Test
    void theEnglishCriterionTheReglementRequiresDecidesAlone() {
        Campaign campaign = fixture.campaign(fourLevels, c -> { });
        fixture.standardJury(campaign);
        Candidate candidate = fixture.candidate(campaign, "2027-310");
        ProcessInstance production = fixture.startProduction(campaign, candidate, "A.5");
        Long productionId = fixture.productionId(production);
        // 75 % acquired, but the one not acquired is A.5-CR4, which the fixture's règlement requires.
        fixture.completeProduction(production, (juror, key) -> key.endsWith("_CR4") ? "EN_COURS" : "ACQUIS");

        BpmnAwareTests.assertThat(production).isEnded();
        assertThat(productions.findById(productionId).orElseThrow().getResult()).isEqualTo("NON_VALIDE");
    }

    @Test
    void aVaeCandidatesJuryIsTheReglementsVaeJury() throws Exception {
        Campaign campaign = fixture.campaign(fourLevels, c -> { });
        fixture.standardJury(campaign);
        Candidate candidate = fixture.candidate(campaign, "2027-330", c -> c.setPathway(fr.certiflow.campaign.Pathway.VAE));
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC3");
        List<ProcessInstance> components = fixture.productionsOf(bloc);
        fixture.submissions.upload(fixture.productionId(components.get(0)), "dossier", "dossier.txt",
                AssessmentFixture.FRENCH.getBytes(java.nio.charset.StandardCharsets.UTF_8), "coordo");
        fixture.runJobs();
        // One sitting for the bloc: one admissibility check, one jury for its composantes, one interview.
        ProcessInstance sitting = fixture.groupSitting(components.get(0));
        fixture.admissible(sitting);
        for (ProcessInstance component : components) {
            // Two jurors, both external (the fixture's VAE jury), where a production jury has three; A.5 adds the
            // English-qualified juror, who is jure3, and the bloc's one jury must suit A.5 too: A.4 gets jure3 as well.
            assertThat(assignments.findByProductionIdOrderByJurorUserId(fixture.productionId(component)))
                    .extracting(fr.certiflow.jury.JuryAssignment::getJurorUserId).containsExactly("jure1", "jure3");
            BpmnAwareTests.assertThat(component).isWaitingAt("Task_AwaitGroupSitting");
        }
        BpmnAwareTests.assertThat(sitting).isWaitingAt("Task_ScheduleOral");
    }

    @Test
    void aBlocAcquiredMoreThanFiveYearsBeforeIsAssessedAgain() {
        Campaign campaign = fixture.campaign(fourLevels, c -> c.getBlocs().retainAll(List.of("BC1", "BC2")));
        fixture.standardJury(campaign);
        fixture.candidate(campaign, "2027-320", c -> {
            c.getAcquiredBlocs().put("BC1", LocalDate.of(2020, 6, 30));
            c.getAcquiredBlocs().put("BC2", LocalDate.of(2024, 6, 30));
        });

        ProcessInstance process = fixture.launch(campaign);

        assertThat(fixture.blocsOf(process)).hasSize(1)
                .allSatisfy(bloc -> assertThat(fixture.runtime.getVariable(bloc.getId(), "blocCode")).isEqualTo("BC1"));
    }
}
