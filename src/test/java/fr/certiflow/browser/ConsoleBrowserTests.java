package fr.certiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.process.AssessmentFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coordinator's console as a coordinator walks it: a campaign created, a cohort refused for one bad row then
 * imported, the jury imported, the launch confirmed, a production handed in by uploading a file, the table changed,
 * and the admissibility task opened in Tasklist from it; a manager reads the same pages without any action; a juror
 * is refused. Screenshots in target/browser/console-*.png.
 */
class ConsoleBrowserTests extends BrowserTestSupport {

    static final String HEADER = "N° candidat;Nom;Prénom;Courriel;Groupe;Blocs acquis\n";

    @Autowired
    CampaignRepository campaigns;
    @Autowired
    CandidateRepository candidates;

    @Test
    void aCoordinatorRunsACampaignInTheConsoleAManagerReadsItAJurorIsRefused() throws IOException {
        SmallCampaignLaunch.today();
        String code = "NAV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path folder = Files.createTempDirectory("console");
        try (Browser browser = browser()) {
            login(browser, "coordo");
            browser.screenshot("console-01-campaigns");
            browser.click(By.linkText("Nouvelle campagne"));
            type(browser, Map.of("code", code, "name", "Session du navigateur", "blocs", "BC1"));
            dates(browser, Map.of("opensAt", "2027-01-04T09:00", "deadline-A.1", "2027-03-01T18:00",
                    "deadline-A.2", "2027-03-01T18:00", "evaluationDeadline", "2027-02-01T18:00",
                    "deliberationDate", "2027-04-15T10:00"));
            browser.click(By.xpath("//button[normalize-space()='Créer la campagne']"));
            browser.wait.until(driver -> browser.text().contains("La campagne n'est pas créée") || browser.text().contains("Accès refusé")
                    || browser.text().contains("Introuvable"));
            assertThat(browser.text()).as("the refused form").contains("La campagne n'est pas créée");
            WebElement problem = browser.visible(By.id("evaluationDeadline-erreur"));
            assertThat(problem.getText()).startsWith("doit suivre la dernière date limite de remise");
            browser.screenshot("console-02-campaign-form-refused");
            assertThat(campaigns.findByCode(code)).isEmpty();
            dates(browser, Map.of("evaluationDeadline", "2027-04-01T18:00"));
            browser.click(By.xpath("//button[normalize-space()='Créer la campagne']"));
            browser.visible(By.xpath("//h1[contains(., '" + code + "')]"));
            Long id = campaigns.findByCode(code).orElseThrow().getId();

            upload(browser, "cohort-file", write(folder, "cohorte.csv", HEADER + "2027-101;Martin;Léa;lea@example.org;G1;\n"
                    + "2027-102;Bernard;Hugo;hugo@example;G1;\n"));
            browser.click(By.xpath("//button[normalize-space()='Importer la cohorte']"));
            browser.visible(By.xpath("//caption[contains(., 'Problèmes du fichier')]"));
            assertThat(browser.text()).contains("Fichier refusé, rien n'a été importé : 1 problème(s)", "adresse « hugo@example » invalide");
            browser.screenshot("console-03-cohort-refused");
            assertThat(candidates.countByCampaignId(id)).isZero();
            upload(browser, "cohort-file", write(folder, "cohorte.csv", HEADER + "2027-101;Martin;Léa;lea@example.org;G1;\n"
                    + "2027-102;Bernard;Hugo;hugo@example.org;G1;\n"));
            browser.click(By.xpath("//button[normalize-space()='Importer la cohorte']"));
            browser.visible(By.xpath("//p[contains(., 'Cohorte importé : 2 créé(s)')]"));
            upload(browser, "jury-file", write(folder, "jury.csv", "Identifiant;Nom;Professionnel extérieur;Qualifié en anglais\n"
                    + "jure1;Julien Juré;oui;non\njure2;Jeanne Jurée;non;non\n"));
            browser.click(By.xpath("//button[normalize-space()='Importer le jury']"));
            browser.visible(By.xpath("//p[contains(., 'Vivier de jurés importé : 2 créé(s)')]"));
            browser.screenshot("console-04-imported");

            browser.click(By.partialLinkText("Lancer la campagne"));
            browser.visible(By.xpath("//li[contains(., '2 évaluation(s) de bloc : 2 candidat(s) × 1 bloc(s) (BC1)')]"));
            browser.screenshot("console-05-launch-confirmation");
            browser.click(By.xpath("//button[normalize-space()='Confirmer le lancement']"));
            browser.visible(By.xpath("//h1[contains(., 'Avancement de " + code + "')]"));
            fixture.runJobs();
            browser.open("/certiflow/campagnes/" + code + "/avancement");
            assertThat(browser.text()).contains("4 production(s)");
            browser.screenshot("console-06-progress");

            WebElement candidate = browser.visible(By.id("f-candidat"));
            candidate.sendKeys("2027-101");
            new Select(browser.visible(By.id("f-composante"))).selectByValue("A.1");
            browser.click(By.xpath("//button[normalize-space()='Filtrer']"));
            browser.visible(By.xpath("//p[normalize-space()='1 production(s)']"));
            browser.click(By.linkText("Déposer un fichier"));
            browser.visible(By.xpath("//h2[normalize-space()='Déposer ou remplacer un fichier']"));
            upload(browser, "file", write(folder, "production.txt", AssessmentFixture.FRENCH));
            browser.click(By.xpath("//button[normalize-space()='Déposer']"));
            browser.visible(By.xpath("//p[contains(., 'Fichier « production.txt » déposé.')]"));
            browser.screenshot("console-07-handed-in");
            fixture.runJobs();

            browser.open("/certiflow/campagnes/" + code + "/avancement?candidat=2027-101&composante=A.1");
            WebElement task = browser.visible(By.partialLinkText("Vérifier la recevabilité"));
            assertThat(browser.text()).doesNotContain("Déposer un fichier");
            browser.screenshot("console-08-table-changed");
            browser.click(task);
            browser.visible(By.xpath("//h1[contains(., 'Recevabilité de la production')]"));
            browser.visible(By.xpath("//a[contains(., 'Ouvrir la production dans la console Certiflow')]"));
            browser.screenshot("console-09-tasklist-admissibility");
        }
        try (Browser browser = browser()) {
            login(browser, "manager");
            browser.open("/certiflow/campagnes/" + code);
            browser.visible(By.xpath("//h1[contains(., '" + code + "')]"));
            assertThat(browser.text()).doesNotContain("Importer la cohorte", "Lancer la campagne", "Nouvelle campagne");
            browser.screenshot("console-10-manager-campaign");
            browser.open("/certiflow/campagnes/" + code + "/avancement");
            browser.visible(By.tagName("svg"));
            assertThat(browser.text()).doesNotContain("Déposer un fichier");
            browser.screenshot("console-11-manager-progress");
        }
        try (Browser browser = browser()) {
            login(browser, "jure1");
            browser.visible(By.xpath("//h1[normalize-space()='Accès refusé']"));
            browser.screenshot("console-12-juror-refused");
        }
    }

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    /**
     * The campaign page's table of candidates × composantes for a campaign of the five composantes, at 1366×768: every
     * column fits, the states are written, the filters and the cells' links are reached with the keyboard.
     */
    @Test
    void theTableOfCandidatesAndComposantesFitsAndIsReachedWithTheKeyboard() {
        String code = api.run(rest);
        fixture.runJobs();
        SmallCampaignLaunch.today();
        try (Browser browser = browser()) {
            login(browser, "coordo");
            browser.open("/certiflow/campagnes/" + code);
            WebElement table = browser.visible(By.cssSelector("table.grid"));
            assertThat(table.findElements(By.cssSelector("thead th[scope=col]")).stream().map(WebElement::getText))
                    .containsExactly("Candidat", "Groupe", "A.1", "A.2", "A.3", "A.4", "A.5");
            assertThat(table.getText()).contains("2027-001", "Martin Léa", "G1", "Attendue", "Acquis (bloc BC1)");
            // Every column shows without scrolling sideways at 1366 pixels.
            Number overflow = (Number) browser.script("var w = document.querySelector('.grid-wrap');"
                    + " return w.scrollWidth - w.clientWidth;");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            browser.scrollToEnd();
            browser.script("document.getElementById('candidats-composantes').scrollIntoView();");
            browser.screenshot("console-13-candidates-by-composante");

            // From the « État » filter, Tab reaches « Filtrer » then, past the reset link, the first cell's action.
            browser.visible(By.id("g-etat")).sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Filtrer");
            browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(browser.driver.switchTo().activeElement().getAttribute("aria-label"))
                    .isEqualTo("Déposer ou remplacer un fichier : 2027-001, A.1");

            new Select(browser.visible(By.id("g-groupe"))).selectByValue("G1");
            new Select(browser.visible(By.id("g-bloc"))).selectByValue("BC1");
            browser.click(By.xpath("//button[normalize-space()='Filtrer']"));
            browser.visible(By.xpath("//p[normalize-space()='2 candidat(s)']"));
            assertThat(browser.visible(By.cssSelector("table.grid")).findElements(By.cssSelector("thead th[scope=col]"))
                    .stream().map(WebElement::getText)).containsExactly("Candidat", "Groupe", "A.1", "A.2");
            browser.screenshot("console-14-candidates-filtered");
        }
    }

    private static void login(Browser browser, String user) {
        browser.open("/certiflow/connexion");
        browser.visible(By.id("username")).sendKeys(user);
        browser.visible(By.id("password")).sendKeys(user + "-secret");
        browser.click(By.xpath("//button[normalize-space()='Se connecter']"));
        // The login answers with a redirect away from the login page: wait for it, or the next page opened could cut
        // the login short on a loaded machine (and land on the login page).
        browser.wait.until(driver -> !driver.getCurrentUrl().contains("/connexion"));
    }

    private static void type(Browser browser, Map<String, String> fields) {
        fields.forEach((id, value) -> {
            WebElement field = browser.visible(By.id(id));
            field.clear();
            field.sendKeys(value);
        });
    }

    /** Date and time fields, set as the browser's picker leaves them (yyyy-MM-ddTHH:mm). */
    private static void dates(Browser browser, Map<String, String> fields) {
        fields.forEach((id, value) -> browser.script("arguments[0].value = arguments[1];", browser.visible(By.id(id)), value));
    }

    private static void upload(Browser browser, String inputId, Path file) {
        browser.driver.findElement(By.id(inputId)).sendKeys(file.toAbsolutePath().toString());
    }

    private static Path write(Path folder, String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
