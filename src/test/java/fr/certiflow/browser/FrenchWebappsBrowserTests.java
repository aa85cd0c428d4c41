package fr.certiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.deliberation.BlocResult;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist as French jurors, coordinators and jury presidents see it at 1366×768: French screens and dates, what each
 * role may not use kept out of sight, refusals told in French, and the forms that must never lock
 * ({@code mvn verify -Pbrowser-it}; screenshots in target/browser/).
 */
class FrenchWebappsBrowserTests extends BrowserTestSupport {

    static final By COMPLETE = By.xpath("//button[normalize-space()='Terminer']");
    static final By NOTIFICATION = By.cssSelector(".notifications .alert");

    @Autowired
    ProductionRepository productions;
    @Autowired
    fr.certiflow.evaluation.ConsolidatedRatingRepository consolidated;

    /** The text of Tasklist's notifications once one contains the expected words (they are re-rendered as they come). */
    static String notification(Browser browser, String expected) {
        return browser.wait.until(driver -> {
            String text = String.join("\n", driver.findElements(NOTIFICATION).stream().map(alert -> {
                try {
                    return alert.getText();
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    return "";
                }
            }).toList());
            return text.contains(expected) ? text : null;
        });
    }

    @Test
    void aJurorSeesTasklistInFrenchWithNothingTheyMayNotUseAndReachesTerminer() {
        productionUnderEvaluation("2027-710");

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "jure1", "jure1-secret");
            browser.visible(By.xpath("//h4[contains(., 'Candidat n° 2027-710')]"));
            // « Démarrer un processus » stays out of sight once the engine says there is nothing the juror may start.
            browser.wait.until(driver -> driver.findElements(By.cssSelector("li.start-process-action.certiflow-nothing-to-start")).size() == 1
                    || driver.findElements(By.cssSelector("li.start-process-action")).isEmpty());
            browser.screenshot("20-juror-tasklist-french");
            String list = browser.text();
            assertThat(list).contains("Dates et heures affichées dans le fuseau horaire local : Europe/Paris")
                    .doesNotContain("Créer une tâche", "Démarrer un processus", "Create task", "Start process",
                            "Camunda 8", "migrate");
            assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner"))).allMatch(banner -> !banner.isDisplayed());

