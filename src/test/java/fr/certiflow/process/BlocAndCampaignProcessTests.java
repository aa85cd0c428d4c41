package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.deliberation.BlocResult;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.SubmissionRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The bloc deliberation, resits, and the campaign up to the certification jury and the results. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class BlocAndCampaignProcessTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    BlocResultRepository blocResults;
    @Autowired
    ProductionRepository productions;
    @Autowired
    SubmissionRepository submissions;
    @Autowired
    ManagementService management;
    @Autowired
    fr.certiflow.notification.NotificationRepository notifications;

    Campaign campaign;
    Candidate candidate;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> c.setResitAttempts(1));
        fixture.standardJury(campaign);
        candidate = fixture.candidate(campaign, "2027-050");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Nested
    class Deliberation {

        @Test
        void thePresidentConfirmsTheProposedResult() {
            ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
            assertThat(fixture.productionsOf(bloc)).extracting(p -> runtime.getVariable(p.getId(), Variables.COMPONENT_CODE))
                    .containsExactlyInAnyOrder("A.1", "A.2");
            fixture.completeProductions(bloc, component -> "ACQUIS");

            BpmnAwareTests.assertThat(bloc).isWaitingAt("Task_DeliberateBloc");
            assertThat(runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("VALIDE");
            Task deliberation = fixture.task(bloc, "Task_DeliberateBloc");
            assertThat(deliberation.getName()).isEqualTo("Délibérer sur le bloc — 2027-050 — bloc BC1");
            fixture.submit(deliberation, "president", Map.of("blocDecision", "VALIDE"));

            BpmnAwareTests.assertThat(bloc).isEnded();
            assertThat(blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId()))
                    .singleElement().satisfies(result -> {
                        assertThat(result.getDecision()).isEqualTo("VALIDE");
                        assertThat(result.overridden()).isFalse();
                        assertThat(result.getDecidedBy()).isEqualTo("president");
                    });
        }

        @Test
        void anOverrideNeedsAWrittenJustification() {
            ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC2");
            fixture.completeProductions(bloc, component -> "ACQUIS");
            Task deliberation = fixture.task(bloc, "Task_DeliberateBloc");

            assertThatThrownBy(() -> fixture.submit(deliberation, "president", Map.of("blocDecision", "NON_VALIDE")))
                    .hasMessageContaining("La décision (Non validé) diffère du résultat proposé (Validé) : une justification écrite est obligatoire.");
            BpmnAwareTests.assertThat(bloc).isWaitingAt("Task_DeliberateBloc");
            assertThat(blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId())).isEmpty();

            fixture.submit(deliberation, "president", Map.of("blocDecision", "NON_VALIDE",
                    "justification", "Plagiat constaté lors de la soutenance."));

            BpmnAwareTests.assertThat(bloc).isEnded();
            BlocResult result = blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId()).get(0);
            assertThat(result.getProposed()).isEqualTo("VALIDE");
            assertThat(result.getDecision()).isEqualTo("NON_VALIDE");
            assertThat(result.overridden()).isTrue();
            assertThat(result.getJustification()).isEqualTo("Plagiat constaté lors de la soutenance.");
        }

        @Test
        void anAdjournedBlocResitsItsFailedComposantesOnlyAndCanThenBeValidated() {
            // What the shipped règlement says a resit keeps (the fixture's keeps nothing: RegulationJourneyTests).
            assertThat(fixture.regulations.find("MMDC", 1, campaign.getRegulationVersion()).orElseThrow().resits().keep())
                    .isEqualTo("validated-components");
            ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC3");
            fixture.completeProductions(bloc, component -> component.equals("A.4") ? "NON_ACQUIS" : "ACQUIS");
            assertThat(runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("NON_VALIDE");

            assertThat(runtime.getVariable(bloc.getId(), "resitRule")).isEqualTo("Un bloc **ajourné** repasse les "
                    + "composantes non validées ; celles validées sont conservées, dans la limite des passages autorisés "
                    + "(Règlement de certification MMDC v1, révision 2).");
            fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president",
                    Map.of("blocDecision", "AJOURNE", "justification", "Rattrapage de la composante A.4."));
            // The candidate's mail says what the resit keeps (candidate numbers repeat across this class's campaigns).
            assertThat(notifications.findAll()).filteredOn(n -> n.getRecipient().equals("candidat2027-050@example.org")
                    && n.getKind().equals("BLOC_RESULT") && n.getBody().contains("BC3 : ajourné")).isNotEmpty()
                    .allSatisfy(mail -> assertThat(mail.getBody())
                            .contains("repasser les composantes non validées de ce bloc ; leurs nouvelles échéances"));

            List<ProcessInstance> resit = fixture.productionsOf(bloc);
            assertThat(resit).singleElement().satisfies(production -> {
                assertThat(runtime.getVariable(production.getId(), Variables.COMPONENT_CODE)).isEqualTo("A.4");
                assertThat(runtime.getVariable(production.getId(), Variables.ATTEMPT)).isEqualTo(2);
                assertThat(production.getBusinessKey()).isEqualTo(campaign.getCode() + "/2027-050/A.4#2");
            });
            fixture.completeProductions(bloc, component -> "ACQUIS");

            assertThat(runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("VALIDE");
            assertThat(runtime.getVariable(bloc.getId(), "validatedCount")).isEqualTo(2);
            fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president", Map.of("blocDecision", "VALIDE"));

            BpmnAwareTests.assertThat(bloc).isEnded();
            assertThat(blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId()))
                    .extracting(BlocResult::getAttempt, BlocResult::getDecision)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "AJOURNE"), org.assertj.core.groups.Tuple.tuple(2, "VALIDE"));
            assertThat(productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(campaign.getId(), candidate.getId()))
                    .extracting(Production::getComponentCode, Production::getAttempt, Production::getResult)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("A.4", 1, "NON_VALIDE"),
                            org.assertj.core.groups.Tuple.tuple("A.4", 2, "VALIDE"),
                            org.assertj.core.groups.Tuple.tuple("A.5", 1, "VALIDE"));
        }

        @Test
        void aCandidateWhoHandsInNothingIsProposedAbsent() {
            ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
            fixture.moveClockTo(AssessmentFixture.DEADLINE.plusSeconds(1));

            BpmnAwareTests.assertThat(bloc).isWaitingAt("Task_DeliberateBloc");
            assertThat(runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("ABSENT");
            assertThat((String) runtime.getVariable(bloc.getId(), "blocSummary"))
                    .contains("| A.1 Organisation et exploitation d'une veille stratégique | Absent | 1 |");
            fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president", Map.of("blocDecision", "ABSENT"));
            BpmnAwareTests.assertThat(bloc).isEnded();
        }

        @Test
        void noAdjournmentOnceTheResitLimitIsReached() {
            ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC2");
            fixture.completeProductions(bloc, component -> "NON_ACQUIS");
            fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president",
                    Map.of("blocDecision", "AJOURNE", "justification", "Rattrapage."));
            fixture.completeProductions(bloc, component -> "NON_ACQUIS");
            Task last = fixture.task(bloc, "Task_DeliberateBloc");

            assertThatThrownBy(() -> fixture.submit(last, "president", Map.of("blocDecision", "AJOURNE", "justification", "Encore.")))
                    .hasMessageContaining("épuisé ses 2 passages autorisés");
            fixture.submit(last, "president", Map.of("blocDecision", "NON_VALIDE"));
            BpmnAwareTests.assertThat(bloc).isEnded();
        }
    }

    @Nested
    class Campaigns {

        @Test
        void theSubmissionsAreOpenedBeforeAnyProductionStartsOneForEachGroupOnACollectiveComposante() {
            List<Candidate> group = List.of(
                    fixture.candidate(campaign, "2027-061", c -> c.setGroupCode("G7")),
                    fixture.candidate(campaign, "2027-062", c -> c.setGroupCode("G7")),
                    fixture.candidate(campaign, "2027-063", c -> {
                        c.setGroupCode("G7");
                        c.getAcquiredBlocs().put("BC1", AssessmentFixture.acquiredOn());
                    }));
            ProcessInstance process = fixture.launcher.launch(campaign.getId());
            while (management.createJobQuery().activityId("Task_OpenSubmissions").count() == 0) {
                management.executeJob(management.createJobQuery().processInstanceId(process.getId()).singleResult().getId());
            }
            management.executeJob(management.createJobQuery().activityId("Task_OpenSubmissions").singleResult().getId());

            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                    .variableValueEquals(Variables.CAMPAIGN_ID, campaign.getId()).count()).isZero();
            // 2027-050 alone: 5. Group G7: A.1 and A.3 (collective) once for the group, 2027-063 has BC1 (A.1, A.2)
            // already: A.2 twice, A.4 and A.5 three times each.
            assertThat(submissions.findByCampaignIdAndAttempt(campaign.getId(), 1)).hasSize(15)
                    .filteredOn(submission -> submission.getOwnerKey().equals("group:G7"))
                    .extracting(submission -> submission.getComponentCode()).containsExactlyInAnyOrder("A.1", "A.3");

            fixture.runJobs();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                    .variableValueEquals(Variables.CAMPAIGN_ID, campaign.getId()).count())
                    .isEqualTo(5 + 2 + 2 + 3 + 3 + 3);
            assertThat(submissions.findByCampaignIdAndAttempt(campaign.getId(), 1)).as("no submission opened twice").hasSize(15);
            assertThat(group).extracting(member -> productions.findByCampaignIdAndCandidateIdAndComponentCodeAndAttempt(
                    campaign.getId(), member.getId(), "A.3", 1).orElseThrow().getSubmissionId()).containsOnly(
                    submissions.findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(campaign.getId(), "A.3", 1, "group:G7")
                            .orElseThrow().getId());
        }

        @Test
        void aBlocAcquiredEarlierIsNotAssessedAgainAndCountsForTheCertification() {
            candidate.getAcquiredBlocs().put("BC1", AssessmentFixture.acquiredOn());
            fixture.candidates.save(candidate);
            ProcessInstance process = fixture.launch(campaign);

            List<ProcessInstance> blocs = fixture.blocsOf(process);
            assertThat(blocs).extracting(ProcessInstance::getBusinessKey)
                    .containsExactlyInAnyOrder(campaign.getCode() + "/2027-050/BC2", campaign.getCode() + "/2027-050/BC3");
            for (ProcessInstance bloc : blocs) {
                fixture.completeProductions(bloc, component -> "ACQUIS");
                fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president", Map.of("blocDecision", "VALIDE"));
            }

            BpmnAwareTests.assertThat(process).isWaitingAt("Task_CertificationJury");
            assertThat((String) runtime.getVariable(process.getId(), "certificationSummary"))
                    .isEqualTo("Proposition : certification délivrée à **1** candidat(s) sur 1.");
            assertThat(engine.getTaskService().getVariableLocal(fixture.task(process, "Task_CertificationJury").getId(),
                    "certificationProposals").toString())
                    .isEqualTo("[{\"number\":\"2027-050\",\"name\":\"Prénom2027-050 Nom2027-050\",\"blocs\":\"BC1, BC2, BC3\","
                            + "\"proposal\":\"Délivrée\"}]");
            fixture.finishCampaign(process);
            assertThat(fixture.decisionOf(campaign, candidate)).isEqualTo("DELIVREE");
        }
    }
}
