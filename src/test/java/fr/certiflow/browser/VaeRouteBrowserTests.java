package fr.certiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.production.SubmissionService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** A VAE candidate's evaluation as its juror sees it in Tasklist: the route, from the règlement, above the files. */
class VaeRouteBrowserTests extends BrowserTestSupport {

    @Autowired
    SubmissionService submissions;

    @Test
    void aJurorSeesThatTheCandidateFollowsTheVaeRouteOfTheReglement() {
        Candidate candidate = fixture.candidate(campaign, "2027-770", c -> c.setPathway(Pathway.VAE));
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        List<ProcessInstance> components = fixture.productionsOf(bloc);
        submissions.upload(fixture.productionId(components.get(0)), "dossier", "dossier-de-validation.txt",
                AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8), "coordo");
        fixture.runJobs();
        Instant interview = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        // The bloc's one sitting: one admissibility check, one interview, then a task per juror and composante.
        ProcessInstance sitting = fixture.groupSitting(components.get(0));
        fixture.admissible(sitting);
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate",
                interview.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().withSecond(0).withNano(0).toString(),
                "oralPlace", "Salle 3"));
        fixture.moveClockTo(interview.plus(Duration.ofMinutes(1)));
        Task evaluation = fixture.tasksOf(sitting, "Task_EvaluateProduction").stream()
                .filter(task -> task.getName().endsWith("— A.1")).findFirst().orElseThrow();
        String juror = evaluation.getAssignee();

        try (Browser browser = browser()) {
            browser.login("tasklist", engine.getName(), juror, juror + "-secret");
            browser.click(By.xpath("//h4[contains(., 'Évaluer la production — Prénom2027-770 Nom2027-770 (2027-770, VAE) — A.1')]"));
            browser.visible(By.xpath("//h1[contains(., 'Évaluation — A.1')]"));
            browser.screenshot("vae-01-juror-evaluation-form");
            WebElement route = browser.visible(By.xpath("//strong[contains(., 'Parcours : VAE — dossier de validation et"
                    + " entretien (Règlement de certification MMDC v1, révision 2)')]"));
            browser.script("arguments[0].scrollIntoView({block: 'start'});", route);
            browser.visible(By.xpath("//a[contains(., 'dossier-de-validation.txt')]"));
            browser.screenshot("vae-02-juror-evaluation-form-route");
            assertThat(browser.text()).contains("le candidat est évalué sur le dossier de validation du bloc BC1 et"
                    + " l'entretien avec le jury");
            // The route comes first, the référentiel's « Production : » line is not shown to a VAE candidate's juror.
            String text = browser.text();
            assertThat(text.indexOf("Parcours : VAE")).isLessThan(text.indexOf("Documents remis"));
            assertThat(text).doesNotContain("Production :");
        }
    }
}
