package fr.certiflow.bench;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRequest;
import fr.certiflow.campaign.CampaignService;
import fr.certiflow.identity.Groups;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Referential;
import jakarta.persistence.EntityManagerFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coordinator's console for a large campaign (not a test): on a fresh PostgreSQL database
 * (certiflow_bench_console), a campaign of the three blocs (five composantes) is created through the campaign service,
 * then its cohort of N candidates ({@code -Dbench.console.candidates}, 1,000; a group of four for every candidate) and
 * their N × 5 productions are written straight into the tables as a launch leaves them, in every state (launching
 * 1,000 candidates takes two minutes, measured by the launch benchmark, and brings nothing to these pages), each
 * production handed in with one file, and one open user task (a one-task process whose business key is the
 * production's) for each production handed in, so that the task query finds what it finds in a running campaign.
 *
 * <p>Then, logged into the console as a coordinator (its login page, its session), and over HTTP Basic for the API,
 * each page is asked {@code -Dbench.console.calls} times (100) after a warm-up: the campaign page (its table of
 * candidates × composantes, 50 candidates a page) unfiltered, at a far page, filtered by name, by group, by state,
 * by composante and state; the progress page (chart and productions list); the productions API, 200 a page and
 * filtered. Prints p50 / p95 / max (the round trip on the loopback, which is the server's time) and the SQL statements
 * Hibernate ran for one call of each (the engine's task query comes on top: one per page), writes
 * target/bench/console.json.
 */
public final class ConsoleBenchmark {

    static final String COORDINATOR = "bench-coordo";
    static final String PASSWORD = "bench-coordo-secret";
    static final String[] STATES = {"AWAITING_SUBMISSION", "SUBMITTED", "RETURNED", "ADMISSIBLE", "JURY_ASSIGNED",
            "UNDER_EVALUATION", "HARMONISATION", "ASSESSED", "ABSENT"};
    static final int WARM_UP = 30;

    private ConsoleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("console")) {
            return;
        }
        int candidates = Integer.getInteger("bench.console.candidates", 1000);
        int calls = Integer.getInteger("bench.console.calls", 100);
        try (ConfigurableApplicationContext app = BenchSupport.start("certiflow_bench_console",
                "--spring.jpa.properties.hibernate.generate_statistics=true",
                "--logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn")) {
            run(app, candidates, calls);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, int candidates, int calls) throws Exception {
        IdentityService identity = app.getBean(IdentityService.class);
        User user = identity.newUser(COORDINATOR);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(COORDINATOR, Groups.COORDINATORS);

        long seedStart = System.nanoTime();
        Referential referential = app.getBean(ReferentialCatalog.class).latest("MMDC").orElseThrow();
        Instant opens = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        referential.components().forEach(component -> deadlines.put(component.code(), opens.plus(60, ChronoUnit.DAYS)));
        Campaign campaign = app.getBean(CampaignService.class).create(new CampaignRequest("BENCH-CONSOLE", "Campagne mesurée",
                "MMDC", null, null, opens, deadlines, opens.plus(90, ChronoUnit.DAYS), opens.plus(100, ChronoUnit.DAYS),
                null, null, null, null, null, null));
        long productions = seed(app.getBean(JdbcTemplate.class), campaign.getId(), candidates, new ArrayList<>(deadlines.keySet()));
        int tasks = openTasks(app, campaign.getId());
        app.getBean(JdbcTemplate.class).execute("vacuum analyze");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient console = login(base);
        HttpClient api = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((COORDINATOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String page = "/certiflow/campagnes/BENCH-CONSOLE";
        Map<String, HttpRequest> requests = new LinkedHashMap<>();
        requests.put("campaign page, table page 1 (50 candidates x 5)", get(base + page, null));
        requests.put("campaign page, table page 15", get(base + page + "?page=14", null));
        requests.put("campaign page, filtered by name (part)", get(base + page + "?candidat=nom0500", null));
        requests.put("campaign page, filtered by group", get(base + page + "?groupe=G042", null));
        requests.put("campaign page, filtered by state", get(base + page + "?etat=RETURNED", null));
        requests.put("campaign page, composante A.3 and state", get(base + page + "?composante=A.3&etat=SUBMITTED", null));
        requests.put("campaign page, bloc BC2", get(base + page + "?bloc=BC2", null));
        requests.put("progress page (chart, 50 productions)", get(base + page + "/avancement", null));
        requests.put("API productions, 200 a page", get(base + "/api/campaigns/BENCH-CONSOLE/productions?size=200", basic));
        requests.put("API productions, filtered", get(base
                + "/api/campaigns/BENCH-CONSOLE/productions?component=A.1&status=SUBMITTED&size=50", basic));

        Statistics statistics = app.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class).getStatistics();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("candidates", candidates);
        figures.put("productions", productions);
        figures.put("openTasks", tasks);
        figures.put("seedSeconds", BenchSupport.round(seedSeconds, 1));
        figures.put("calls", calls);
        Map<String, Map<String, Object>> timings = new LinkedHashMap<>();
        Map<String, Long> statements = new LinkedHashMap<>();
        for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
            HttpClient client = request.getValue().headers().firstValue("Authorization").isPresent() ? api : console;
            HttpResponse<String> first = client.send(request.getValue(), HttpResponse.BodyHandlers.ofString());
            if (first.statusCode() != 200) {
                throw new IllegalStateException(request.getKey() + ": " + first.statusCode() + " " + first.body());
            }
            statistics.clear();
            client.send(request.getValue(), HttpResponse.BodyHandlers.discarding());
            statements.put(request.getKey(), statistics.getPrepareStatementCount());
            for (int i = 0; i < WARM_UP; i++) {
                client.send(request.getValue(), HttpResponse.BodyHandlers.discarding());
            }
        }
        for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
            HttpClient client = request.getValue().headers().firstValue("Authorization").isPresent() ? api : console;
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                HttpResponse<Void> response = client.send(request.getValue(), HttpResponse.BodyHandlers.discarding());
                millis.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(request.getKey() + ": " + response.statusCode());
                }
            }
            millis.sort(null);
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("p50Millis", BenchSupport.round(BenchSupport.percentile(millis, 0.5), 1));
            timing.put("p95Millis", BenchSupport.round(BenchSupport.percentile(millis, 0.95), 1));
            timing.put("maxMillis", BenchSupport.round(millis.get(millis.size() - 1), 1));
            timing.put("sqlStatements", statements.get(request.getKey()));
            timings.put(request.getKey(), timing);
        }
        figures.put("pages", timings);

        BenchSupport.title("Console, campaign of " + candidates + " candidates x 5 composantes (" + BenchSupport.machine(app) + ")");
        BenchSupport.row("productions, open tasks", productions + ", " + tasks);
        BenchSupport.row("data written (s)", seedSeconds);
        BenchSupport.row("calls per page (after " + WARM_UP + " warm-up calls)", calls);
        timings.forEach((name, timing) -> BenchSupport.row(name + " p50/p95/max ms, SQL", timing.get("p50Millis") + " / "
                + timing.get("p95Millis") + " / " + timing.get("maxMillis") + ", " + timing.get("sqlStatements")));
        BenchSupport.writeJson("console.json", figures);
    }

    /** Candidates, one group of four for every candidate, and their productions in every state, each handed in with a file. */
    private static long seed(JdbcTemplate jdbc, Long campaign, int candidates, List<String> components) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= candidates; i++) {
            rows.add(new Object[] {campaign, String.format("2027-%04d", i), String.format("Nom%04d", i), "Prénom" + i,
                    "candidat" + i + "@example.org", String.format("G%03d", (i + 3) / 4)});
        }
        jdbc.batchUpdate("insert into cf_candidate (campaign_id, candidate_number, last_name, first_name, email, pathway,"
                + " group_code, accommodation) values (?, ?, ?, ?, ?, 'FORMATION', ?, 'NONE')", rows);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < components.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("('").append(components.get(i)).append("', ").append(i).append(')');
        }
        jdbc.update("insert into cf_submission (campaign_id, component_code, attempt, owner_key, submitted_at)"
                + " select c.campaign_id, v.code, 1, 'candidate:' || c.id, now() from cf_candidate c cross join (values "
                + values + ") v(code, n) where c.campaign_id = ?", campaign);
        StringBuilder states = new StringBuilder("array[");
        for (int i = 0; i < STATES.length; i++) {
            states.append(i == 0 ? "'" : ", '").append(STATES[i]).append('\'');
        }
        states.append(']');
        long productions = jdbc.update("insert into cf_production (campaign_id, candidate_id, component_code, attempt, process_key,"
                + " submission_id, status, deadline, returned_count, row_version)"
                + " select s.campaign_id, c.id, s.component_code, 1, 'bench-production:' || s.id, s.id, (" + states
                + ")[1 + ((c.id + v.n) % " + STATES.length + ")], now() + interval '60 days', 0, 0"
                + " from cf_submission s join cf_candidate c on s.owner_key = 'candidate:' || c.id"
                + " join (values " + values + ") v(code, n) on v.code = s.component_code where s.campaign_id = ?", campaign);
        jdbc.update("insert into cf_production_file (submission_id, document_code, filename, content_type, size_bytes, sha256,"
                + " content, uploaded_by, uploaded_at) select p.submission_id, 'production', 'production.pdf', 'application/pdf',"
                + " 4, 'bench', decode('25504446', 'hex'), ?, now() from cf_production p"
                + " where p.campaign_id = ? and p.status <> 'AWAITING_SUBMISSION'", COORDINATOR, campaign);
        jdbc.update("update cf_campaign set status = 'LAUNCHED', launched_at = now() where id = ?", campaign);
        return productions;
    }

    /** One open task for the coordinators on each production handed in and not yet admissible, keyed as Certiflow's. */
    private static int openTasks(ConfigurableApplicationContext app, Long campaign) {
        app.getBean(RepositoryService.class).createDeployment().name("console-benchmark")
                .addModelInstance("bench-admissibility.bpmn", Bpmn.createExecutableProcess("BenchConsoleAdmissibility")
                        .startEvent().userTask("Task_CheckAdmissibility").name("Vérifier la recevabilité")
                        .camundaCandidateGroups(Groups.COORDINATORS).endEvent().done())
                .deploy();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        List<String> keys = app.getBean(JdbcTemplate.class).queryForList("select process_key from cf_production"
                + " where campaign_id = ? and status = 'SUBMITTED'", String.class, campaign);
        keys.forEach(key -> runtime.startProcessInstanceByKey("BenchConsoleAdmissibility", key));
        return keys.size();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A client logged into the console as its login page does (session cookie, the form's CSRF token). */
    private static HttpClient login(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/certiflow/connexion")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String body = "username=" + COORDINATOR + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/certiflow/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || !login.headers().firstValue("Location").orElse("").endsWith("/certiflow/campagnes")) {
            throw new IllegalStateException("Console login refused: " + login.statusCode());
        }
        return http;
    }

    private static HttpRequest get(String uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html,application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }
}