            browser.click(By.xpath("//h4[contains(., 'Candidat n° 2027-710')]"));
            WebElement complete = browser.visible(COMPLETE);
            String task = browser.text();
            assertThat(task).contains("Formulaire", "Historique", "Diagramme").doesNotContain("Add groups", "Ajouter des groupes",
                    "Complete", "Claim");
            browser.scrollToEnd();
            browser.screenshot("21-juror-form-end-1366x768");
            List<Number> button = browser.bounds(complete);
            List<Number> footer = browser.bounds(browser.driver.findElement(By.tagName("footer")));
            assertThat(button.get(3).doubleValue()).as("« Terminer » ends above the footer").isLessThanOrEqualTo(footer.get(1).doubleValue());
            assertThat(button.get(2).doubleValue()).as("and inside the window").isLessThanOrEqualTo(1366);
            assertThat(browser.driver.findElements(By.cssSelector("a[href*='/app/cockpit/']")))
                    .as("no link to Cockpit, which a juror may not open").noneMatch(WebElement::isDisplayed);
        }
    }

    @Test
    void aCoordinatorIsOfferedToStartAProcess() {
        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "coordo", "coordo-secret");
            browser.visible(By.xpath("//*[contains(text(), 'Dossiers à vérifier')]"));
            browser.visible(By.xpath("//li[contains(@class, 'start-process-action')]//a[contains(., 'Démarrer un processus')]"));
            browser.screenshot("22-coordinator-tasklist-french");
            assertThat(browser.text()).doesNotContain("Créer une tâche");
        }
    }

    @Test
    void theAdministratorFindsAdminInFrench() {
        try (Browser browser = browser()) {
            browser.login("admin", engine.getName(), "admin", "test-admin-secret");
            browser.visible(By.xpath("//*[contains(text(), 'Liste des utilisateurs')]"));
            browser.screenshot("29-administrator-admin-french");
            assertThat(browser.text()).contains("Utilisateurs", "Groupes", "Autorisations", "Gérer les autorisations",
                    "Europe/Paris").doesNotContain("Users", "Authorizations", "Camunda 8");
        }
    }

    @Test
    void aRefusedEvaluationIsToldInFrenchNamingTheCriterionWithoutEngineText() {
        Long productionId = productionUnderEvaluation("2027-711");

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "jure1", "jure1-secret");
            browser.click(By.xpath("//h4[contains(., 'Candidat n° 2027-711')]"));
            browser.visible(COMPLETE);

            // Refused in the browser: the field to correct is named, in French, and brought into view.
            browser.click(COMPLETE);
            WebElement required = browser.visible(By.xpath("//*[contains(@class, 'fjs-form-field-error')]//li"));
            browser.screenshot("23-juror-refused-in-the-browser");
            assertThat(required.getText()).startsWith("Ce champ est obligatoire : « ");
            List<Number> where = browser.bounds(required);
            assertThat(where.get(1).doubleValue()).as("the first field to correct is in view").isBetween(0.0, 768.0);

            // Refused by Certiflow: a blank comment on a criterion « Non acquis » (the form only sees it is not empty).
            List<WebElement> nonAcquis = browser.driver.findElements(By.xpath("//label[normalize-space()='Non acquis']"));
            List<WebElement> acquis = browser.driver.findElements(By.xpath("//label[normalize-space()='Acquis']"));
            browser.click(nonAcquis.get(0));
            for (int i = 1; i < acquis.size(); i++) {
                browser.click(acquis.get(i));
            }
            WebElement comment = browser.visible(By.xpath("//label[contains(., 'Commentaire sur le critère 1')]/following::textarea[1]"));
            browser.click(comment);
            comment.sendKeys("   ");
            browser.click(COMPLETE);
            String refused = notification(browser, "(A.4-CR1)");
            browser.screenshot("24-juror-refused-by-certiflow");
            assertThat(refused).contains("Le formulaire n'a pas pu être envoyé", "(A.4-CR1)",
                    "un commentaire est obligatoire").doesNotContain("ENGINE-", "Cannot submit", "Exception", "TaskListener");
        }
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionId)).isEmpty();
    }

    @Test
    void aPresidentReadsEveryJurorOfADivergenceInsideTheWindowAndHarmonises() {
        Long productionId = fixture.productionId(productionToHarmonise("2027-713"));

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "president", "president-secret");
            browser.click(By.xpath("//*[contains(text(), 'Harmonisations')]"));
            browser.click(By.xpath("//h4[contains(., 'Harmoniser les évaluations — Candidat n° 2027-713')]"));
            browser.click(By.xpath("//button[contains(., 'Prendre en charge')]"));
            browser.visible(By.xpath("//h1[contains(., 'Harmonisation — A.4')]"));
            // The criterion to harmonise, each juror by name on a line of their own, inside the task column.
            WebElement heading = browser.visible(By.xpath("//h4[contains(., 'Critère 1') and contains(., 'à harmoniser')]"));
            WebElement first = browser.driver.findElement(By.xpath("//li[contains(., 'Juré jure1') and contains(., 'Acquis')]"));
            WebElement second = browser.driver.findElement(By.xpath("//li[contains(., 'Juré jure2') and contains(., 'Non acquis')]"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", heading);
            browser.screenshot("28-president-harmonisation");
            double column = browser.bounds(browser.driver.findElement(By.cssSelector(".fjs-form"))).get(2).doubleValue();
            for (WebElement juror : List.of(heading, first, second)) {
                List<Number> bounds = browser.bounds(juror);
                assertThat(bounds.get(0).doubleValue()).as("left of %s", juror.getText()).isGreaterThanOrEqualTo(0);
                assertThat(bounds.get(2).doubleValue()).as("right of %s", juror.getText())
                        .isLessThanOrEqualTo(column + 1).isLessThanOrEqualTo(1366);
            }
            assertThat((Boolean) browser.script("return [...document.querySelectorAll('.fjs-form, .fjs-form *')]"
                    + ".every(e => e.scrollWidth <= e.clientWidth + 1 || getComputedStyle(e).overflowX === 'visible');"))
                    .as("nothing in the form scrolls sideways").isTrue();

            browser.click(browser.driver.findElements(By.xpath("//label[normalize-space()='Non acquis']")).get(0));
            WebElement comment = browser.visible(By.xpath("//label[contains(., \"Justification de l'harmonisation\")]/following::textarea[1]"));
            browser.click(comment);
            comment.sendKeys("L'équipe-projet n'est pas décrite.");
            browser.click(COMPLETE);
            browser.wait.until(driver -> consolidated.findByProductionIdOrderByCriterionCode(productionId).stream()
                    .anyMatch(fr.certiflow.evaluation.ConsolidatedRating::isHarmonised));
            browser.screenshot("29-president-harmonised");
        }
        assertThat(consolidated.findByProductionIdOrderByCriterionCode(productionId))
                .filteredOn(fr.certiflow.evaluation.ConsolidatedRating::isHarmonised).singleElement()
                .satisfies(rating -> assertThat(rating.getRating()).isEqualTo("NON_ACQUIS"));
    }

    @Test
    void theDeliberationCompletesAfterARefusedOverrideWithoutReloading() {
        ProcessInstance bloc = fixture.startBloc(campaign, fixture.candidate(campaign, "2027-712"), "BC2");
        fixture.completeProductions(bloc, component -> "ACQUIS");

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "president", "president-secret");
            browser.click(By.xpath("//*[contains(text(), 'Délibérations')]"));
            browser.click(By.xpath("//h4[contains(., 'Délibérer sur le bloc — 2027-712')]"));
            browser.click(By.xpath("//button[contains(., 'Prendre en charge')]"));
            browser.visible(By.xpath("//h1[contains(., 'Délibération sur le bloc BC2')]"));
            String form = browser.text();
            assertThat(form).contains("Résultat proposé : Validé").doesNotContain("VALIDE");
            WebElement summary = browser.visible(By.cssSelector(".fjs-form-field-text table"));
            WebElement column = browser.driver.findElement(By.cssSelector(".fjs-form"));
            assertThat(browser.bounds(summary).get(2).doubleValue()).as("the bloc's table fits the form")
                    .isLessThanOrEqualTo(browser.bounds(column).get(2).doubleValue() + 1);

            // An override without its justification: refused by Certiflow, in French.
            browser.click(By.xpath("//label[normalize-space()='Non validé']"));
            browser.visible(By.xpath("//label[contains(., 'Justification de la décision')]"));
            browser.click(COMPLETE);
            String refused = notification(browser, "justification");
            browser.screenshot("25-president-override-refused");
            assertThat(refused).contains("une justification écrite est obligatoire").doesNotContain("ENGINE-", "Cannot submit");

            // Back to the proposed result: the justification goes, and the form completes with no reload.
            browser.click(By.xpath("//label[normalize-space()='Validé']"));
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//label[contains(., 'Justification de la décision')]")));
            browser.wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
            browser.screenshot("26-president-back-to-proposed");
            browser.click(COMPLETE);
            browser.wait.until(driver -> !blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaign.getId()).isEmpty());
            browser.screenshot("27-president-completed");
        }
        BlocResult result = blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaign.getId()).get(0);
        assertThat(result.getDecision()).isEqualTo("VALIDE");
        assertThat(result.getJustification()).isNull();
    }

    @Test
    void anOralDateTypedInParisTimeIsKeptToTheMinute() {
        ProcessInstance instance = fixture.startProduction(campaign, fixture.candidate(campaign, "2027-713"), "A.2");
        Long productionId = fixture.productionId(instance);
        fixture.submitAll(productionId, "A.2", AssessmentFixture.FRENCH);
        fixture.admissible(instance);

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "coordo", "coordo-secret");
            browser.click(By.xpath("//*[contains(text(), 'Soutenances à planifier')]"));
            browser.click(By.xpath("//h4[contains(., 'Planifier la soutenance') and contains(., '2027-713')]"));
            browser.click(By.xpath("//button[contains(., 'Prendre en charge')]"));
            WebElement date = browser.visible(By.xpath("//label[contains(., 'Date et heure de la soutenance')]/following::input[1]"));
            WebElement place = browser.visible(By.xpath("//label[contains(., 'Lieu ou lien')]/following::input[1]"));
            assertThat(browser.text()).contains("JJ/MM/AAAA HH:MM");

            // A date the browser accepts but that is past: refused by Certiflow, in French.
            date.sendKeys("01/01/2027 10:00");
            place.sendKeys("Salle 204");
            browser.click(COMPLETE);
            String refused = notification(browser, "soutenance");
            assertThat(refused).contains("La date de soutenance doit être dans le futur").doesNotContain("ENGINE-", "Cannot submit");

            // An American date is refused in the form itself.
            date.clear();
            date.sendKeys("03/15/2027 6:33 PM");
            browser.click(COMPLETE);
            WebElement format = browser.visible(By.xpath("//*[contains(@class, 'fjs-form-field-error')]//li"));
            assertThat(format.getText()).contains("format attendu", "« Date et heure de la soutenance (heure de Paris) »");

            date.clear();
            date.sendKeys("15/03/2027 18:33");
            browser.screenshot("28-coordinator-oral-date");
            browser.click(COMPLETE);
            browser.wait.until(driver -> productions.findById(productionId).map(Production::getOralAt).isPresent());
        }
        Instant oral = Instant.parse("2027-03-15T17:33:00Z");
        assertThat(productions.findById(productionId).orElseThrow().getOralAt()).as("18:33 Paris, not rounded").isEqualTo(oral);
        assertThat(productions.findById(productionId).orElseThrow().getOralPlace()).isEqualTo("Salle 204");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), Variables.ORAL_AT)).isEqualTo(Date.from(oral));
    }
}
