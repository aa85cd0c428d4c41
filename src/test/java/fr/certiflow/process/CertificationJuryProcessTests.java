package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.deliberation.CertificationDecision;
import fr.certiflow.deliberation.CertificationJury;
import fr.certiflow.deliberation.CertificationJuryRepository;
import fr.certiflow.documents.MinutesService;
import fr.certiflow.notification.NotificationRepository;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The certification jury of a campaign: designated from the pool, chaired by a jury president of the pool, deciding
 * candidate by candidate. The cohort has every bloc of the campaign acquired earlier, so the campaign goes straight to
 * its jury: six candidates, five proposed « Délivrée », one « Non délivrée ».
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class CertificationJuryProcessTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    CertificationJuryRepository juries;
    @Autowired
    MinutesService minutes;
    @Autowired
    NotificationRepository notifications;

    Campaign campaign;
    List<Candidate> cohort = new ArrayList<>();
    ProcessInstance process;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> c.getBlocs().retainAll(List.of("BC3")));
        fixture.standardJury(campaign);
        for (int i = 1; i <= 6; i++) {
            boolean complete = i < 6;
            cohort.add(fixture.candidate(campaign, "2027-30" + i, candidate -> {
                candidate.getAcquiredBlocs().put("BC3", AssessmentFixture.acquiredOn());
                if (complete) {
                    candidate.getAcquiredBlocs().put("BC1", AssessmentFixture.acquiredOn());
                    candidate.getAcquiredBlocs().put("BC2", AssessmentFixture.acquiredOn());
                }
            }));
        }
        process = fixture.launch(campaign);
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_CertificationJury");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Task jury() {
        return fixture.task(process, "Task_CertificationJury");
    }

    @Test
    void theTaskShowsEachProposalInFrenchTheRulesAndThePoolToChooseFrom() {
        Map<String, Object> shown = tasks.getVariablesLocal(jury().getId());
        SpinJsonNode proposals = (SpinJsonNode) shown.get("certificationProposals");
        assertThat(proposals.elements()).hasSize(6);
        assertThat(proposals.elements().get(0).prop("number").stringValue()).isEqualTo("2027-301");
        assertThat(proposals.elements().get(0).prop("proposal").stringValue()).isEqualTo("Délivrée");
        assertThat(proposals.elements().get(0).prop("blocs").stringValue()).isEqualTo("BC1, BC2, BC3");
        assertThat(proposals.elements().get(5).prop("proposal").stringValue()).isEqualTo("Non délivrée");
        assertThat(proposals.toString()).doesNotContain("DELIVREE");
        assertThat((String) shown.get("certificationJuryRules")).isEqualTo("Selon le Règlement de certification MMDC v1, "
                + "révision 2, le jury de certification compte au moins 3 membres du jury de la campagne ; il est présidé "
                + "par un président de jury du jury de la campagne, qui en est membre ; il délibère lorsqu'au moins 3 de "
                + "ses membres sont présents. La certification est proposée au candidat qui a tous ses blocs acquis "
                + "(validés lors de cette campagne, ou acquis lors d'une session antérieure et toujours valables).");
        SpinJsonNode pool = (SpinJsonNode) shown.get("certificationJuryPool");
        assertThat(pool.elements()).extracting(option -> option.prop("value").stringValue())
                .containsExactly("president", "jure1", "jure2", "jure3");
        assertThat(pool.elements().get(0).prop("label").stringValue()).isEqualTo("Président president — président de jury");
        assertThat((String) shown.get("minutesLink")).contains("/api/campaigns/" + campaign.getId() + "/minutes");
    }

    @Test
    void theJuryDecidesOtherwiseForOneCandidateOutOfManyWithItsJustificationRecorded() throws Exception {
        Instant sitting = Instant.parse("2027-06-30T12:30:00Z");
        ClockUtil.setCurrentTime(java.util.Date.from(sitting));
        fixture.submit(jury(), "president", AssessmentFixture.certificationJury(List.of("jure1", "jure2", "jure3"),
                List.of("jure1", "jure3"), List.of(List.of("2027-303", "Non délivrée", "Plagiat établi après la session : "
                        + "le jury retire la certification."))));

        BpmnAwareTests.assertThat(process).isEnded().hasPassed("Task_DrawUpMinutes", "Task_PublishResults");
        CertificationJury jury = juries.findByCampaignId(campaign.getId()).orElseThrow();
        assertThat(jury.getChairedBy()).isEqualTo("president");
        assertThat(jury.getSatAt()).isEqualTo(sitting);
        assertThat(jury.getPolicySource()).isEqualTo("Règlement de certification MMDC v1, révision 2");
        assertThat(jury.getQuorum()).isEqualTo(3);
        assertThat(jury.getMembers()).extracting(CertificationJury.Member::getUserId, CertificationJury.Member::isPresent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("president", true), org.assertj.core.groups.Tuple.tuple("jure1", true),
                        org.assertj.core.groups.Tuple.tuple("jure2", false), org.assertj.core.groups.Tuple.tuple("jure3", true));

        List<CertificationDecision> decisions = fixture.decisions.findByCampaignIdOrderByCandidateId(campaign.getId());
        assertThat(decisions).hasSize(6).allSatisfy(decision -> {
            assertThat(decision.getJuryId()).isEqualTo(jury.getId());
            assertThat(decision.getDecidedBy()).isEqualTo("president");
            assertThat(decision.getDecidedAt()).isEqualTo(sitting);
        });
        CertificationDecision derogation = decisions.get(2);
        assertThat(derogation.getCandidateId()).isEqualTo(cohort.get(2).getId());
        assertThat(derogation.getProposed()).isEqualTo("DELIVREE");
        assertThat(derogation.getDecision()).isEqualTo("NON_DELIVREE");
        assertThat(derogation.getFollowsProposal()).isFalse();
        assertThat(derogation.getJustification()).isEqualTo("Plagiat établi après la session : le jury retire la certification.");
        assertThat(decisions).filteredOn(decision -> decision != derogation).allSatisfy(decision -> {
            assertThat(decision.getDecision()).isEqualTo(decision.getProposed());
            assertThat(decision.getFollowsProposal()).isTrue();
            assertThat(decision.getJustification()).isNull();
        });
        assertThat(decisions.get(5).getDecision()).isEqualTo("NON_DELIVREE");
        assertThat(notifications.findAll()).filteredOn(n -> n.getRecipient().equals("candidat2027-303@example.org")
                && n.getSubject().contains(campaign.getName()) && n.getBody().contains("Certification non délivrée")).isNotEmpty();

        // The PV: the members who sat (not the pool), each decision, the derogation and its justification.
        byte[] pv = minutes.minutes(campaign.getId());
        Path file = Path.of("target", "minutes", "certification-jury.xlsx");
        Files.createDirectories(file.getParent());
        Files.write(file, pv);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(pv))) {
            DataFormatter format = new DataFormatter();
            // The table, then the jury and its signatures on a sheet of their own.
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.add(format.formatCellValue(cell)))));
        }
        assertThat(cells).contains("Certification : Non délivrée au lieu de Délivrée (proposée) — Plagiat établi après la "
                        + "session : le jury retire la certification.", "Non délivrée (dérogation)", "Délivrée", "Non délivrée",
                "Jury de certification réuni le 30/06/2027 à 14:30 : membres présents",
                "Désigné selon le Règlement de certification MMDC v1, révision 2 (au moins 3 membres dont un président de jury, quorum de 3) : "
                        + "3 présent(s) sur 4 désigné(s).",
                "Président president — président du jury", "Juré jure1", "Juré jure3", "Juré jure2 — désigné, absent",
                "Le président du jury : Président president");
        assertThat(cells).doesNotContain("Membres du jury", "Certification délivrée");
    }

    @Test
    void anExceptionWithoutJustificationIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> fixture.submit(jury(), "president", AssessmentFixture.certificationJury(
                List.of("jure1", "jure2"), List.of("jure1", "jure2"), List.of(
                        List.of("2027-306", "DELIVREE", "Le bloc 1 a été validé par la commission de recours."),
                        List.of("2027-302", "NON_DELIVREE", "  ")))))
                .hasMessageContaining("Ligne 2 (candidat « 2027-302 ») : le jury décide « Non délivrée » au lieu de "
                        + "« Délivrée » : une justification écrite est obligatoire.");
        nothingRecorded();
    }

    @Test
    void aQuorumNotMetIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> fixture.submit(jury(), "president", AssessmentFixture.certificationJury(
                List.of("jure1", "jure2", "jure3"), List.of("jure1"), List.of())))
                .hasMessageContaining("Quorum non atteint : 2 membre(s) présent(s) sur 4 désigné(s), le Règlement de "
                        + "certification MMDC v1, révision 2 en exige 3.");
        nothingRecorded();
    }

    @Test
    void anUnknownCandidateOrDecisionIsRefusedByName() {
        assertThatThrownBy(() -> fixture.submit(jury(), "president", AssessmentFixture.certificationJury(
                List.of("jure1", "jure2"), List.of("jure1", "jure2"), List.of(
                        List.of("2027-399", "NON_DELIVREE", "Motif."), List.of("2027-301", "AJOURNE", "Motif.")))))
                .hasMessageContaining("Ligne 1 (candidat « 2027-399 ») : aucun candidat de cette session ne porte ce numéro.")
                .hasMessageContaining("Ligne 2 (candidat « 2027-301 ») : décision « AJOURNE » inconnue");
        nothingRecorded();
    }

    @Test
    void onlyAJuryPresidentOfTheCampaignsPoolChairsTheJury() {
        Map<String, Object> values = AssessmentFixture.certificationJury(List.of("jure1", "jure2"), List.of("jure1", "jure2"),
                List.of());
        // A coordinator or a juror may not even work on the task (it is the jury presidents' group's).
        assertThatThrownBy(() -> fixture.submit(jury(), "coordo", values)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> fixture.submit(jury(), "jure1", values)).isInstanceOf(AuthorizationException.class);
        // A jury president, but of another campaign's pool.
        Campaign other = fixture.campaign(c -> { });
        fixture.president(other, "president.autre");
        assertThatThrownBy(() -> fixture.submit(jury(), "president.autre", values))
                .hasMessageContaining("président de jury du jury de la campagne : president.autre n'en est pas un");
        assertThatThrownBy(() -> fixture.submit(jury(), "president", AssessmentFixture.certificationJury(
                List.of("jure1", "jure.inconnu"), List.of("jure1"), List.of())))
                .hasMessageContaining("« jure.inconnu » n'est pas membre du jury de cette campagne");
        nothingRecorded();
    }

    private void nothingRecorded() {
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_CertificationJury");
        assertThat(jury()).isNotNull();
        assertThat(juries.findByCampaignId(campaign.getId())).isEmpty();
        assertThat(fixture.decisions.findByCampaignIdOrderByCandidateId(campaign.getId())).hasSize(6)
                .allSatisfy(decision -> {
                    assertThat(decision.getDecision()).isNull();
                    assertThat(decision.getJuryId()).isNull();
                    assertThat(decision.getJustification()).isNull();
                });
        assertThat(fixture.campaigns.findById(campaign.getId()).orElseThrow().getStatus())
                .isEqualTo(fr.certiflow.campaign.CampaignStatus.LAUNCHED);
    }
}
