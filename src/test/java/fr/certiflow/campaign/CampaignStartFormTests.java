package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.jury.JuryPoolImport;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.ProcessKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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

/** A coordinator starts a campaign from Tasklist's start form, imports the cohort and the jury, and launches it. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class CampaignStartFormTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    CohortImport cohort;
    @Autowired
    JuryPoolImport jury;
    @Autowired
    AssessmentFixture fixture;

    String code;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        SmallCampaignLaunch.today();
        code = "TL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Map<String, Object> startForm() {
        Map<String, Object> values = new HashMap<>();
        values.put("newCampaignCode", code);
        values.put("newCampaignName", "Session d'automne");
        values.put("referentialCode", "MMDC");
        values.put("opensOn", "2027-09-01");
        values.put("submissionDeadlineOn", "2027-11-30");
        values.put("evaluationDeadlineOn", "2027-12-20");
        values.put("reminderDays", 7L);
        return values;
    }

    ProcessInstance start(Map<String, Object> values) {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.CAMPAIGN)
                .latestVersion().singleResult().getId();
        return forms.submitStartForm(definition, values);
    }

    @Test
    void theStartFormCreatesTheCampaignWhichLaunchesOnceItsCohortAndJuryAreImported() {
        ProcessInstance process = start(startForm());

        BpmnAwareTests.assertThat(process).isWaitingAt("Task_PrepareCohort");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).singleResult().getBusinessKey()).isEqualTo(code);
        Campaign campaign = campaigns.findByCode(code).orElseThrow();
        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(campaign.getSubmissionDeadlines()).hasSize(5)
                .containsEntry("A.5", Instant.parse("2027-11-30T22:59:00Z"));
        assertThat(campaign.getOpensAt()).isEqualTo(Instant.parse("2027-08-31T22:00:00Z"));

        var task = fixture.task(process, "Task_PrepareCohort");
        assertThatThrownBy(() -> fixture.submit(task, "coordo", Map.of("cohortReady", true)))
                .hasMessageContaining("n'a aucun candidat : importez la cohorte avant de la lancer");

        cohort.importFile(campaign.getId(), "cohorte.csv", new java.io.ByteArrayInputStream(("N° candidat;Nom;Prénom;Courriel;Groupe\n"
                + "2027-001;Martin;Léa;lea@example.org;G1\n2027-002;Petit;Noé;noe@example.org;G1\n").getBytes(StandardCharsets.UTF_8)));
        jury.importFile(campaign.getId(), "jury.csv", new java.io.ByteArrayInputStream(("Identifiant;Nom;Professionnel extérieur;Qualifié en anglais\n"
                + "jure1;Julien Juré;oui;non\njure2;Jeanne Jurée;non;non\njure3;Jessica Jurée;oui;oui\n").getBytes(StandardCharsets.UTF_8)),
                "coordo");
        fixture.submit(task, "coordo", Map.of("cohortReady", true));

        assertThat(campaigns.findByCode(code).orElseThrow().getStatus()).isEqualTo(CampaignStatus.LAUNCHED);
        assertThat(fixture.blocsOf(process)).hasSize(6);
    }

    @Test
    void theStartFormRecordsTheCollectiveComposantesPassedWithoutAGroupAndRefusesOthers() {
        Map<String, Object> values = startForm();
        values.put("individualWorkAllowed", "A.2");
        assertThatThrownBy(() -> start(values)).hasMessageContaining("La campagne ne peut pas être créée")
                .hasMessageContaining("« A.2 » n'est pas une composante évaluée en");
        assertThat(campaigns.findByCode(code)).isEmpty();

        values.put("individualWorkAllowed", " A.3 ");
        start(values);
        assertThat(campaigns.findByCode(code).orElseThrow().getIndividualWorkAllowed()).containsExactly("A.3");
    }

    @Test
    void anInvalidStartFormStartsNothing() {
        Map<String, Object> values = startForm();
        values.put("submissionDeadlineOn", "2027-08-01");
        values.put("newCampaignCode", "avec espace");

        assertThatThrownBy(() -> start(values))
                .hasMessageContaining("La campagne ne peut pas être créée")
                .hasMessageContaining("code obligatoire : lettres, chiffres")
                .hasMessageContaining("submissionDeadlines.A.1 doit suivre le début de la période de remise");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.CAMPAIGN)
                .processInstanceBusinessKey("avec espace").count()).isZero();
        assertThat(campaigns.findByCode("avec espace")).isEmpty();
    }

    @Test
    void aStartFormWhoseDatesArePastOrOutOfOrderStartsNothing() {
        // Today is 30/11/2026 in Paris: the form's days open at midnight and close at 23:59.
        Map<String, Object> values = startForm();
        values.put("opensOn", "2026-11-29");
        values.put("submissionDeadlineOn", "2027-01-15");
        values.put("evaluationDeadlineOn", "2027-01-15");
        values.put("deliberationOn", "2027-01-10");

        assertThatThrownBy(() -> start(values))
                .hasMessageContaining("La campagne ne peut pas être créée")
                .hasMessageContaining("opensAt ne peut pas précéder aujourd'hui (30/11/2026)")
                .hasMessageContaining("evaluationDeadline doit suivre la dernière date limite de remise (15/01/2027 23:59)")
                .hasMessageContaining("deliberationDate doit suivre la date limite d'évaluation (15/01/2027 23:59)");
        assertThat(campaigns.findByCode(code)).isEmpty();

        values.put("opensOn", "2026-11-30");
        values.put("evaluationDeadlineOn", "2027-01-16");
        values.put("deliberationOn", "2027-01-17");
        start(values);
        assertThat(campaigns.findByCode(code)).isPresent();
    }

    @Test
    void aStartFormDayThatDoesNotExistOrCarriesMoreStartsNothing() {
        for (String day : new String[] {"2027-02-31", "2027-09-01xyz", "01/09/2027"}) {
            Map<String, Object> values = startForm();
            values.put("submissionDeadlineOn", day);

            assertThatThrownBy(() -> start(values)).hasMessageContaining("Date illisible : « " + day + " »");
            assertThat(campaigns.findByCode(code)).isEmpty();
        }
    }
}
