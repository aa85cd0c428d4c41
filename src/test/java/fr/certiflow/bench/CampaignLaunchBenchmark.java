package fr.certiflow.bench;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignLauncher;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CohortImport;
import fr.certiflow.jury.JuryPoolImport;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.referential.model.Bloc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Launch benchmark (not a test): on a fresh PostgreSQL database, a campaign of N candidates (default 1,000) × the
 * seed's 3 blocs is imported and launched through the services the REST API calls; the figure is the time until
 * every production instance waits at its submission task, with the job executor doing the work as in production.
 * Then, on the same database, engine and job executor, the raw engine's baseline: the same shape without Certiflow
 * ({@link RawEngineShape}), started through the bare RuntimeService, timed the same way; the ratio of the two is
 * what Certiflow's glue costs. Run with {@code mvn -Pbench verify}; {@code -Dbench.candidates=N} changes the size.
 * Prints a table and writes target/bench/launch.json.
 */
public final class CampaignLaunchBenchmark {

    private CampaignLaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("launch")) {
            return;
        }
        int candidates = Integer.getInteger("bench.candidates", 1000);
        try (ConfigurableApplicationContext app = BenchSupport.start("certiflow_bench_launch")) {
            run(app, candidates);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int size) throws IOException, InterruptedException {
        CampaignRepository campaigns = app.getBean(CampaignRepository.class);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        ManagementService management = app.getBean(ManagementService.class);
        Instant opens = Instant.now();
        Campaign campaign = new Campaign("BENCH", "Campagne de mesure", "MMDC", 1, opens, opens);
        campaign.runUnder(app.getBean(fr.certiflow.regulation.RegulationCatalog.class).latest("MMDC", 1).orElseThrow());
        campaign.getBlocs().addAll(List.of("BC1", "BC2", "BC3"));
        for (String component : List.of("A.1", "A.2", "A.3", "A.4", "A.5")) {
            campaign.getSubmissionDeadlines().put(component, opens.plus(Duration.ofDays(60)));
        }
        campaign = campaigns.save(campaign);

        StringBuilder cohort = new StringBuilder("N° candidat;Nom;Prénom;Courriel;Groupe\n");
        for (int i = 1; i <= size; i++) {
            cohort.append(String.format("B%05d;Nom%d;Prénom%d;candidat%d@example.org;G%d%n", i, i, i, i, (i - 1) / 4));
        }
        long importStart = System.nanoTime();
        app.getBean(CohortImport.class).importFile(campaign.getId(), "cohorte.csv", new java.io.ByteArrayInputStream(cohort.toString().getBytes(StandardCharsets.UTF_8)));
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        StringBuilder jury = new StringBuilder("Identifiant;Nom;Professionnel extérieur;Qualifié en anglais;Charge maximale\n");
        for (int i = 1; i <= 40; i++) {
            jury.append("bench").append(i).append(";Juré ").append(i).append(';').append(i % 2 == 0 ? "oui" : "non")
                    .append(';').append(i % 5 == 0 ? "oui" : "non").append(";1000\n");
        }
        app.getBean(JuryPoolImport.class).importFile(campaign.getId(), "jury.csv",
                new java.io.ByteArrayInputStream(jury.toString().getBytes(StandardCharsets.UTF_8)), "coordo");

        List<Integer> componentsPerBloc = app.getBean(CampaignReferentials.class).of(campaign).blocs().stream()
                .filter(bloc -> List.of("BC1", "BC2", "BC3").contains(bloc.code()))
                .map(Bloc::components).map(List::size).toList();
        long expectedBlocs = (long) componentsPerBloc.size() * size;
        long expectedProductions = componentsPerBloc.stream().mapToLong(Integer::longValue).sum() * size;
        long start = System.nanoTime();
        app.getBean(CampaignLauncher.class).launch(campaign.getId());
        double requestMillis = (System.nanoTime() - start) / 1e6;
        long waiting = awaitWaiting(runtime, management, ProcessKeys.PRODUCTION_ASSESSMENT, "Task_AwaitSubmission",
                expectedProductions, start);
        double seconds = (System.nanoTime() - start) / 1e9;
        long blocs = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT).count();
        long incidents = runtime.createIncidentQuery().count();
        // Failed job runs (retried by the job executor): optimistic locking conflicts, constraint violations.
        long failedJobs = app.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricJobLogQuery().failureLog().count();

        // What one instance of each carries at the wait state, and what Certiflow's call activities map.
        RepositoryService repository = app.getBean(RepositoryService.class);
        // The first candidate's first bloc and one of its productions, here and in the raw shape alike.
        ProcessInstance bloc = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT)
                .processInstanceBusinessKey("BENCH/B00001/BC1").singleResult();
        ProcessInstance production = runtime.createProcessInstanceQuery().superProcessInstanceId(bloc.getId())
                .listPage(0, 1).get(0);
        int productionVariables = runtime.getVariables(production.getId()).size();
        int blocVariables = runtime.getVariables(bloc.getId()).size();
        int productionInMappings = inMappings(repository, ProcessKeys.BLOC_ASSESSMENT, "CallActivity_AssessComponents");
        long productionRows = variableRows(runtime, production.getId());
        long blocRows = variableRows(runtime, bloc.getId());

        // The raw engine: same shape, same database, engine and job executor.
        DeploymentBuilder deployment = repository.createDeployment().name("raw-engine-baseline");
        // -Dbench.raw.exclusive=false: an experiment, the bloc starts as non-exclusive jobs (see RawEngineShape)
        boolean exclusive = !"false".equals(System.getProperty("bench.raw.exclusive"));
        List<BpmnModelInstance> models = RawEngineShape.models((int) expectedBlocs, componentsPerBloc, blocVariables,
                productionInMappings, productionVariables, exclusive);
        for (int i = 0; i < models.size(); i++) {
            deployment.addModelInstance("raw-" + i + ".bpmn", models.get(i));
        }
        deployment.deploy();
        long rawStart = System.nanoTime();
        runtime.startProcessInstanceByKey(RawEngineShape.CAMPAIGN, "RAW", Map.of("campaignCode", "RAW",
                "campaignId", 1L, "campaignName", "Moteur seul"));
        double rawRequestMillis = (System.nanoTime() - rawStart) / 1e6;
        long rawWaiting = awaitWaiting(runtime, management, RawEngineShape.PRODUCTION, RawEngineShape.WAIT_STATE,
                expectedProductions, rawStart);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        long rawBlocs = runtime.createProcessInstanceQuery().processDefinitionKey(RawEngineShape.BLOC).count();
        long rawIncidents = runtime.createIncidentQuery().count() - incidents;
        ProcessInstance rawBloc = runtime.createProcessInstanceQuery().processDefinitionKey(RawEngineShape.BLOC)
                .processInstanceBusinessKey("RAW/0").singleResult();
        ProcessInstance rawProduction = runtime.createProcessInstanceQuery().superProcessInstanceId(rawBloc.getId())
                .listPage(0, 1).get(0);
        int rawProductionVariables = runtime.getVariables(rawProduction.getId()).size();
        int rawBlocVariables = runtime.getVariables(rawBloc.getId()).size();
        long rawProductionRows = variableRows(runtime, rawProduction.getId());
        long rawBlocRows = variableRows(runtime, rawBloc.getId());

        double perSecond = (blocs + waiting) / seconds;
        double rawPerSecond = (rawBlocs + rawWaiting) / rawSeconds;
        double ratio = seconds / rawSeconds;
        String machine = BenchSupport.machine(app);
        BenchSupport.title("Campaign launch benchmark (PostgreSQL), Certiflow and the raw engine on the same database");
        BenchSupport.row("candidates", size);
        BenchSupport.row("cohort import (s)", importSeconds);
        BenchSupport.row("launch request (ms)", requestMillis);
        BenchSupport.row("bloc instances", blocs);
        BenchSupport.row("production instances waiting", waiting);
        BenchSupport.row("launch to all waiting (s)", seconds);
        BenchSupport.row("process instances per second", perSecond);
        BenchSupport.row("incidents", incidents);
        BenchSupport.row("failed job runs (retried)", failedJobs);
        BenchSupport.row("variables per production instance (process / rows)", productionVariables + " / " + productionRows);
        BenchSupport.row("variables per bloc instance (process / rows)", blocVariables + " / " + blocRows);
        if (!exclusive) {
            BenchSupport.row("raw engine: bloc starts as non-exclusive jobs", "yes");
        }
        BenchSupport.row("raw engine: start request (ms)", rawRequestMillis);
        BenchSupport.row("raw engine: bloc / production instances", rawBlocs + " / " + rawWaiting);
        BenchSupport.row("raw engine: start to all waiting (s)", rawSeconds);
        BenchSupport.row("raw engine: process instances per second", rawPerSecond);
        BenchSupport.row("raw engine: variables per production (process / rows)", rawProductionVariables + " / " + rawProductionRows);
        BenchSupport.row("raw engine: variables per bloc (process / rows)", rawBlocVariables + " / " + rawBlocRows);
        BenchSupport.row("raw engine: incidents", rawIncidents);
        BenchSupport.row("ratio Certiflow / raw engine (time)", ratio);
        System.out.println("machine: " + machine);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("candidates", size);
        json.put("cohortImportSeconds", BenchSupport.round(importSeconds, 2));
        json.put("launchRequestMillis", Math.round(requestMillis));
        json.put("blocInstances", blocs);
        json.put("productionInstances", waiting);
        json.put("expectedBlocs", expectedBlocs);
        json.put("seconds", BenchSupport.round(seconds, 2));
        json.put("instancesPerSecond", BenchSupport.round(perSecond, 1));
        json.put("incidents", incidents);
        json.put("failedJobRuns", failedJobs);
        json.put("productionVariables", productionVariables);
        json.put("blocVariables", blocVariables);
        json.put("productionVariableRows", productionRows);
        json.put("blocVariableRows", blocRows);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("exclusiveBlocStarts", exclusive);
        raw.put("startRequestMillis", Math.round(rawRequestMillis));
        raw.put("blocInstances", rawBlocs);
        raw.put("productionInstances", rawWaiting);
        raw.put("seconds", BenchSupport.round(rawSeconds, 2));
        raw.put("instancesPerSecond", BenchSupport.round(rawPerSecond, 1));
        raw.put("productionVariables", rawProductionVariables);
        raw.put("blocVariables", rawBlocVariables);
        raw.put("productionVariableRows", rawProductionRows);
        raw.put("blocVariableRows", rawBlocRows);
        raw.put("incidents", rawIncidents);
        json.put("rawEngine", raw);
        json.put("ratioCertiflowToRaw", BenchSupport.round(ratio, 2));
        json.put("machine", machine);
        BenchSupport.writeJson("launch.json", json);
    }

    /** Polls until the expected number of instances of the process wait at the activity; returns that count. An incident stops it. */
    static long awaitWaiting(RuntimeService runtime, ManagementService management, String processKey, String activityId,
            long expected, long start) throws InterruptedException {
        long waiting = 0;
        long lastPrint = 0;
        long incidentsBefore = runtime.createIncidentQuery().count();
        while (waiting < expected) {
            Thread.sleep(250);
            waiting = runtime.createExecutionQuery().processDefinitionKey(processKey).activityId(activityId).count();
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (runtime.createIncidentQuery().count() > incidentsBefore) {
                throw new IllegalStateException(processKey + ": incident " + runtime.createIncidentQuery().list().get(0)
                        .getIncidentMessage());
            }
            if (elapsed - lastPrint >= 15) {
                lastPrint = elapsed;
                System.out.printf("  … %s, %d s: %d / %d waiting, %d jobs left, %d incidents%n", processKey, elapsed, waiting,
                        expected, management.createJobQuery().executable().count(), runtime.createIncidentQuery().count());
            }
            if (elapsed > 3600) {
                throw new IllegalStateException(processKey + ": not all waiting after an hour");
            }
        }
        return waiting;
    }

    /** The variables (source or expression, not business keys) a call activity of the deployed process maps in. */
    private static int inMappings(RepositoryService repository, String processKey, String callActivityId) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        CallActivity callActivity = repository.getBpmnModelInstance(definition.getId()).getModelElementById(callActivityId);
        return (int) callActivity.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
                .filter(in -> in.getCamundaSource() != null || in.getCamundaSourceExpression() != null).count();
    }

    /** Every variable row of the instance, local ones (multi-instance counters, element variables) included. */
    private static long variableRows(RuntimeService runtime, String processInstanceId) {
        return runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).count();
    }
}
