package fr.certiflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.certiflow.identity.Groups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Juror task list benchmark (not a test): on a fresh PostgreSQL database (certiflow_bench_tasklist), the engine is
 * filled with open user tasks (default 100,000, {@code -Dbench.tasklist.tasks=N}): 90 % evaluation tasks
 * (Task_EvaluateProduction) assigned to jurors, 50 each, the rest admissibility and deliberation tasks of the
 * coordinators' and presidents' candidate groups, each instance with a few process variables as Certiflow's have
 * (candidate number and label, composante, bloc, campaign, production). Minimal one-task processes built with the
 * model API are started in batches (one transaction per batch, several threads); the engine grants each assignee and
 * candidate group its task as it does in production. Then {@code vacuum analyze}, as autovacuum would have done in a
 * running system (right after a bulk insert, PostgreSQL's statistics and visibility map make other plans).
 *
 * <p>One juror with 50 evaluation tasks then calls, over HTTP with Basic authentication, what Tasklist 7.24 calls to
 * show the « Mes évaluations » filter: {@code POST /filter/{id}/list?firstResult=0&maxResults=15} with Tasklist's body
 * (sorting by creation date, descending) and {@code Accept: application/hal+json}, the answer embedding the filter's
 * variables the juror may read; Tasklist takes the count from that answer (the HAL list runs the count query too).
 * The plain JSON list and {@code GET /filter/{id}/count} are measured beside it, 200 calls each ({@code
 * -Dbench.tasklist.calls}) after a warm-up. Two experiments follow, each undone afterwards: the filter without its
 * variables, and the calls with the index on {@code act_ru_authorization (user_id_)} toggled (made if Certiflow has
 * none, dropped if it has). Prints p50 / p95 / max and writes target/bench/tasklist.json.
 */
public final class TaskListBenchmark {

    static final String JUROR = "tl-juror-0";
    static final String PASSWORD = "tl-juror-0-secret";
    static final int TASKS_PER_JUROR = 50;
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";

    private TaskListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("tasklist")) {
            return;
        }
        int total = Integer.getInteger("bench.tasklist.tasks", 100_000);
        int calls = Integer.getInteger("bench.tasklist.calls", 200);
        int threads = Integer.getInteger("bench.tasklist.threads", 3);
        try (ConfigurableApplicationContext app = BenchSupport.start("certiflow_bench_tasklist")) {
            run(app, total, calls, threads);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int total, int calls, int threads) throws Exception {
        RepositoryService repository = app.getBean(RepositoryService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        repository.createDeployment().name("tasklist-benchmark")
                .addModelInstance("bench-evaluation.bpmn", oneTask("BenchEvaluation", "Task_EvaluateProduction",
                        "Évaluer la production", "${juror}", null))
                .addModelInstance("bench-admissibility.bpmn", oneTask("BenchAdmissibility", "Task_CheckAdmissibility",
                        "Vérifier la recevabilité", null, Groups.COORDINATORS))
                .addModelInstance("bench-deliberation.bpmn", oneTask("BenchDeliberation", "Task_DeliberateBloc",
                        "Délibérer sur le bloc", null, Groups.JURY_PRESIDENTS))
                .deploy();
        User juror = identity.newUser(JUROR);
        juror.setFirstName("Juré");
        juror.setLastName("Mesuré");
        juror.setPassword(PASSWORD);
        identity.saveUser(juror);
        identity.createMembership(JUROR, Groups.JURORS);

        int evaluations = total * 9 / 10;
        int jurors = Math.max(1, evaluations / TASKS_PER_JUROR);
        long fillStart = System.nanoTime();
        fill(app, total, evaluations, jurors, threads);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        // Statistics and visibility map as autovacuum leaves them in a running system, not as a bulk insert does.
        DataSource dataSource = app.getBean(DataSource.class);
        long vacuumStart = System.nanoTime();
        sql(dataSource, "vacuum analyze");
        double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
        long openTasks = app.getBean(TaskService.class).createTaskQuery().count();
        identity.setAuthentication(JUROR, List.of(Groups.JURORS));
        long jurorTasks;
        try {
            jurorTasks = app.getBean(TaskService.class).createTaskQuery().taskAssignee(JUROR).count();
        } finally {
            identity.clearAuthentication();
        }
        String filterId = app.getBean(FilterService.class).createFilterQuery().filterName("Mes évaluations").singleResult().getId();

        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest/filter/" + filterId;
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((JUROR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest halList = HttpRequest.newBuilder(URI.create(base + "/list?firstResult=0&maxResults=15"))
                .header("Authorization", basic).header("Accept", "application/hal+json, application/json; q=0.5")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY)).build();
        HttpRequest jsonList = HttpRequest.newBuilder(URI.create(base + "/list?firstResult=0&maxResults=15"))
                .header("Authorization", basic).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY)).build();
        HttpRequest count = HttpRequest.newBuilder(URI.create(base + "/count"))
                .header("Authorization", basic).header("Accept", "application/json").GET().build();

        // What the juror sees: 15 of their evaluations, newest first, with the filter's variables, and their count.
        JsonNode page = new ObjectMapper().readTree(send(http, halList));
        int listed = page.path("_embedded").path("task").size();
        long listedCount = page.path("count").asLong();
        int embeddedVariables = page.path("_embedded").path("task").path(0).path("_embedded").path("variable").size();
        long countCall = new ObjectMapper().readTree(send(http, count)).path("count").asLong();
        if (listed != Math.min(15, jurorTasks) || listedCount != jurorTasks || countCall != jurorTasks) {
            throw new IllegalStateException("Unexpected answer: " + listed + " tasks listed, count " + listedCount + " / "
                    + countCall + " for " + jurorTasks + ", " + embeddedVariables + " variables embedded");
        }
        // A warm JVM and database first: the first hundreds of calls compile and cache.
        for (int i = 0; i < WARM_UP; i++) {
            send(http, halList);
            send(http, jsonList);
            send(http, count);
        }
        Timing hal = measure(http, halList, calls);
        Timing json = measure(http, jsonList, calls);
        Timing counts = measure(http, count, calls);

        // Experiments, in alternating rounds so that drift falls on both sides alike; each is undone afterwards.
        // The filter without the variables it names (what showing them costs):
        FilterService filters = app.getBean(FilterService.class);
        Filter filter = filters.getFilter(filterId);
        Map<String, Object> withVariables = new HashMap<>(filter.getProperties());
        Map<String, Object> withoutVariables = new HashMap<>(withVariables);
        withoutVariables.remove("variables");
        List<Double>[] variablesRounds = alternate(calls, ROUNDS, toggled -> {
            filters.saveFilter(filter.setProperties(toggled ? withoutVariables : withVariables));
        }, http, halList);
        // An index on the authorizations' user, made if Certiflow has none, dropped if it has one:
        boolean indexed = hasIndex(dataSource, USER_INDEX);
        String create = "create index " + USER_INDEX + " on act_ru_authorization (user_id_)";
        String drop = "drop index " + USER_INDEX;
        List<Double>[] indexRounds = alternate(calls, ROUNDS, toggled -> {
            boolean wanted = toggled != indexed;
            if (wanted != hasIndex(dataSource, USER_INDEX)) {
                sql(dataSource, wanted ? create : drop);
                sql(dataSource, "analyze act_ru_authorization");
            }
        }, http, halList, count);
        String toggled = indexed ? "without" : "with";
        String asIs = indexed ? "with" : "without";

        String machine = BenchSupport.machine(app);
        BenchSupport.title("Juror task list benchmark (PostgreSQL, engine REST API over HTTP, authorizations on)");
        BenchSupport.row("open user tasks", openTasks);
        BenchSupport.row("evaluation tasks / jurors", evaluations + " / " + jurors);
        BenchSupport.row("measured juror's tasks", jurorTasks);
        BenchSupport.row("fill (s)", fillSeconds);
        BenchSupport.row("fill: process instances per second", total / fillSeconds);
        BenchSupport.row("vacuum analyze after the fill (s)", vacuumSeconds);
        BenchSupport.row("index on act_ru_authorization (user_id_)", indexed ? "yes" : "no");
        // The filter names three variables; a juror may read a task's own variables only (no READ on process
        // instances), so Certiflow's task listener copies them onto each task.
        BenchSupport.row("variables embedded per task (filter names 3)", embeddedVariables);
        BenchSupport.row("calls per measure (after " + WARM_UP + " warm-up calls of each)", calls);
        hal.print("Tasklist list (HAL, 15, variables): p50 / p95 / max ms");
        json.print("list as plain JSON: p50 / p95 / max ms");
        counts.print("GET /filter/{id}/count: p50 / p95 / max ms");
        System.out.println("Experiments, " + ROUNDS + " alternating rounds of " + calls / ROUNDS + " calls per side:");
        Timing.of(variablesRounds[0]).print("list, filter as is (3 variables)");
        Timing.of(variablesRounds[1]).print("list, filter without variables");
        Timing.of(indexRounds[0]).print("list " + asIs + " user_id_ index (as is)");
        Timing.of(indexRounds[1]).print("list " + toggled + " user_id_ index");
        Timing.of(indexRounds[2]).print("count " + asIs + " user_id_ index (as is)");
        Timing.of(indexRounds[3]).print("count " + toggled + " user_id_ index");
        System.out.println("machine: " + machine);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openTasks", openTasks);
        figures.put("evaluationTasks", evaluations);
        figures.put("jurors", jurors);
        figures.put("jurorTasks", jurorTasks);
        figures.put("fillSeconds", BenchSupport.round(fillSeconds, 1));
        figures.put("vacuumAnalyzeSeconds", BenchSupport.round(vacuumSeconds, 1));
        figures.put("embeddedVariablesPerTask", embeddedVariables);
        figures.put("calls", calls);
        figures.put("tasklistHalList", hal.json());
        figures.put("jsonList", json.json());
        figures.put("count", counts.json());
        figures.put("authorizationUserIndex", indexed);
        figures.put("experimentRounds", ROUNDS);
        figures.put("experimentListFilterAsIs", Timing.of(variablesRounds[0]).json());
        figures.put("experimentListFilterWithoutVariables", Timing.of(variablesRounds[1]).json());
        String as = indexed ? "With" : "Without";
        String other = indexed ? "Without" : "With";
        figures.put("experimentList" + as + "UserIndex", Timing.of(indexRounds[0]).json());
        figures.put("experimentList" + other + "UserIndex", Timing.of(indexRounds[1]).json());
        figures.put("experimentCount" + as + "UserIndex", Timing.of(indexRounds[2]).json());
        figures.put("experimentCount" + other + "UserIndex", Timing.of(indexRounds[3]).json());
        figures.put("machine", machine);
        BenchSupport.writeJson("tasklist.json", figures);
    }

    static final int WARM_UP = 100;
    static final int ROUNDS = 4;

    interface Toggle {
        void set(boolean toggled) throws Exception;
    }

    /**
     * Rounds of (as is, toggled), calls / rounds calls of each request per side; returns the samples per request and
     * side: [request 1 as is, request 1 toggled, request 2 as is, …]. Leaves things as they were.
     */
    @SuppressWarnings("unchecked")
    private static List<Double>[] alternate(int calls, int rounds, Toggle toggle, HttpClient http, HttpRequest... requests)
            throws Exception {
        List<Double>[] samples = new List[requests.length * 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new ArrayList<>();
        }
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                toggle.set(side == 1);
                for (int r = 0; r < requests.length; r++) {
                    send(http, requests[r]); // the first call after a change is not measured
                    for (int i = 0; i < calls / rounds; i++) {
                        long start = System.nanoTime();
                        send(http, requests[r]);
                        samples[r * 2 + side].add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
        }
        toggle.set(false);
        return samples;
    }
    static final String USER_INDEX = "ix_authorization_user";

    private static void sql(DataSource dataSource, String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement jdbc = connection.createStatement()) {
            connection.setAutoCommit(true);
            jdbc.execute(statement);
        }
    }

    private static boolean hasIndex(DataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement jdbc = connection.createStatement();
                ResultSet rows = jdbc.executeQuery("select count(*) from pg_indexes where indexname = '" + name + "'")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    record Timing(double p50, double p95, double max) {
        static Timing of(List<Double> samples) {
            List<Double> sorted = new ArrayList<>(samples);
            sorted.sort(null);
            return new Timing(BenchSupport.percentile(sorted, 0.5), BenchSupport.percentile(sorted, 0.95),
                    sorted.get(sorted.size() - 1));
        }

        void print(String figure) {
            BenchSupport.row(figure, String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f", p50, p95, max));
        }

        Map<String, Object> json() {
            return Map.of("p50Millis", BenchSupport.round(p50, 1), "p95Millis", BenchSupport.round(p95, 1),
                    "maxMillis", BenchSupport.round(max, 1));
        }
    }

    private static Timing measure(HttpClient http, HttpRequest request, int calls) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            send(http, request);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Timing.of(millis);
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Starts the instances: batches of 200 per transaction, on several threads; evaluations go round the jurors. */
    private static void fill(ConfigurableApplicationContext app, int total, int evaluations, int jurors, int threads)
            throws Exception {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        RepositoryService repository = app.getBean(RepositoryService.class);
        Map<String, String> definitions = new HashMap<>();
        for (String key : List.of("BenchEvaluation", "BenchAdmissibility", "BenchDeliberation")) {
            definitions.put(key, repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getId());
        }
        TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
        int batch = 200;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Date due = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int from;
                while ((from = next.getAndAdd(batch)) < total) {
                    int first = from;
                    transactions.executeWithoutResult(status -> {
                        for (int i = first; i < Math.min(first + batch, total); i++) {
                            start(runtime, definitions, i, evaluations, jurors, due);
                        }
                    });
                    int count = done.addAndGet(Math.min(batch, total - first));
                    if (count % 10_000 < batch) {
                        System.out.printf("  … %d / %d instances started%n", count, total);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /** Instance i: an evaluation for juror i mod jurors, or every tenth an admissibility or a deliberation. */
    private static void start(RuntimeService runtime, Map<String, String> definitions, int i, int evaluations, int jurors,
            Date due) {
        Map<String, Object> variables = new HashMap<>();
        String number = String.format("T%06d", i / 5);
        String component = "A." + (1 + i % 5);
        variables.put("campaignId", 1L);
        variables.put("candidateNumber", number);
        variables.put("candidateLabel", "Candidat n° " + number);
        variables.put("componentCode", component);
        variables.put("blocCode", "BC" + (1 + (i % 5) / 2));
        variables.put("productionId", (long) i);
        // Spread over the whole fill, so that the measured juror's tasks are of every age.
        boolean evaluation = i % 10 != 9 && evaluations > 0;
        if (evaluation) {
            int rank = i - i / 10;
            variables.put("juror", "tl-juror-" + (rank % jurors));
            variables.put("evaluationDue", due);
            runtime.startProcessInstanceById(definitions.get("BenchEvaluation"), "TL/" + number + "/" + component, variables);
        } else {
            runtime.startProcessInstanceById(definitions.get(i % 20 == 9 ? "BenchAdmissibility" : "BenchDeliberation"),
                    "TL/" + number + "/" + component, variables);
        }
    }

    private static BpmnModelInstance oneTask(String processKey, String taskKey, String name, String assignee, String group) {
        var task = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1).startEvent()
                .userTask(taskKey).name(name)
                // Certiflow's own listener: the task's name, and the copies on the task of the filters' variables.
                .camundaTaskListenerDelegateExpression("create", "${taskNaming}");
        if (assignee != null) {
            task.camundaAssignee(assignee).camundaDueDate("${evaluationDue}");
        }
        if (group != null) {
            task.camundaCandidateGroups(group);
        }
        return task.endEvent().done();
    }
}
