package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Accommodation;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.documents.ConsolidatedGrids;
import fr.certiflow.documents.MinutesService;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.jury.JuryDerogation;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.notification.NotificationRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.production.SubmissionService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A sitting (a group's, a VAE candidate's bloc) whose jury no rule can find: a coordinator designates it by hand, under
 * the règlement checked for every member, a derogation recorded on every member's production. And the sitting's
 * admissibility, which is every member's: each one's deadline counts for a return, each one's production becomes
 * admissible.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class SittingManualDesignationProcessTests {

    static final String REASON = "Seul professionnel extérieur disponible avant la date limite d'évaluation.";

    final AssessmentFixture fixture;
    final ProcessEngine engine;
    final JuryAssignmentRepository assignments;
    final JuryDerogationRepository derogations;
    final ConsolidatedGrids consolidatedGrids;
    final MinutesService minutes;
    final SubmissionService submissions;
    final NotificationRepository notifications;

    @Autowired
    SittingManualDesignationProcessTests(org.springframework.context.ApplicationContext beans) {
        fixture = beans.getBean(AssessmentFixture.class);
        engine = beans.getBean(ProcessEngine.class);
        assignments = beans.getBean(JuryAssignmentRepository.class);
        derogations = beans.getBean(JuryDerogationRepository.class);
        consolidatedGrids = beans.getBean(ConsolidatedGrids.class);
        minutes = beans.getBean(MinutesService.class);
        submissions = beans.getBean(SubmissionService.class);
        notifications = beans.getBean(NotificationRepository.class);
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Three members of group G1, each customised in turn (1-based). */
    List<Candidate> group(Campaign campaign, java.util.function.BiConsumer<Integer, Candidate> customise) {
        List<Candidate> members = new ArrayList<>();
        for (int member = 1; member <= 3; member++) {
            int index = member;
            members.add(fixture.candidate(campaign, "2027-30" + member, candidate -> {
                candidate.setGroupCode("G1");
                customise.accept(index, candidate);
            }));
        }
        return members;
    }

    /** Every member's production of the composante started, the group's production handed in once: the sitting. */
    ProcessInstance handIn(Campaign campaign, List<Candidate> group, String component, List<ProcessInstance> members) {
        for (Candidate candidate : group) {
            members.add(fixture.startProduction(campaign, candidate, component));
        }
        fixture.submitAll(fixture.productionId(members.get(0)), component, AssessmentFixture.FRENCH);
        ProcessInstance sitting = fixture.groupSitting(members.get(0));
        assertThat(sitting).isNotNull();
        return sitting;
    }

    List<Production> productionsOf(List<ProcessInstance> members) {
        return members.stream().map(member -> fixture.productions.findByProcessKey(member.getBusinessKey()).orElseThrow()).toList();
    }

    @Test
    void aGroupWhoseJuryNoRuleFindsIsDesignatedByHandUnderTheRulesForEveryMember() {
        // The pool's only external professional trains member 2: no jury meets every rule for the whole group.
        Campaign campaign = fixture.campaign(c -> { });
        fixture.juror(campaign, "jure2", false, false);
        fixture.juror(campaign, "jure5", true, false);
        List<Candidate> group = group(campaign, (member, candidate) -> {
            if (member == 2) {
                candidate.setTrainer("Juré jure5");
            }
        });
        List<ProcessInstance> members = new ArrayList<>();
        ProcessInstance sitting = handIn(campaign, group, "A.1", members);
        fixture.admissible(sitting);

        // Accepted once for the group: every member's production is admissible, not only the first one's.
        assertThat(productionsOf(members)).extracting(Production::getStatus).containsOnly(ProductionStatus.ADMISSIBLE);
        BpmnAwareTests.assertThat(sitting).isWaitingAt("Task_AssignJuryManually").hasPassed("Event_NoEligibleJuror");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(sitting.getId()).count()).isZero();
        Task manual = fixture.task(sitting, "Task_AssignJuryManually");
        assertThat(manual.getName()).startsWith("Désigner les jurés du groupe manuellement — Groupe G1 : ")
                .contains("(n° 2027-301)", "(n° 2027-302)", "(n° 2027-303)").endsWith("— A.1");
        assertThat(engine.getTaskService().createTaskQuery().taskId(manual.getId()).taskCandidateGroup("coordinators").count())
                .isEqualTo(1);
        var shown = engine.getFormService().getTaskFormVariables(manual.getId());
        assertThat(shown.getValue("juryRules", String.class))
                .startsWith("**Composition du jury** selon le Règlement de certification MMDC v1, révision 2 :")
                .contains("Un seul jury pour toute la séance", "Prénom2027-303 Nom2027-303 (n° 2027-303)");
        assertThat(shown.getValue("juryPool", String.class))
                .contains("| Objections pour les membres |")
                .contains("| Juré jure2 | jure2 | interne | 0 / 100 | aucune |")
                .contains("| Juré jure5 | jure5 | professionnel extérieur | 0 / 100 | **formateur ou tuteur du candidat — "
                        + "Prénom2027-302 Nom2027-302 (n° 2027-302)** |");

        // A rule set aside without a written reason: refused, naming the rule and the member; nothing recorded.
        assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure5")))
                .hasMessageContaining("Ce jury s'écarte du Règlement de certification MMDC v1, révision 2 : Juré jure5 : "
                        + "formateur ou tuteur du candidat — Prénom2027-302 Nom2027-302 (n° 2027-302). ")
                .hasMessageContaining("« Motif de la dérogation » (au moins 15 caractères)");
        assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure5", "derogationReason", "Urgence.")))
                .hasMessageContaining("Juré jure5 : formateur ou tuteur du candidat — Prénom2027-302 Nom2027-302 "
                        + "(n° 2027-302) ; 1 juré désigné, le règlement en prévoit 2");
        BpmnAwareTests.assertThat(sitting).isWaitingAt("Task_AssignJuryManually");
        assertThat(fixture.task(sitting, "Task_AssignJuryManually").getId()).isEqualTo(manual.getId());
        for (Production production : productionsOf(members)) {
            assertThat(assignments.findByProductionIdOrderByJurorUserId(production.getId())).isEmpty();
            assertThat(derogations.findByProductionId(production.getId())).isEmpty();
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.ADMISSIBLE);
        }

        // With a reason: one jury for the three members, the derogation on each member's production.
        fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure5", "derogationReason", REASON));

        BpmnAwareTests.assertThat(sitting).isWaitingAt("Task_ScheduleOral").hasPassed("Task_AssignJuryManually", "Task_GenerateGrids");
        String shownOnGrid = "Dérogation au Règlement de certification MMDC v1, révision 2 : Juré jure5 : formateur ou tuteur du "
                + "candidat — Prénom2027-302 Nom2027-302 (n° 2027-302) — motif : " + REASON + " — coordo, le 04/01/2027";
        for (Production production : productionsOf(members)) {
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.JURY_ASSIGNED);
            assertThat(assignments.findByProductionIdOrderByJurorUserId(production.getId()))
                    .extracting(JuryAssignment::getJurorUserId, JuryAssignment::isManual)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("jure2", true),
                            org.assertj.core.groups.Tuple.tuple("jure5", true));
            JuryDerogation derogation = derogations.findByProductionId(production.getId()).orElseThrow();
            assertThat(derogation.getSource()).isEqualTo("Règlement de certification MMDC v1, révision 2");
            assertThat(derogation.breaches()).containsExactly(
                    "Juré jure5 : formateur ou tuteur du candidat — Prénom2027-302 Nom2027-302 (n° 2027-302)");
            assertThat(derogation.getReason()).isEqualTo(REASON);
            assertThat(derogation.getDecidedBy()).isEqualTo("coordo");
            // The group's consolidated workbook (a sheet per member) names the jurors without their logins.
            assertThat(ProductionAssessmentProcessTests.visibleCells(consolidatedGrids.of(production.getId())))
                    .contains("Jury : Juré jure2, Juré jure5 — désigné par un coordinateur", shownOnGrid);
        }
        assertThat(ProductionAssessmentProcessTests.cells(minutes.minutes(campaign.getId()), "Procès-verbal"))
                .filteredOn(cell -> cell.contains(shownOnGrid)).hasSize(3);
        // Each juror then evaluates the three members in one task, as after the rule's designation.
        fixture.completeGroupSitting(sitting, (juror, member, key) -> "ACQUIS", java.util.Set.of());
        BpmnAwareTests.assertThat(sitting).isEnded();
        assertThat(productionsOf(members)).extracting(Production::getResult).containsOnly("VALIDE");
    }

    @Test
    void aVaeSittingWhoseJuryNoRuleFindsIsDesignatedByHandWithTheDerogationOnEveryComposante() {
        Campaign campaign = fixture.campaign(c -> { });
        fixture.juror(campaign, "jure2", false, false);
        fixture.juror(campaign, "jure5", true, false);
        Candidate candidate = fixture.candidate(campaign, "2027-070", c -> {
            c.setPathway(Pathway.VAE);
            c.setTrainer("Juré jure5");
        });
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        List<ProcessInstance> components = fixture.productionsOf(bloc);
        submissions.upload(fixture.productionId(components.get(0)), "dossier", "dossier.txt",
                AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8), "coordo");
        fixture.runJobs();
        ProcessInstance sitting = fixture.groupSitting(components.get(0));
        fixture.admissible(sitting);

        BpmnAwareTests.assertThat(sitting).isWaitingAt("Task_AssignJuryManually").hasPassed("Event_NoEligibleJuror");
        Task manual = fixture.task(sitting, "Task_AssignJuryManually");
        assertThat(manual.getName()).isEqualTo("Désigner les jurés manuellement — Prénom2027-070 Nom2027-070 (2027-070, VAE)"
                + " — bloc BC1");
        // One candidate: the objection is theirs, on every composante, named once.
        assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure5")))
                .hasMessageContaining("Ce jury s'écarte du Règlement de certification MMDC v1, révision 2, jury de VAE : Juré jure5 : "
                        + "formateur ou tuteur du candidat. ");
        List<Production> composantes = components.stream()
                .map(component -> fixture.productions.findById(fixture.productionId(component)).orElseThrow()).toList();
        assertThat(composantes).allSatisfy(production ->
                assertThat(assignments.findByProductionIdOrderByJurorUserId(production.getId())).isEmpty());

        fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure5", "derogationReason", REASON));

        BpmnAwareTests.assertThat(sitting).isWaitingAt("Task_ScheduleOral");
        assertThat(composantes).extracting(Production::getComponentCode).containsExactly("A.1", "A.2");
        for (Production production : composantes) {
            assertThat(assignments.findByProductionIdOrderByJurorUserId(production.getId()))
                    .extracting(JuryAssignment::getJurorUserId).containsExactly("jure2", "jure5");
            JuryDerogation derogation = derogations.findByProductionId(production.getId()).orElseThrow();
            assertThat(derogation.getSource()).isEqualTo("Règlement de certification MMDC v1, révision 2, jury de VAE");
            assertThat(derogation.breaches()).containsExactly("Juré jure5 : formateur ou tuteur du candidat");
            assertThat(derogation.getReason()).isEqualTo(REASON);
        }
    }

    @Test
    void aReturnNeedsEveryMembersDeadlineAheadNotTheFirstMembersAndRecordsTheMissingItemsForEach() {
        // The first member has a tiers-temps: their deadline is later than the other two's.
        Campaign campaign = fixture.campaign(c -> { });
        fixture.standardJury(campaign);
        List<Candidate> group = group(campaign, (member, candidate) -> {
            if (member == 1) {
                candidate.setAccommodation(Accommodation.TIERS_TEMPS, null);
            }
        });
        List<ProcessInstance> members = new ArrayList<>();
        ProcessInstance sitting = handIn(campaign, group, "A.3", members);
        List<Production> produced = productionsOf(members);
        assertThat(produced.get(0).getDeadline()).isAfter(produced.get(1).getDeadline());
        Task check = fixture.task(sitting, "Task_CheckAdmissibility");
        // Two of the nine required contents missing.
        Map<String, Object> returned = Map.of("admissibility", "A_RETOURNER", "returnReason", "Complétez le dossier.",
                Variables.REQUIRED_CONTENTS_PRESENT, List.of("1", "2", "3", "4", "5", "6", "7"));

        // Past members 2 and 3's deadline, before member 1's: they could not hand it in again.
        fixture.moveClockTo(produced.get(1).getDeadline().plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> fixture.submit(check, "coordo", returned))
                .hasMessageContaining("La date limite de remise de Prénom2027-302 Nom2027-302 (n° 2027-302) est passée")
                .hasMessageContaining("la production du groupe ne peut plus être renvoyée");
        assertThat(productionsOf(members)).allSatisfy(production -> {
            assertThat(production.getReturnedCount()).isZero();
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.SUBMITTED);
        });

        // Before every deadline, the return goes to all three, each keeping the two missing items for their mail.
        ClockUtil.setCurrentTime(java.util.Date.from(produced.get(1).getDeadline().minus(Duration.ofDays(1))));
        fixture.submit(check, "coordo", returned);
        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("Task_ReturnToGroup");
        for (Production production : productionsOf(members)) {
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.RETURNED);
            assertThat(production.getMissingContents()).hasSize(2);
            assertThat(notifications.findAll()).filteredOn(n -> n.getKind().equals("RETURNED")
                    && production.getId().equals(n.getProductionId())).singleElement()
                    .satisfies(mail -> assertThat(mail.getBody()).contains(production.getMissingContents().get(0)));
        }
    }
}
