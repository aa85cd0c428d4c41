package fr.certiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.production.GroupSittingRepository;
import fr.certiflow.production.ProductionRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A juror evaluates every member of a group in one Tasklist task: a section per member, one of them absent. */
class GroupSittingBrowserTests extends BrowserTestSupport {

    @Autowired
    ProductionRepository productions;
    @Autowired
    GroupSittingRepository sittings;

    @Test
    void aJurorEvaluatesEachMemberOfTheGroupInOneTaskAndRecordsOneAbsent() {
        List<Candidate> group = List.of(
                fixture.candidate(campaign, "2027-781", c -> c.setGroupCode("G7")),
                fixture.candidate(campaign, "2027-782", c -> c.setGroupCode("G7")));
        List<ProcessInstance> members = group.stream().map(member -> fixture.startProduction(campaign, member, "A.1")).toList();
        fixture.submitAll(fixture.productionId(members.get(0)), "A.1", AssessmentFixture.FRENCH);
        ProcessInstance sitting = fixture.groupSitting(members.get(0));
        fixture.admissible(sitting);
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate",
                oral.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 4"));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));
        Long first = productions.findByProcessKey(members.get(0).getBusinessKey()).orElseThrow().getId();
        Long second = productions.findByProcessKey(members.get(1).getBusinessKey()).orElseThrow().getId();

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), "jure1", "jure1-secret");
            browser.click(By.xpath("//h4[contains(., 'Évaluer les membres du groupe — Groupe G7 : ')]"));
            browser.visible(By.xpath("//h1[contains(., \"Évaluation d'une production collective — A.1\")]"));
            browser.screenshot("group-01-juror-group-evaluation");
            browser.script("arguments[0].scrollIntoView({block: 'start'});", browser.visible(By.xpath("//h2[contains(., 'Membre 1')]")));
            browser.screenshot("group-01b-juror-member-1");
            List<WebElement> absent = browser.driver.findElements(By.xpath("//label[contains(., 'Absent(e) à la soutenance')]"));
            assertThat(absent).hasSize(2);
            List<WebElement> acquis = browser.driver.findElements(By.xpath("//label[normalize-space()='Acquis']"));
            assertThat(acquis).as("three criteria for each of the two members").hasSize(6);
            browser.click(absent.get(1));
            assertThat(browser.driver.findElements(By.xpath("//label[normalize-space()='Acquis']"))).as("member 2's hidden").hasSize(3);
            for (WebElement label : browser.driver.findElements(By.xpath("//label[normalize-space()='Acquis']"))) {
                browser.click(label);
            }
            WebElement second2 = browser.visible(By.xpath("//h2[contains(., 'Membre 2')]"));
            browser.script("arguments[0].scrollIntoView({block: 'start'});", second2);
            browser.screenshot("group-02-juror-member-absent");
            browser.click(By.xpath("//button[normalize-space()='Terminer']"));
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.xpath("//h4[contains(., 'Groupe G7')]")));
        }
        assertThat(evaluations.findByProductionIdAndJurorUserId(first, "jure1")).isPresent();
        assertThat(evaluations.findByProductionIdOrderByJurorUserId(second)).isEmpty();
        assertThat(sittings.findByBusinessKey(sitting.getBusinessKey()).orElseThrow().absentProductionIds()).containsExactly(second);
    }
}
