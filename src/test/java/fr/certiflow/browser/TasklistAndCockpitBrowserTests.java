package fr.certiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.deliberation.BlocResult;
import fr.certiflow.evaluation.Evaluation;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.process.AssessmentFixture;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real Tasklist and Cockpit in headless Chromium, as jurors, jury presidents and managers use them
 * ({@code mvn verify -Pbrowser-it}; screenshots in target/browser/).
 */
class TasklistAndCockpitBrowserTests extends BrowserTestSupport {

    @Autowired
    JuryDerogationRepository derogations;
    @Autowired
    fr.certiflow.deliberation.CertificationJuryRepository certificationJuries;
    @Autowired
    fr.certiflow.campaign.CandidateRepository candidates;

    @Test
    void aJurorEvaluatesInTheFormIsToldAboutAMissingCommentAndCompletes() {
        Long productionId = productionUnderEvaluation("2027-700");

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "jure1", "jure1-secret");
            browser.visible(By.xpath("//*[contains(text(), 'Mes évaluations')]"));
            browser.screenshot("01-juror-tasklist");
            browser.click(By.xpath("//h4[contains(., 'Évaluer la production — Candidat n° 2027-700 — A.4')]"));
            browser.visible(By.xpath("//h1[contains(., 'Évaluation — A.4')]"));
            List<WebElement> nonAcquis = browser.driver.findElements(By.xpath("//label[normalize-space()='Non acquis']"));
            List<WebElement> acquis = browser.driver.findElements(By.xpath("//label[normalize-space()='Acquis']"));
            assertThat(acquis).hasSize(4);
            browser.click(nonAcquis.get(0));
            for (int i = 1; i < 4; i++) {
                browser.click(acquis.get(i));
            }
            // The first indicator of the first criterion, labelled with its own text.
            browser.click(By.xpath("(//div[contains(@class, 'fjs-form-field-checklist')]//input[@type='checkbox'])[1]"));
            browser.screenshot("02-juror-form-filled");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            WebElement required = browser.visible(By.xpath("//*[contains(text(), 'Ce champ est obligatoire')]"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'});", required);
            browser.screenshot("03-juror-comment-required");
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionId)).isEmpty();

