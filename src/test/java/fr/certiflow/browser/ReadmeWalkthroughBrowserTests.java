package fr.certiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's « Hand in a production, as a newcomer would », done in headless Chromium against Certiflow running
 * with the demo profile: by default an application started here with the demo profile (and its job executor, as
 * {@code mvn spring-boot:run -Dspring-boot.run.profiles=demo} runs it), or the one {@code -Dwalkthrough.url} names
 * (e.g. {@code http://localhost:8080}, the packaged jar started as the README says).
 * Log in as the coordinator, find the demo campaign, hand in 2027-011's A.1 from the table of candidates ×
 * composantes without reading any id, then follow the cell's link to the admissibility task in Tasklist. Screenshots
 * in target/browser/readme-*.png.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"certiflow.admin.password=admin", "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles({"test", "demo"})
class ReadmeWalkthroughBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aNewcomerHandsInAProductionOfTheDemoAsTheReadmeSays() throws Exception {
        String url = System.getProperty("walkthrough.url", "");
        if (url.isBlank()) {
            url = "http://localhost:" + port;
        }
        Path file = Files.writeString(Files.createTempDirectory("readme").resolve("plan-de-communication.txt"),
                fr.certiflow.process.AssessmentFixture.FRENCH, StandardCharsets.UTF_8);
        try (Browser browser = new Browser(url)) {
            browser.open("/certiflow/");
            browser.visible(By.id("username")).sendKeys("coordo");
            browser.visible(By.id("password")).sendKeys("coordo");
            browser.screenshot("readme-01-login");
            browser.click(By.xpath("//button[normalize-space()='Se connecter']"));
            browser.visible(By.xpath("//h1[normalize-space()='Campagnes']"));
            browser.screenshot("readme-02-campaigns");
            browser.click(By.linkText("DEMO-2027"));
            // The demo launches its campaign in the background when the application starts: its table of candidates
            // × composantes shows once 2027-011's productions are open (reloaded until then, at most three minutes on
            // a loaded machine).
            new WebDriverWait(browser.driver, Duration.ofMinutes(3)).until(driver -> {
                browser.open("/certiflow/campagnes/DEMO-2027?candidat=2027-011&composante=A.1");
                return driver.findElements(By.linkText("Déposer")).isEmpty() ? null : Boolean.TRUE;
            });
            browser.open("/certiflow/campagnes/DEMO-2027");
            browser.visible(By.id("candidats-composantes"));
            browser.visible(By.id("g-candidat")).sendKeys("2027-011");
            new Select(browser.visible(By.id("g-composante"))).selectByValue("A.1");
            browser.click(By.xpath("//button[normalize-space()='Filtrer']"));
            browser.visible(By.xpath("//p[normalize-space()='1 candidat(s)']"));
            browser.screenshot("readme-03-table-filtered");
            browser.click(By.linkText("Déposer"));
            browser.visible(By.xpath("//h2[normalize-space()='Déposer ou remplacer un fichier']"));
            browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.click(By.xpath("//button[normalize-space()='Déposer']"));
            browser.screenshot("readme-04-handed-in");
            browser.visible(By.xpath("//p[contains(., 'Fichier « plan-de-communication.txt » déposé.')]"));
            browser.screenshot("readme-04-handed-in");

            // Back to the campaign's table (the page's breadcrumb), the same filter: the cell now links to the task,
            // once the engine has moved the production on (reloaded until then, as the README says).
            browser.click(By.linkText("DEMO-2027"));
            WebElement task = browser.wait.until(driver -> {
                browser.open("/certiflow/campagnes/DEMO-2027?candidat=2027-011&composante=A.1");
                return driver.findElements(By.partialLinkText("Tâche : Vérifier la recevabilité")).stream().findFirst().orElse(null);
            });
            assertThat(browser.text()).contains("Fichiers (1)").doesNotContain("Déposer (");
            browser.screenshot("readme-05-table-with-task");
            browser.click(task);
            browser.visible(By.xpath("//h1[contains(., 'Recevabilité de la production')]"));
            browser.screenshot("readme-06-tasklist-admissibility");
        }
    }

    /**
     * The demo shows group work: group G1 (Léa Martin, Hugo Bernard, Chloé Dubois) handed in its A.1 analysis note
     * once; the table filtered on the group shows one admissibility task for the three members, and Tasklist names the
     * group and its members on that one task. Screenshots in target/browser/demo-group-*.png.
     */
    @Test
    void theDemoShowsGroupG1sAnalysisNoteCheckedOnceForTheWholeGroup() {
        String url = System.getProperty("walkthrough.url", "");
        if (url.isBlank()) {
            url = "http://localhost:" + port;
        }
        try (Browser browser = new Browser(url)) {
            browser.open("/certiflow/");
            browser.visible(By.id("username")).sendKeys("coordo");
            browser.visible(By.id("password")).sendKeys("coordo");
            browser.click(By.xpath("//button[normalize-space()='Se connecter']"));
            browser.visible(By.xpath("//h1[normalize-space()='Campagnes']"));
            // Handed in by the demo in the background at start: reloaded until the engine has opened the group's sitting.
            java.util.List<WebElement> tasks = new WebDriverWait(browser.driver, Duration.ofMinutes(3)).until(driver -> {
                browser.open("/certiflow/campagnes/DEMO-2027?groupe=G1&composante=A.1");
                java.util.List<WebElement> found = driver.findElements(By.partialLinkText("Tâche : Vérifier la recevabilité"));
                return found.size() == 3 ? found : null;
            });
            assertThat(browser.text()).contains("3 candidat(s)", "2027-001", "Martin Léa", "2027-002", "Bernard Hugo",
                    "2027-003", "Dubois Chloé");
            assertThat(tasks).extracting(task -> task.getAttribute("href")).as("one task for the three members").containsOnly(
                    tasks.get(0).getAttribute("href"));
            assertThat(browser.text()).as("the campaign's blocs, in order").contains("BC1, BC2, BC3");
            browser.screenshot("demo-group-01-campaign");
            browser.script("arguments[0].scrollIntoView({block: 'start'});", browser.visible(By.id("candidats-composantes")));
            browser.screenshot("demo-group-01-table-G1-A1");
            // A member's production page: the group's note, handed in once, and what group work means for the member.
            browser.click(By.xpath("//a[@aria-label='Voir les fichiers : 2027-002, A.1']"));
            browser.visible(By.xpath("//h1[normalize-space()='A.1 — 2027-002 Bernard Hugo']"));
            assertThat(browser.text()).contains("Note d'analyse sur les évolutions et tendances", "note-d-analyse-G1.txt", "Travail collectif",
                    "groupe G1 : une production remise une fois pour tout le groupe, chaque membre évalué individuellement");
            browser.screenshot("demo-group-01b-member-production");
            browser.driver.navigate().back();
            tasks = browser.wait.until(driver -> {
                java.util.List<WebElement> found = driver.findElements(By.partialLinkText("Tâche : Vérifier la recevabilité"));
                return found.size() == 3 ? found : null;
            });
            browser.click(tasks.get(1));
            browser.visible(By.xpath("//h1[contains(., 'Recevabilité de la production')]"));
            assertThat(browser.text()).contains("Vérifier la recevabilité — Groupe G1 : Léa Martin (n° 2027-001), "
                    + "Hugo Bernard (n° 2027-002), Chloé Dubois (n° 2027-003) — A.1");
            browser.screenshot("demo-group-02-tasklist-admissibility");
        }
    }
}
