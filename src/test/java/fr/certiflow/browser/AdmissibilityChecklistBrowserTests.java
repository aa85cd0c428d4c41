package fr.certiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.ProductionStatus;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coordinator's admissibility checklist in the real Tasklist (headless Chromium, 1366×768): the référentiel's
 * required contents as checkboxes, « recevable » with two items unticked refused without a written reason, then a
 * return that records the two missing items.
 */
class AdmissibilityChecklistBrowserTests extends BrowserTestSupport {

    @Autowired
    ProductionRepository productions;

    @Test
    void aCoordinatorTicksWhatTheProductionComprisesAndReturnsItNamingWhatIsMissing() {
        ProcessInstance instance = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-705"), "A.4");
        Long productionId = fixture.productionId(instance);
        fixture.submitAll(productionId, "A.4", AssessmentFixture.FRENCH);

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "coordo", "coordo-secret");
            browser.click(By.xpath("//*[contains(text(), 'Dossiers à vérifier')]"));
            browser.click(By.xpath("//h4[contains(., 'Vérifier la recevabilité — Candidat n° 2027-705 — A.4')]"));
            browser.click(By.xpath("//button[contains(., 'Prendre en charge')]"));
            browser.visible(By.xpath("//h1[contains(., 'Recevabilité de la production')]"));
            browser.visible(By.xpath("//*[contains(., 'Contenu exigé par le référentiel : éléments présents')]"));
            assertThat(browser.text()).contains("la présentation de la méthode de conduite de projet",
                    "les outils de suivi et d'évaluation");
            for (String item : new String[] {"présentation de la méthode", "organigramme", "descriptif des rôles", "modalités"}) {
                browser.click(By.xpath("//label[contains(., '" + item + "')]"));
            }
            browser.click(By.xpath("//label[normalize-space()='Recevable']"));
            // Two items unticked: the form asks for the written reason.
            browser.visible(By.xpath("//label[contains(., 'Justification de la recevabilité')]"));
            browser.screenshot("40-coordinator-admissibility-checklist");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.until(driver -> browser.text().contains("La production ne comprend pas"));
            browser.screenshot("41-coordinator-admissibility-missing-refused");
            assertThat(browser.text()).contains("les éléments de référence du projet (cahier des charges, budget, planning) ;"
                    + " les outils de suivi et d'évaluation");
            assertThat(productions.findById(productionId).orElseThrow().getStatus()).isEqualTo(ProductionStatus.SUBMITTED);

            browser.click(By.xpath("//label[normalize-space()='À renvoyer au candidat']"));
            WebElement reason = browser.visible(By.xpath("//label[contains(., 'Raison du renvoi')]/following::textarea[1]"));
            browser.click(reason);
            reason.sendKeys("Merci de compléter votre plan.");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.withTimeout(Duration.ofSeconds(20)).until(driver ->
                    productions.findById(productionId).orElseThrow().getStatus() == ProductionStatus.RETURNED);
            browser.screenshot("42-coordinator-admissibility-returned");
        }
        Production production = productions.findById(productionId).orElseThrow();
        assertThat(production.getMissingContents()).containsExactly(
                "les éléments de référence du projet (cahier des charges, budget, planning)",
                "les outils de suivi et d'évaluation");
        assertThat(production.getReturnReason()).isEqualTo("Merci de compléter votre plan.");
    }
}