            WebElement comment = browser.visible(By.xpath("//label[contains(., 'Commentaire sur le critère 1 (obligatoire)')]"
                    + "/following::textarea[1]"));
            browser.click(comment);
            comment.sendKeys("Les objectifs individuels ne sont pas définis.");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.xpath("//h4[contains(., 'Candidat n° 2027-700')]")));
            browser.screenshot("04-juror-completed");
        }
        Evaluation recorded = evaluations.findByProductionIdAndJurorUserId(productionId, "jure1").orElseThrow();
        assertThat(recorded.getChannel()).isEqualTo("FORM");
        assertThat(recorded.rating("A.4-CR1").orElseThrow().getComment()).isEqualTo("Les objectifs individuels ne sont pas définis.");
        assertThat(recorded.rating("A.4-CR1").orElseThrow().getIndicators()).containsExactly(1);
    }

    @Test
    void aJurorLoggedIntoTasklistFollowsALinkToTheProductionFilesOfTheirEvaluationOnly() {
        Long productionId = productionUnderEvaluation("2027-703");

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "jure1", "jure1-secret");
            browser.visible(By.xpath("//*[contains(text(), 'Mes évaluations')]"));
            // The webapps' session, with its SameSite cookie, is what authenticates the link.
            browser.open("/api/productions/" + productionId + "/files");
            browser.wait.until(driver -> browser.text().contains("/api/productions/" + productionId + "/files/"));
            browser.screenshot("09-juror-production-files");
        }
        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "jure3", "jure3-secret");
            browser.visible(By.xpath("//*[contains(text(), 'Mes évaluations')]"));
            browser.open("/api/productions/" + productionId + "/files");
            browser.wait.until(driver -> browser.text().contains("Vous n'êtes pas juré de cette production."));
        }
    }

    @Test
    void aJuryPresidentOverridesADeliberationWithAJustification() {
        ProcessInstance bloc = fixture.startBloc(campaign, fixture.candidate(campaign, "2027-701"), "BC2");
        fixture.completeProductions(bloc, component -> "ACQUIS");

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "president", "president-secret");
            browser.click(By.xpath("//*[contains(text(), 'Délibérations')]"));
            browser.click(By.xpath("//h4[contains(., 'Délibérer sur le bloc — 2027-701')]"));
            // A task of the presidents' group: the president claims it first, as in Tasklist.
            browser.click(By.xpath("//button[contains(., 'Prendre en charge')]"));
            browser.visible(By.xpath("//h1[contains(., 'Délibération sur le bloc BC2')]"));
            browser.click(By.xpath("//label[normalize-space()='Non validé']"));
            WebElement justification = browser.visible(By.xpath("//label[contains(., 'Justification de la décision')]/following::textarea[1]"));
            browser.click(justification);
            justification.sendKeys("Production plagiée, constatée en soutenance.");
            browser.screenshot("05-president-override");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.withTimeout(Duration.ofSeconds(20)).until(driver ->
                    !blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaign.getId()).isEmpty());
            browser.screenshot("06-president-completed");
        }
        BlocResult result = blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaign.getId()).get(0);
        assertThat(result.getDecision()).isEqualTo("NON_VALIDE");
        assertThat(result.getProposed()).isEqualTo("VALIDE");
        assertThat(result.getJustification()).isEqualTo("Production plagiée, constatée en soutenance.");
        assertThat(result.getDecidedBy()).isEqualTo("president");
    }

    @Test
    void aCoordinatorSeesTheRulesAndThePoolThenDesignatesAJuryWithAJustifiedDerogation() {
        // The candidate's trainer is the pool's only external professional: no jury meets every rule.
        Campaign session = fixture.campaign(c -> { });
        fixture.juror(session, "jure2", false, false);
        fixture.juror(session, "jure5", true, false);
        ProcessInstance instance = fixture.startProduction(session,
                fixture.candidate(session, "2027-704", c -> c.setTrainer("Juré jure5")), "A.4");
        Long productionId = fixture.productionId(instance);
        fixture.submitAll(productionId, "A.4", AssessmentFixture.FRENCH);
        fixture.admissible(instance);

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "coordo", "coordo-secret");
            browser.click(By.xpath("//*[contains(text(), 'Dossiers à vérifier')]"));
            browser.click(By.xpath("//h4[contains(., 'Désigner les jurés manuellement — Candidat n° 2027-704')]"));
            browser.click(By.xpath("//button[contains(., 'Prendre en charge')]"));
            browser.visible(By.xpath("//h1[contains(., 'Désignation manuelle du jury')]"));
            browser.visible(By.xpath("//td[contains(., 'formateur ou tuteur du candidat')]"));
            assertThat(browser.text()).contains("Règlement de certification MMDC v1, révision 2", "2 jurés par production");
            WebElement ids = browser.visible(By.xpath("//label[contains(., 'Identifiants des jurés')]/following::input[1]"));
            browser.click(ids);
            ids.sendKeys("jure2, jure5");
            browser.screenshot("10-coordinator-manual-designation");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.until(driver -> browser.text().contains("Ce jury s'écarte du Règlement de certification MMDC v1, révision 2"));
            browser.screenshot("11-coordinator-derogation-required");
            assertThat(derogations.findByProductionId(productionId)).isEmpty();

            WebElement reason = browser.visible(By.xpath("//label[contains(., 'Motif de la dérogation')]/following::textarea[1]"));
            browser.click(reason);
            reason.sendKeys("Seul professionnel extérieur disponible avant la date limite.");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.withTimeout(Duration.ofSeconds(20)).until(driver -> derogations.findByProductionId(productionId).isPresent());
            browser.screenshot("12-coordinator-jury-designated");
        }
        assertThat(derogations.findByProductionId(productionId).orElseThrow().getDecidedBy()).isEqualTo("coordo");
    }

    @Test
    void theCertificationJuryConfirmsItsCohortAndDecidesOtherwiseForOneCandidate() {
        // Every bloc acquired earlier by all but one: the campaign goes straight to its certification jury.
        Campaign session = fixture.campaign(c -> c.getBlocs().retainAll(List.of("BC3")));
        fixture.standardJury(session);
        for (int i = 1; i <= 3; i++) {
            boolean complete = i < 3;
            fixture.candidate(session, "2027-80" + i, candidate -> {
                candidate.getAcquiredBlocs().put("BC3", AssessmentFixture.acquiredOn());
                if (complete) {
                    candidate.getAcquiredBlocs().put("BC1", AssessmentFixture.acquiredOn());
                    candidate.getAcquiredBlocs().put("BC2", AssessmentFixture.acquiredOn());
                }
            });
        }
        ProcessInstance process = fixture.launch(session);

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "president", "president-secret");
            browser.click(By.xpath("//*[contains(text(), 'Délibérations')]"));
            browser.click(By.xpath("//h4[contains(., 'Jury de certification')]"));
            browser.click(By.xpath("//button[contains(., 'Prendre en charge')]"));
            browser.visible(By.xpath("//h1[contains(., 'Jury de certification')]"));
            browser.visible(By.xpath("//td[normalize-space()='2027-803']/following-sibling::td[normalize-space()='Non délivrée']"));
            assertThat(browser.text()).contains("Règlement de certification MMDC v1, révision 2", "Délivrée").doesNotContain("NON_DELIVREE");
            for (String juror : List.of("Juré jure1", "Juré jure2", "Juré jure3")) {
                browser.click(By.xpath("//div[contains(@class, 'fjs-form-field-checklist')][.//label[contains(., 'Membres désignés')]]"
                        + "//label[contains(., '" + juror + "')]"));
            }
            for (String juror : List.of("Juré jure1", "Juré jure3")) {
                browser.click(By.xpath("//div[contains(@class, 'fjs-form-field-checklist')][.//label[contains(., 'Membres présents')]]"
                        + "//label[contains(., '" + juror + "')]"));
            }
            browser.screenshot("30-certification-jury-members");
            WebElement exceptions = browser.visible(By.xpath("//label[contains(., 'Décisions différentes de la proposition')]"
                    + "/following::textarea[1]"));
            browser.click(exceptions);
            exceptions.sendKeys("2027-802 ; Non délivrée ; Fraude établie après la session par la commission de discipline.");
            browser.click(By.xpath("//label[contains(., 'Je confirme, au nom du jury')]//input"));
            browser.screenshot("31-certification-jury-exception");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.withTimeout(Duration.ofSeconds(20)).until(driver ->
                    fixture.decisionOf(session, candidate(session, "2027-802")) != null);
            browser.screenshot("32-certification-jury-completed");
        }
        fixture.runJobs();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process).isEnded();
        assertThat(fixture.decisionOf(session, candidate(session, "2027-801"))).isEqualTo("DELIVREE");
        assertThat(fixture.decisionOf(session, candidate(session, "2027-802"))).isEqualTo("NON_DELIVREE");
        assertThat(fixture.decisionOf(session, candidate(session, "2027-803"))).isEqualTo("NON_DELIVREE");
        assertThat(certificationJuries.findByCampaignId(session.getId()).orElseThrow().present())
                .extracting(member -> member.getUserId()).containsExactly("president", "jure1", "jure3");
    }

    private fr.certiflow.campaign.Candidate candidate(Campaign session, String number) {
        return candidates.findByCampaignIdAndNumber(session.getId(), number).orElseThrow();
    }

    @Test
    void aManagerFollowsTheInstancesInCockpitWhichAJurorCannotOpen() {
        fixture.startProduction(campaign, fixture.candidate(campaign, "2027-702"), "A.4");
        ProcessInstance harmonising = productionToHarmonise("2027-703");
        try (Browser browser = browser()) {
            browser.login("cockpit", engine.getName(), "manager", "manager-secret");
            browser.open("/camunda/app/cockpit/" + engine.getName() + "/#/processes");
            browser.visible(By.xpath("//*[contains(text(), 'Évaluation d') and contains(text(), 'une production')]"));
            browser.screenshot("07-manager-cockpit");
            assertThat(browser.text()).contains("ProductionAssessment", "CampaignProcess")
                    .contains("définitions de processus déployées", "Instances en cours", "Tableau de bord",
                            "fuseau horaire local : Europe/Paris")
                    .doesNotContain("Running Instances", "Dashboard", "Camunda 8");

            // A production whose jurors disagree, waiting for its harmonisation: what the manager reads of it.
            browser.open("/camunda/app/cockpit/" + engine.getName() + "/#/process-instance/" + harmonising.getId()
                    + "/runtime?tab=variables-tab");
            browser.visible(By.xpath("//td[contains(., 'candidateLabel')]"));
            browser.wait.until(driver -> browser.text().contains("harmonisationFormId"));
            browser.screenshot("09-manager-cockpit-production-variables");
            browser.scrollToEnd();
            browser.screenshot("10-manager-cockpit-production-variables-end");
            String shown = browser.text();
            assertThat(shown).contains("Candidat n° 2027-703", "A.4 ", "productionId", "admissibility", "RECEVABLE",
                    "jurorsAgree", "evaluationsSideBySide");
            // No empty copies of the form fields, no juror's answers (their tasks are completed), no table inputs.
            assertThat(shown).doesNotContain("A4_CR1_rating", "A4_CR1_comment", "A4_CR1_agreed", "harmonisationComment",
                    "acquiredCount", "languageCheck");
        }
        try (Browser browser = browser()) {
            browser.login("cockpit", engine.getName(), "jure1", "jure1-secret");
            browser.open("/camunda/app/cockpit/" + engine.getName() + "/#/processes");
            browser.wait.until(driver -> browser.text().contains("Échec de la connexion")
                    || browser.text().contains("Connectez-vous") || browser.text().contains("pas le droit"));
            browser.screenshot("08-juror-no-cockpit");
            assertThat(browser.text()).doesNotContain("définitions de processus déployées", "process definitions deployed");
        }
    }


}
