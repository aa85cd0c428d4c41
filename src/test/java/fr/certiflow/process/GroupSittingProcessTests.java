package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.notification.NotificationRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.ProductionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A group of three on a collective composante: one sitting (admissibility, jury, oral, one evaluation task per juror
 * for every member), individual results.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class GroupSittingProcessTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ProductionRepository productions;
    @Autowired
    JuryAssignmentRepository assignments;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    JurorRepository jurors;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    fr.certiflow.campaign.CandidateRepository candidates;
    @Autowired
    fr.certiflow.production.SubmissionRepository submissions;

    Campaign campaign;
    List<Candidate> group;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        group = List.of(
                fixture.candidate(campaign, "2027-301", c -> c.setGroupCode("G1")),
                fixture.candidate(campaign, "2027-302", c -> c.setGroupCode("G1")),
                fixture.candidate(campaign, "2027-303", c -> c.setGroupCode("G1")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Starts every member's production of the composante and hands the group's production in once. */
    List<ProcessInstance> handIn(String component) {
        List<ProcessInstance> members = group.stream().map(member -> fixture.startProduction(campaign, member, component)).toList();
        fixture.submitAll(fixture.productionId(members.get(0)), component, AssessmentFixture.FRENCH);
        return members;
    }

    List<Production> productionsOf(List<ProcessInstance> members) {
        return members.stream().map(member -> productions.findByProcessKey(member.getBusinessKey()).orElseThrow()).toList();
    }

    ProcessInstance sittingOf(List<ProcessInstance> members) {
        ProcessInstance sitting = fixture.groupSitting(members.get(0));
        assertThat(sitting).isNotNull();
        for (ProcessInstance member : members) {
            assertThat(fixture.groupSitting(member).getId()).isEqualTo(sitting.getId());
        }
        return sitting;
    }

    /** The coordinator scheduling the group's oral reads what tiers-temps gives each member who has it, and only them. */
    @Test
    void theGroupsOralSchedulingShowsItsTiersTempsMember() {
        Candidate accommodated = group.get(1);
        accommodated.setAccommodation(fr.certiflow.campaign.Accommodation.TIERS_TEMPS, null);
        candidates.save(accommodated);
        List<ProcessInstance> members = handIn("A.1");
        ProcessInstance sitting = sittingOf(members);
        fixture.admissible(sitting);

        Task schedule = fixture.task(sitting, "Task_ScheduleOral");
        assertThat(tasks.getVariableLocal(schedule.getId(), "oralAccommodations")).isEqualTo("**Prénom2027\\-302 Nom2027\\-302**"
                + " — Aménagement : tiers-temps — temps de préparation et de soutenance majorés d'un tiers"
                + " (Règlement de certification MMDC v1, révision 2)");
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2));
        fixture.submit(schedule, "coordo", Map.of("oralDate", oral.atZone(java.time.ZoneId.of("Europe/Paris"))
                .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 2"));
        List<Production> memberProductions = productionsOf(members);
        for (int i = 0; i < memberProductions.size(); i++) {
            boolean tiersTemps = i == 1;
            assertThat(notifications.findByProductionIdOrderById(memberProductions.get(i).getId()))
                    .filteredOn(n -> n.getKind().equals("CONVOCATION")).singleElement()
                    .satisfies(n -> assertThat(n.getBody().contains("- aménagement : tiers-temps — temps de préparation"))
                            .as("convocation of member %s", n.getRecipient()).isEqualTo(tiersTemps));
        }
    }

    @Test
    void aGroupOfThreeOnA1HasOneJuryOneOralAndIndividualResults() {
        List<ProcessInstance> members = handIn("A.1");
        for (ProcessInstance member : members) {
            BpmnAwareTests.assertThat(member).isWaitingAt("Task_AwaitGroupSitting");
            assertThat(fixture.task(member, "Task_CheckAdmissibility")).isNull();
        }
        ProcessInstance sitting = sittingOf(members);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.GROUP_ASSESSMENT)
                .processInstanceBusinessKeyLike(ProcessKeys.groupBusinessKey(campaign.getCode(), "G1", "A.1", 1, 0)).count())
                .isEqualTo(1);

        // One admissibility check, naming the group and its members.
        Task admissibility = fixture.task(sitting, "Task_CheckAdmissibility");
        assertThat(admissibility.getName()).startsWith("Vérifier la recevabilité — Groupe G1 : ")
                .contains("(n° 2027-301)", "(n° 2027-302)", "(n° 2027-303)").endsWith("— A.1");
        fixture.admissible(sitting);

        // One jury for the whole group.
        List<List<String>> juries = productionsOf(members).stream().map(production -> assignments
                .findByProductionIdOrderByJurorUserId(production.getId()).stream().map(JuryAssignment::getJurorUserId).toList()).toList();
        assertThat(juries).containsOnly(List.of("jure1", "jure2"));

        // One oral, scheduled once, with one timer; each member convened.
        Task schedule = fixture.task(sitting, "Task_ScheduleOral");
        assertThat(schedule.getName()).startsWith("Planifier la soutenance du groupe — Groupe G1 : ");
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2));
        fixture.submit(schedule, "coordo", Map.of("oralDate", oral.atZone(java.time.ZoneId.of("Europe/Paris"))
                .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 2"));
        assertThat(management.createJobQuery().timers().processInstanceId(sitting.getId()).count()).isEqualTo(1);
        for (ProcessInstance member : members) {
            assertThat(management.createJobQuery().timers().processInstanceId(member.getId()).count()).isZero();
        }
        assertThat(productionsOf(members)).allSatisfy(production -> assertThat(production.getOralPlace()).isEqualTo("Salle 2"));
        assertThat(notifications.findAll()).filteredOn(n -> n.getKind().equals("CONVOCATION")
                && productionsOf(members).stream().anyMatch(p -> p.getId().equals(n.getProductionId()))).hasSize(3);
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));

        // One task per juror, for every member.
        List<Task> evaluationTasks = fixture.tasksOf(sitting, "Task_EvaluateGroup");
        assertThat(evaluationTasks).extracting(Task::getAssignee).containsExactly("jure1", "jure2");
        assertThat(evaluationTasks.get(0).getName()).startsWith("Évaluer les membres du groupe — Groupe G1 : ");
        assertThat(tasks.getVariableLocal(evaluationTasks.get(0).getId(), "member2Label")).asString()
                .contains("Membre 2", "2027-302");
        // Both jurors find member 2's analysis insufficient; member 3's second criterion is judged differently.
        AssessmentFixture.MemberRating rating = (juror, member, key) -> member == 2 ? "NON_ACQUIS"
                : member == 3 && key.endsWith("CR2") && juror.equals("jure2") ? "NON_ACQUIS" : "ACQUIS";
        for (Task task : evaluationTasks) {
            fixture.submit(task, task.getAssignee(), fixture.groupEvaluation(task, "A.1", rating, Set.of()));
        }
        for (Production production : productionsOf(members)) {
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(production.getId())).hasSize(2);
        }

        // The president harmonises member 3 only, on a task that names them.
        List<Task> harmonisations = fixture.tasksOf(sitting, "Task_Harmonise");
        assertThat(harmonisations).singleElement().satisfies(task ->
                assertThat(task.getName()).isEqualTo("Harmoniser les évaluations — Groupe G1 — Prénom2027-303 Nom2027-303 (n° 2027-303) — A.1"));
        fixture.submit(harmonisations.get(0), "president", Map.of("A1_CR1_agreed", "ACQUIS", "A1_CR2_agreed", "NON_ACQUIS",
                "A1_CR3_agreed", "ACQUIS", "harmonisationComment", "La démarche d'analyse n'est pas démontrée à l'oral."));

        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("Task_NotifyMembers", "EndEvent_Assessed");
        for (ProcessInstance member : members) {
            BpmnAwareTests.assertThat(member).isEnded().hasPassed("Task_DecideComponentResult", "EndEvent_Assessed");
        }
        assertThat(productionsOf(members)).extracting(Production::getResult)
                .containsExactly("VALIDE", "NON_VALIDE", "NON_VALIDE");
        assertThat(productionsOf(members)).extracting(Production::getStatus).containsOnly(ProductionStatus.ASSESSED);
    }

    @Test
    void aGroupOfThreeOnA3WithAMemberAbsentAtTheOral() {
        List<ProcessInstance> members = handIn("A.3");
        ProcessInstance sitting = sittingOf(members);
        // One admissibility check for the group, on the référentiel's nine required contents of A.3.
        assertThat(fixture.tasksOf(sitting, "Task_CheckAdmissibility")).singleElement().satisfies(task ->
                assertThat(task.getName()).startsWith("Vérifier la recevabilité — Groupe G1 : ").endsWith("— A.3"));
        fixture.admissible(sitting);
        // One jury for the whole group, one oral timer: the sitting's, none on the members.
        assertThat(productionsOf(members).stream().map(production -> assignments.findByProductionIdOrderByJurorUserId(
                production.getId()).stream().map(JuryAssignment::getJurorUserId).toList()).toList())
                .containsOnly(List.of("jure1", "jure2"));
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3));
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate", oral.atZone(
                java.time.ZoneId.of("Europe/Paris")).toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 3"));
        assertThat(management.createJobQuery().timers().processInstanceId(sitting.getId()).count()).isEqualTo(1);
        for (ProcessInstance member : members) {
            assertThat(management.createJobQuery().timers().processInstanceId(member.getId()).count()).isZero();
        }
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));
        assertThat(fixture.tasksOf(sitting, "Task_EvaluateGroup")).extracting(Task::getAssignee).containsExactly("jure1", "jure2");
        // Member 1's sixth criterion is not acquired (both jurors agree), member 3 is absent.
        fixture.completeGroupSitting(sitting, (juror, member, key) -> member == 1 && key.endsWith("CR6") ? "NON_ACQUIS" : "ACQUIS",
                Set.of(3));

        BpmnAwareTests.assertThat(sitting).isEnded();
        // No timer left on the sitting or on any member (other tests' instances may still hold theirs).
        assertThat(management.createJobQuery().timers().processInstanceId(sitting.getId()).count()).isZero();
        for (ProcessInstance member : members) {
            assertThat(management.createJobQuery().timers().processInstanceId(member.getId()).count()).isZero();
        }
        BpmnAwareTests.assertThat(members.get(2)).isEnded().hasPassed("Task_RecordOralAbsence", "EndEvent_AbsentAtOral");
        assertThat(productionsOf(members)).extracting(Production::getResult).containsExactly("NON_VALIDE", "VALIDE", "ABSENT");
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionsOf(members).get(2).getId())).isEmpty();
    }

    @Test
    void aJurorMayNotContradictTheAbsenceAnotherJurorRecorded() {
        List<ProcessInstance> members = handIn("A.1");
        ProcessInstance sitting = sittingOf(members);
        fixture.admissible(sitting);
        Task schedule = fixture.task(sitting, "Task_ScheduleOral");
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(schedule, "coordo", Map.of("oralDate", oral.atZone(java.time.ZoneId.of("Europe/Paris"))
                .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 1"));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));
        List<Task> evaluationTasks = fixture.tasksOf(sitting, "Task_EvaluateGroup");
        fixture.submit(evaluationTasks.get(0), "jure1", fixture.groupEvaluation(evaluationTasks.get(0), "A.1",
                (juror, member, key) -> "ACQUIS", Set.of(2)));

        assertThatThrownBy(() -> fixture.submit(evaluationTasks.get(1), "jure2", fixture.groupEvaluation(evaluationTasks.get(1),
                "A.1", (juror, member, key) -> "ACQUIS", Set.of())))
                .hasMessageContaining("déclaré(e) absent(e) à la soutenance par un autre juré");
        assertThat(tasks.createTaskQuery().taskId(evaluationTasks.get(1).getId()).count()).isEqualTo(1);
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionsOf(members).get(0).getId()))
                .extracting(e -> e.getJurorUserId()).containsExactly("jure1");
    }

    @Test
    void aConflictOfInterestWithOneMemberMovesTheWholeGroupToAnotherJuror() {
        Juror jure1 = jurors.findByCampaignIdAndUserId(campaign.getId(), "jure1").orElseThrow();
        jure1.setConflicts("2027-302");
        jurors.save(jure1);
        List<ProcessInstance> members = handIn("A.1");
        ProcessInstance sitting = sittingOf(members);
        fixture.admissible(sitting);

        for (Production production : productionsOf(members)) {
            assertThat(assignments.findByProductionIdOrderByJurorUserId(production.getId()))
                    .extracting(JuryAssignment::getJurorUserId).containsExactly("jure2", "jure3");
        }
    }

    @Test
    void aGroupEvaluationIsTheDesignatedJurorsAloneAndARefusalChangesNothing() {
        List<ProcessInstance> members = handIn("A.1");
        ProcessInstance sitting = sittingOf(members);
        fixture.admissible(sitting);
        Task schedule = fixture.task(sitting, "Task_ScheduleOral");
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(schedule, "coordo", Map.of("oralDate", oral.atZone(java.time.ZoneId.of("Europe/Paris"))
                .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 1"));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));
        Task jure1Task = fixture.tasksOf(sitting, "Task_EvaluateGroup").get(0);
        Map<String, Object> values = fixture.groupEvaluation(jure1Task, "A.1", (juror, member, key) -> "ACQUIS", Set.of());

        for (String intruder : List.of("jure2", "coordo", "manager", "president")) {
            assertThatThrownBy(() -> fixture.submit(jure1Task, intruder, values)).as(intruder).isNotNull();
        }
        assertThatThrownBy(() -> {
            engine.getIdentityService().setAuthentication("jure1", List.of(fr.certiflow.identity.Groups.JURORS));
            try {
                tasks.setAssignee(jure1Task.getId(), "jure2");
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }).as("a juror hands their group evaluation to nobody").isNotNull();

        assertThat(tasks.createTaskQuery().taskId(jure1Task.getId()).singleResult().getAssignee()).isEqualTo("jure1");
        for (Production production : productionsOf(members)) {
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(production.getId())).isEmpty();
        }
        fixture.submit(jure1Task, "jure1", values);
        for (Production production : productionsOf(members)) {
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(production.getId()))
                    .extracting(e -> e.getJurorUserId()).containsExactly("jure1");
        }
    }

    @Test
    void aReturnGoesToEveryMemberAndTheNewHandInOpensANewSitting() {
        List<ProcessInstance> members = handIn("A.1");
        ProcessInstance sitting = sittingOf(members);
        fixture.submit(fixture.task(sitting, "Task_CheckAdmissibility"), "coordo",
                Map.of("admissibility", "A_RETOURNER", "returnReason", "L'annexe 2 manque."));

        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("Task_ReturnToGroup", "EndEvent_Returned");
        for (ProcessInstance member : members) {
            BpmnAwareTests.assertThat(member).isWaitingAt("Task_AwaitSubmission");
        }
        assertThat(productionsOf(members)).allSatisfy(production -> {
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.RETURNED);
            assertThat(production.getReturnedCount()).isEqualTo(1);
        });

        fixture.submitAll(fixture.productionId(members.get(1)), "A.1", AssessmentFixture.FRENCH);
        ProcessInstance second = sittingOf(members);
        assertThat(second.getId()).isNotEqualTo(sitting.getId());
        fixture.completeGroupSitting(second, (juror, member, key) -> "ACQUIS", Set.of());
        assertThat(productionsOf(members)).extracting(Production::getResult).containsOnly("VALIDE");
    }

    @Test
    void aResitIsIndividual() {
        ProcessInstance resit = fixture.startProduction(campaign, group.get(0), "A.1", 2);
        fixture.submitAll(fixture.productionId(resit), "A.1", AssessmentFixture.FRENCH);
        BpmnAwareTests.assertThat(resit).isWaitingAt("Task_CheckAdmissibility");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.GROUP_ASSESSMENT)
                .processInstanceBusinessKeyLike("group:" + campaign.getCode() + "/%").count()).isZero();
        assertThat(submissions.findById(productions.findByProcessKey(resit.getBusinessKey()).orElseThrow().getSubmissionId())
                .orElseThrow().getOwnerKey()).as("the member hands in their own resit").isEqualTo("candidate:2027-301");
    }
}
