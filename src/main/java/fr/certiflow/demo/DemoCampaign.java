package fr.certiflow.demo;

import fr.certiflow.campaign.Accommodation;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignLauncher;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.Admissibility;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.Variables;
import fr.certiflow.production.RequiredContents;
import fr.certiflow.production.SubmissionService;
import fr.certiflow.regulation.RegulationCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile's campaign: a dozen candidates in two groups, one with tiers-temps, one VAE, one with bloc 1
 * acquired earlier, a jury pool, launched at start; then a few productions are handed in so that a newcomer finds
 * work at once: admissibility checks for {@code coordo} (one of them group G1's A.1, checked once for the group),
 * evaluations for {@code jure1} and {@code jure2}.
 */
@Component
@Profile("demo")
class DemoCampaign {

    static final String CODE = "DEMO-2027";
    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final JurorRepository jurors;
    private final CampaignLauncher launcher;
    private final SubmissionService submissions;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RegulationCatalog regulations;
    private final boolean jobExecution;

    DemoCampaign(CampaignRepository campaigns, CandidateRepository candidates, JurorRepository jurors,
            CampaignLauncher launcher, SubmissionService submissions, RuntimeService runtime, TaskService tasks,
            FormService forms, IdentityService identity, TransactionTemplate transactions, Clock clock,
            RegulationCatalog regulations,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution) {
        this.jobExecution = jobExecution;
        this.regulations = regulations;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.jurors = jurors;
        this.launcher = launcher;
        this.submissions = submissions;
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (campaigns.findByCode(CODE).isPresent()) {
            return;
        }
        Long campaignId = transactions.execute(status -> create().getId());
        launcher.launch(campaignId);
        log.info("Demo campaign {} launched", CODE);
        if (jobExecution) {
            Thread submitter = new Thread(this::handInSamples, "demo-submissions");
            submitter.setDaemon(true);
            submitter.start();
        }
    }

    private Campaign create() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Campaign campaign = new Campaign(CODE, "Session de démonstration 2027", "MMDC", 1, now.minus(Duration.ofDays(7)), now);
        campaign.runUnder(regulations.latest("MMDC", 1).orElseThrow());
        campaign.getBlocs().addAll(List.of("BC1", "BC2", "BC3"));
        for (String component : List.of("A.1", "A.2", "A.3", "A.4", "A.5")) {
            campaign.getSubmissionDeadlines().put(component, now.plus(Duration.ofDays(30)));
        }
        campaign.setEvaluationDeadline(now.plus(Duration.ofDays(60)));
        campaign.setDeliberationDate(now.plus(Duration.ofDays(75)));
        campaign = campaigns.save(campaign);
        String[][] people = {
                {"Martin", "Léa"}, {"Bernard", "Hugo"}, {"Dubois", "Chloé"}, {"Thomas", "Louis"}, {"Robert", "Emma"},
                {"Richard", "Nathan"}, {"Petit", "Manon"}, {"Durand", "Lucas"}, {"Leroy", "Camille"},
                {"Moreau", "Jules"}, {"Simon", "Inès"}, {"Laurent", "Adam"}};
        for (int i = 0; i < people.length; i++) {
            String number = String.format("2027-%03d", i + 1);
            Candidate candidate = new Candidate(campaign.getId(), number, people[i][0], people[i][1],
                    people[i][1].toLowerCase().replace("é", "e").replace("è", "e").replace("ï", "i") + "." + people[i][0].toLowerCase() + "@example.org");
            candidate.setGroupCode(i < 3 ? "G1" : i < 6 ? "G2" : null);
            candidate.setEmployer(i % 2 == 0 ? "Agence Horizon" : "Studio Lumière");
            candidate.setTrainer("Formateur Dupont");
            if (i == 1) {
                candidate.setAccommodation(Accommodation.TIERS_TEMPS, null);
            }
            if (i == 6) {
                candidate.setPathway(Pathway.VAE);
            }
            if (i == 7) {
                candidate.getAcquiredBlocs().put("BC1", LocalDate.of(2025, 6, 30));
            }
            candidates.save(candidate);
        }
        jurors.save(new Juror(campaign.getId(), "jure1", "Julien Juré", true, false, false, 40));
        jurors.save(new Juror(campaign.getId(), "jure2", "Jeanne Jurée", false, false, false, 40));
        jurors.save(new Juror(campaign.getId(), "jure3", "Jessica Jurée", true, true, false, 40));
        jurors.save(new Juror(campaign.getId(), "president", "Paul Président", true, false, true, 10));
        return campaign;
    }

    /** Waits for the launch's jobs (run by the job executor) to open the submissions, then hands in a few productions as the coordinator. */
    private void handInSamples() {
        try {
            String text = "Plan de management de projet : présentation de la méthode, organigramme de l'équipe-projet, "
                    + "rôles et missions, modalités de collaboration, cahier des charges, budget, planning et outils de suivi.";
            Optional<Long> first = awaitProduction("2027-009", "A.4");
            Optional<Long> second = awaitProduction("2027-010", "A.4");
            first.ifPresent(id -> submissions.upload(id, "production", "plan-de-management.txt",
                    text.getBytes(StandardCharsets.UTF_8), "coordo"));
            second.ifPresent(id -> submissions.upload(id, "production", "plan-de-management.txt",
                    text.getBytes(StandardCharsets.UTF_8), "coordo"));
            // The first is found admissible, so that jure1 and jure2 have an evaluation waiting.
            first.ifPresent(id -> awaitTask(ProcessKeys.productionBusinessKey(CODE, "2027-009", "A.4", 1),
                    ActivityIds.CHECK_ADMISSIBILITY).ifPresent(task -> {
                identity.setAuthentication("coordo", List.of(fr.certiflow.identity.Groups.COORDINATORS));
                try {
                    // Its plan comprises every content the référentiel requires: all ticked.
                    forms.submitTaskForm(task.getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.RECEVABLE.code(),
                            Variables.REQUIRED_CONTENTS_PRESENT, RequiredContents.allTicked(
                                    tasks.getVariableLocal(task.getId(), Variables.REQUIRED_CONTENTS_OPTIONS))));
                } finally {
                    identity.clearAuthentication();
                }
            }));
            // Group G1 hands in its A.1 analysis note once: the coordinator finds one admissibility check for the
            // group, naming its three members (« Évaluation d'une production collective »).
            awaitProduction("2027-001", "A.1").ifPresent(id -> submissions.upload(id, "production", "note-d-analyse-G1.txt",
                    ("Note d'analyse du groupe G1 : démarche de veille, sources retenues, analyse du matériau collecté "
                            + "et recommandations pour la stratégie de communication.").getBytes(StandardCharsets.UTF_8), "coordo"));
            log.info("Demo productions handed in");
        } catch (RuntimeException e) {
            log.warn("Demo productions could not be handed in: {}", e.getMessage());
        }
    }

    private Optional<Long> awaitProduction(String candidate, String component) {
        String key = ProcessKeys.productionBusinessKey(CODE, candidate, component, 1);
        for (int i = 0; i < 240; i++) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
                    .processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT).singleResult();
            if (instance != null && runtime.createExecutionQuery().processInstanceId(instance.getId())
                    .activityId(ActivityIds.AWAIT_SUBMISSION).count() > 0) {
                return Optional.of(ProcessVariables.asLong(Variables.PRODUCTION_ID, runtime.getVariable(instance.getId(), Variables.PRODUCTION_ID)));
            }
            sleep();
        }
        return Optional.empty();
    }

    private Optional<Task> awaitTask(String processKey, String activity) {
        for (int i = 0; i < 240; i++) {
            Task task = tasks.createTaskQuery().taskDefinitionKey(activity).processInstanceBusinessKey(processKey)
                    .singleResult();
            if (task != null) {
                return Optional.of(task);
            }
            sleep();
        }
        return Optional.empty();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
