package fr.certiflow.bench;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignLauncher;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignStatus;
import fr.certiflow.campaign.CohortImport;
import fr.certiflow.deliberation.CertificationDecisionRepository;
import fr.certiflow.documents.MinutesService;
import fr.certiflow.evaluation.EvaluationForms;
import fr.certiflow.identity.Groups;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.jury.JuryPoolImport;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.SubmissionService;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.AssessmentDocument;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Lifecycle benchmark (not a test): on a fresh PostgreSQL database (certiflow_bench_lifecycle), a campaign of N
 * candidates (default 100, {@code -Dbench.lifecycle.candidates=N}) × 3 blocs is launched, then every production goes
 * the whole way as its users would take it, concurrently ({@code -Dbench.lifecycle.threads}, default 4, simulated
 * users): hand-in through the SubmissionService (what the REST upload calls), admissibility, oral scheduling, both
 * jurors' evaluation forms with the variables Tasklist submits (a share of productions, {@code
 * -Dbench.lifecycle.divergentPercent} default 10, with jurors who disagree, then the president's harmonisation), bloc
 * deliberation by the president, the certification jury, until the PV is drawn up and the results published. Every
 * form is submitted through the FormService as the task's user with their groups, since authorizations are on.
 *
 * <p>The job executor does every asynchronous step, as in production; nothing runs jobs by hand. The clock is not
 * moved either: orals are scheduled a few seconds ahead ({@code -Dbench.lifecycle.oralDelaySeconds}, default 2) and
 * their timers fire when due, which keeps the real process (the scheduling form refuses a date in the past) at the
 * cost of that delay, included in the figures.
 *
 * <p>Figures: user tasks completed per second over the whole lifecycle (first hand-in to the campaign's end), the
 * form submission latency per kind of task, jobs executed, and the time from the last juror's evaluation to the PV
 * (the minutes step done) and to the campaign's end. Prints a table and writes target/bench/lifecycle.json.
 */
public final class LifecycleBenchmark {

    static final String COORDINATOR = "bench-coordo";
    static final String PRESIDENT = "bench-president";

    private final ConfigurableApplicationContext app;
    private final int size;
    private final int threads;
    private final int divergentPercent;
    private final int oralDelaySeconds;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final HistoryService history;
    private final ManagementService management;
    private final AssessmentFixture fixture;
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
    private final Set<String> dispatched = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicLong lastEvaluation = new AtomicLong();
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Campaign campaign;

    private LifecycleBenchmark(ConfigurableApplicationContext app, int size, int threads, int divergentPercent,
            int oralDelaySeconds) {
        this.app = app;
        this.size = size;
        this.threads = threads;
        this.divergentPercent = divergentPercent;
        this.oralDelaySeconds = oralDelaySeconds;
        this.runtime = app.getBean(RuntimeService.class);
        this.tasks = app.getBean(TaskService.class);
        this.forms = app.getBean(FormService.class);
        this.identity = app.getBean(IdentityService.class);
        this.history = app.getBean(HistoryService.class);
        this.management = app.getBean(ManagementService.class);
        this.fixture = app.getBean(AssessmentFixture.class);
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("lifecycle")) {
            return;
        }
        int candidates = Integer.getInteger("bench.lifecycle.candidates", 100);
        int threads = Integer.getInteger("bench.lifecycle.threads", 4);
        int divergent = Integer.getInteger("bench.lifecycle.divergentPercent", 10);
        int oralDelay = Integer.getInteger("bench.lifecycle.oralDelaySeconds", 2);
        // The joins' optimistic locking failures are retried by the job executor and counted: not logged one by one.
        try (ConfigurableApplicationContext app = BenchSupport.start("certiflow_bench_lifecycle",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=error")) {
            new LifecycleBenchmark(app, candidates, threads, divergent, oralDelay).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Instant opens = Instant.now();
        Campaign draft = new Campaign("LIFE", "Campagne de mesure du cycle complet", "MMDC", 1, opens, opens);
        draft.runUnder(app.getBean(fr.certiflow.regulation.RegulationCatalog.class).latest("MMDC", 1).orElseThrow());
        draft.getBlocs().addAll(List.of("BC1", "BC2", "BC3"));
        for (String component : List.of("A.1", "A.2", "A.3", "A.4", "A.5")) {
            draft.getSubmissionDeadlines().put(component, opens.plus(Duration.ofDays(60)));
        }
        draft.setEvaluationDeadline(opens.plus(Duration.ofDays(90)));
        campaign = app.getBean(CampaignRepository.class).save(draft);
        StringBuilder cohort = new StringBuilder("N° candidat;Nom;Prénom;Courriel;Groupe\n");
        for (int i = 1; i <= size; i++) {
            cohort.append(String.format("L%05d;Nom%d;Prénom%d;candidat%d@example.org;G%d%n", i, i, i, i, (i - 1) / 4));
        }
        app.getBean(CohortImport.class).importFile(campaign.getId(), "cohorte.csv", new java.io.ByteArrayInputStream(cohort.toString().getBytes(StandardCharsets.UTF_8)));
        int jurors = Math.max(10, size / 2);
        StringBuilder jury = new StringBuilder("Identifiant;Nom;Professionnel extérieur;Qualifié en anglais;Charge maximale\n");
        for (int i = 1; i <= jurors; i++) {
            jury.append("life").append(i).append(";Juré ").append(i).append(';').append(i % 2 == 0 ? "oui" : "non")
                    .append(';').append(i % 5 == 0 ? "oui" : "non").append(";1000\n");
        }
        app.getBean(JuryPoolImport.class).importFile(campaign.getId(), "jury.csv",
                new java.io.ByteArrayInputStream(jury.toString().getBytes(StandardCharsets.UTF_8)), COORDINATOR);
        // The certification jury is chaired by a jury president of the pool.
        app.getBean(fr.certiflow.jury.JurorRepository.class).save(new fr.certiflow.jury.Juror(campaign.getId(), PRESIDENT,
                "Président du banc", true, false, true, 10));

        long launchStart = System.nanoTime();
        ProcessInstance campaignProcess = app.getBean(CampaignLauncher.class).launch(campaign.getId());
        long productionsExpected = 5L * size;
        CampaignLaunchBenchmark.awaitWaiting(runtime, management, ProcessKeys.PRODUCTION_ASSESSMENT, "Task_AwaitSubmission",
                productionsExpected, launchStart);
        double launchSeconds = (System.nanoTime() - launchStart) / 1e9;
        long jobsBefore = history.createHistoricJobLogQuery().successLog().count();
        System.out.printf("  launched: %d productions waiting after %.1f s; the lifecycle starts%n", productionsExpected, launchSeconds);

        ExecutorService users = Executors.newFixedThreadPool(threads);
        Instant lifecycleStart = Instant.now();
        long start = System.nanoTime();
        int submissions = handIn(users);
        drive(users, campaignProcess.getId(), start);
        users.shutdown();
        users.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;

        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(campaignProcess.getId())
                .singleResult();
        HistoricActivityInstance minutesStep = history.createHistoricActivityInstanceQuery()
                .processInstanceId(campaignProcess.getId()).activityId("Task_DrawUpMinutes").finished().singleResult();
        Instant lastEvaluationAt = Instant.ofEpochMilli(lastEvaluation.get());
        double toMinutes = Duration.between(lastEvaluationAt, minutesStep.getEndTime().toInstant()).toMillis() / 1e3;
        double toEnd = Duration.between(lastEvaluationAt, ended.getEndTime().toInstant()).toMillis() / 1e3;
        long pvStart = System.nanoTime();
        byte[] pv = app.getBean(MinutesService.class).minutes(campaign.getId());
        double pvSeconds = (System.nanoTime() - pvStart) / 1e9;
        long jobs = history.createHistoricJobLogQuery().successLog().count() - jobsBefore;
        long failedJobs = history.createHistoricJobLogQuery().failureLog().count();
        long incidents = runtime.createIncidentQuery().count();
        long delivered = app.getBean(CertificationDecisionRepository.class).findByCampaignIdOrderByCandidateId(campaign.getId())
                .stream().filter(decision -> "DELIVREE".equals(decision.getDecision())).count();
        CampaignStatus status = app.getBean(CampaignRepository.class).findById(campaign.getId()).orElseThrow().getStatus();
        Map<String, Long> historicTasks = new TreeMap<>();
        for (String key : latencies.keySet()) {
            if (key.equals("upload")) {
                continue;
            }
            historicTasks.put(key, history.createHistoricTaskInstanceQuery().taskDefinitionKey(key).finished().count());
        }
        long userTasks = historicTasks.values().stream().mapToLong(Long::longValue).sum();

        String machine = BenchSupport.machine(app);
        BenchSupport.title("Lifecycle benchmark (PostgreSQL, job executor as in production): launch to PV and results");
        BenchSupport.row("candidates (productions)", size + " (" + productionsExpected + ")");
        BenchSupport.row("jurors / simulated users (threads)", jurors + " / " + threads);
        BenchSupport.row("launch to all productions waiting (s)", launchSeconds);
        List<Double> uploads = sorted(latencies.get("upload"));
        BenchSupport.row("hand-ins (complete submissions)", submissions);
        BenchSupport.row("  uploads: n, p50 / p95 (ms)", uploads.size() + ", " + Math.round(BenchSupport.percentile(uploads, 0.5))
                + " / " + Math.round(BenchSupport.percentile(uploads, 0.95)));
        BenchSupport.row("user tasks completed", userTasks);
        for (Map.Entry<String, Long> entry : historicTasks.entrySet()) {
            List<Double> sorted = sorted(latencies.get(entry.getKey()));
            BenchSupport.row("  " + entry.getKey() + ": n, form p50 / p95 (ms)", entry.getValue() + ", "
                    + Math.round(BenchSupport.percentile(sorted, 0.5)) + " / " + Math.round(BenchSupport.percentile(sorted, 0.95)));
        }
        BenchSupport.row("first hand-in to campaign ended (s)", seconds);
        BenchSupport.row("user tasks completed per second", userTasks / seconds);
        BenchSupport.row("jobs executed (per second)", jobs + " (" + Math.round(jobs / seconds) + ")");
        BenchSupport.row("last evaluation to PV drawn up (s)", toMinutes);
        BenchSupport.row("last evaluation to campaign ended (s)", toEnd);
        BenchSupport.row("PV workbook generation (s)", pvSeconds);
        BenchSupport.row("PV workbook (KiB)", pv.length / 1024);
        BenchSupport.row("certifications delivered", delivered + " / " + size);
        BenchSupport.row("campaign status", status);
        BenchSupport.row("optimistic locking retries (forms)", retries.get());
        BenchSupport.row("failed job runs (retried) / incidents", failedJobs + " / " + incidents);
        System.out.println("machine: " + machine);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("candidates", size);
        json.put("productions", productionsExpected);
        json.put("jurors", jurors);
        json.put("threads", threads);
        json.put("divergentPercent", divergentPercent);
        json.put("oralDelaySeconds", oralDelaySeconds);
        json.put("launchSeconds", BenchSupport.round(launchSeconds, 2));
        json.put("lifecycleStart", lifecycleStart.toString());
        json.put("submissions", submissions);
        json.put("uploads", Map.of("count", uploads.size(), "p50Millis", Math.round(BenchSupport.percentile(uploads, 0.5)),
                "p95Millis", Math.round(BenchSupport.percentile(uploads, 0.95))));
        json.put("userTasks", userTasks);
        Map<String, Object> byTask = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : historicTasks.entrySet()) {
            List<Double> sorted = sorted(latencies.get(entry.getKey()));
            byTask.put(entry.getKey(), Map.of("completed", entry.getValue(),
                    "formP50Millis", Math.round(BenchSupport.percentile(sorted, 0.5)),
                    "formP95Millis", Math.round(BenchSupport.percentile(sorted, 0.95)),
                    "formMaxMillis", Math.round(BenchSupport.percentile(sorted, 1.0))));
        }
        json.put("tasks", byTask);
        json.put("seconds", BenchSupport.round(seconds, 2));
        json.put("userTasksPerSecond", BenchSupport.round(userTasks / seconds, 2));
        json.put("jobs", jobs);
        json.put("jobsPerSecond", BenchSupport.round(jobs / seconds, 1));
        json.put("lastEvaluationToMinutesSeconds", BenchSupport.round(toMinutes, 2));
        json.put("lastEvaluationToCampaignEndSeconds", BenchSupport.round(toEnd, 2));
        json.put("minutesWorkbookSeconds", BenchSupport.round(pvSeconds, 2));
        json.put("minutesWorkbookBytes", pv.length);
        json.put("certificationsDelivered", delivered);
        json.put("campaignStatus", status.name());
        json.put("optimisticLockingRetries", retries.get());
        json.put("failedJobRuns", failedJobs);
        json.put("incidents", incidents);
        json.put("machine", machine);
        BenchSupport.writeJson("lifecycle.json", json);
    }

    /** Every submission (one per candidate, or per group for a collective production) handed in complete. */
    private int handIn(ExecutorService users) {
        SubmissionService submissions = app.getBean(SubmissionService.class);
        CampaignReferentials referentials = app.getBean(CampaignReferentials.class);
        Map<Long, Production> bySubmission = new TreeMap<>();
        for (Production production : app.getBean(ProductionRepository.class).findByCampaignId(campaign.getId())) {
            bySubmission.putIfAbsent(production.getSubmissionId(), production);
        }
        for (Production production : bySubmission.values()) {
            List<String> documents = referentials.component(campaign, production.getComponentCode()).assessment().documents()
                    .stream().map(AssessmentDocument::code).toList();
            byte[] text = (production.getComponentCode().equals("A.5") ? AssessmentFixture.ENGLISH : AssessmentFixture.FRENCH)
                    .getBytes(StandardCharsets.UTF_8);
            inFlight.incrementAndGet();
            users.submit(() -> {
                try {
                    for (String document : documents) {
                        long started = System.nanoTime();
                        submissions.upload(production.getId(), document, document + ".txt", text, "candidat");
                        latency("upload", started);
                    }
                    lastProgress.set(System.nanoTime());
                } catch (Throwable e) {
                    failure.compareAndSet(null, new IllegalStateException("Upload of production " + production.getId(), e));
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        return bySubmission.size();
    }

    /** Polls the open tasks and hands each to a user thread, until the campaign's process has ended. */
    private void drive(ExecutorService users, String campaignProcessId, long start) throws InterruptedException {
        long lastPrint = 0;
        while (history.createHistoricProcessInstanceQuery().processInstanceId(campaignProcessId).finished().count() == 0) {
            if (failure.get() != null) {
                throw new IllegalStateException("Lifecycle failed", failure.get());
            }
            if (runtime.createIncidentQuery().count() > 0) {
                throw new IllegalStateException("Incident: " + runtime.createIncidentQuery().list().get(0).getIncidentMessage());
            }
            int room = threads * 4 - inFlight.get();
            List<Task> open = room <= 0 ? List.of()
                    // the oldest first; those in flight are among them and skipped
                    : tasks.createTaskQuery().active().orderByTaskCreateTime().asc().listPage(0, room + inFlight.get() + 50);
            int handed = 0;
            for (Task task : open) {
                if (handed >= room) {
                    break;
                }
                if (dispatched.add(task.getId())) {
                    handed++;
                    inFlight.incrementAndGet();
                    users.submit(() -> complete(task));
                }
            }
            if (handed == 0) {
                Thread.sleep(100);
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (elapsed - lastPrint >= 15) {
                lastPrint = elapsed;
                System.out.printf("  … %d s: %d user tasks completed, %d open, %d jobs due%n", elapsed, completed.get(),
                        tasks.createTaskQuery().count(), management.createJobQuery().executable().count());
            }
            if (System.nanoTime() - lastProgress.get() > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("No progress for 10 minutes: " + tasks.createTaskQuery().count()
                        + " open tasks, " + management.createJobQuery().executable().count() + " jobs due");
            }
        }
    }

    /** Submits the task's form as its user would in Tasklist. */
    private void complete(Task task) {
        try {
            String key = task.getTaskDefinitionKey();
            String user;
            Map<String, Object> values;
            switch (key) {
                case "Task_CheckAdmissibility" -> {
                    user = COORDINATOR;
                    values = Map.of("admissibility", "RECEVABLE", Variables.REQUIRED_CONTENTS_PRESENT,
                            fr.certiflow.production.RequiredContents.allTicked(
                                    tasks.getVariableLocal(task.getId(), Variables.REQUIRED_CONTENTS_OPTIONS)));
                }
                case "Task_ScheduleOral" -> {
                    user = COORDINATOR;
                    values = Map.of("oralDate", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(oralDelaySeconds).withNano(0).toString(),
                            "oralPlace", "Salle 1");
                }
                case "Task_EvaluateProduction" -> {
                    user = task.getAssignee();
                    values = evaluation(task);
                }
                case "Task_Harmonise" -> {
                    user = PRESIDENT;
                    values = harmonisation(task);
                }
                case "Task_DeliberateBloc" -> {
                    user = PRESIDENT;
                    values = Map.of("blocDecision", tasks.getVariable(task.getId(), "proposedResult"));
                }
                case "Task_CertificationJury" -> {
                    user = PRESIDENT;
                    values = Map.of("certificationJuryMembers", org.camunda.spin.plugin.variable.SpinValues
                                    .jsonValue("[\"life1\", \"life2\"]").create(),
                            "certificationJuryPresent", org.camunda.spin.plugin.variable.SpinValues
                                    .jsonValue("[\"life1\", \"life2\"]").create(),
                            "certificationConfirmed", true);
                }
                default -> throw new IllegalStateException("Unexpected task " + key + " (" + task.getName() + ")");
            }
            long started = System.nanoTime();
            identity.setAuthentication(user, groupsOf(user));
            try {
                forms.submitTaskForm(task.getId(), values);
            } finally {
                identity.clearAuthentication();
            }
            latency(key, started);
            completed.incrementAndGet();
            lastProgress.set(System.nanoTime());
            if (key.equals("Task_EvaluateProduction")) {
                lastEvaluation.accumulateAndGet(System.currentTimeMillis(), Math::max);
            }
        } catch (OptimisticLockingException e) {
            retries.incrementAndGet();
            dispatched.remove(task.getId()); // submitted again at the next poll, as a user would
        } catch (Throwable e) {
            failure.compareAndSet(null, new IllegalStateException("Task " + task.getTaskDefinitionKey() + " " + task.getId(), e));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** What the juror's form submits: every criterion Acquis, except in divergent productions for one juror. */
    private Map<String, Object> evaluation(Task task) {
        String component = (String) tasks.getVariable(task.getId(), Variables.COMPONENT_CODE);
        Long productionId = ((Number) tasks.getVariable(task.getId(), Variables.PRODUCTION_ID)).longValue();
        boolean dissenting = Math.floorMod(productionId * 37, 100) < divergentPercent
                && app.getBean(JuryAssignmentRepository.class).findByProductionIdOrderByJurorUserId(productionId).get(0)
                        .getJurorUserId().equals(task.getAssignee());
        List<String> keys = AssessmentFixture.keys(component, AssessmentFixture.CRITERIA.get(component));
        return fixture.evaluation(keys, key -> dissenting && key.equals(keys.get(0)) ? "NON_ACQUIS" : "ACQUIS");
    }

    /** The president keeps Acquis for every criterion and says why. */
    private Map<String, Object> harmonisation(Task task) {
        String component = (String) tasks.getVariable(task.getId(), Variables.COMPONENT_CODE);
        Map<String, Object> values = new HashMap<>();
        for (Criterion criterion : app.getBean(CampaignReferentials.class).component(campaign, component).criteria()) {
            values.put(EvaluationForms.agreedKey(criterion), "ACQUIS");
        }
        values.put("harmonisationComment", "Critère démontré selon la commission d'harmonisation.");
        return values;
    }

    private List<String> groupsOf(String user) {
        return groups.computeIfAbsent(user, id -> switch (id) {
            case COORDINATOR -> List.of(Groups.COORDINATORS);
            case PRESIDENT -> List.of(Groups.JURY_PRESIDENTS);
            default -> identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList();
        });
    }

    private void latency(String kind, long started) {
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - started) / 1e6);
    }

    private static List<Double> sorted(List<Double> values) {
        if (values == null) {
            return List.of();
        }
        synchronized (values) {
            return values.stream().sorted().collect(Collectors.toList());
        }
    }
}
