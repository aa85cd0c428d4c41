package fr.certiflow.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Certiflow's gauges for Prometheus, read from the database every {@code certiflow.metrics.refresh} (30 s) rather
 * than at each scrape, so that a scrape never waits for a query: they describe the whole cluster (every node reports
 * the same values).
 *
 * <ul>
 *   <li>{@code certiflow_outbox_messages{status}}: the mail outbox by status (PENDING, SENT, FAILED, NO_ADDRESS);</li>
 *   <li>{@code certiflow_incidents_open}: open incidents (Cockpit);</li>
 *   <li>{@code certiflow_jobs_failing}: jobs whose last run failed, retries left or not;</li>
 *   <li>{@code certiflow_tasks_open{kind}}: open user tasks by task definition (Task_EvaluateProduction…);</li>
 *   <li>{@code certiflow_productions{campaign,state}}: productions by state per campaign;</li>
 *   <li>{@code certiflow_engine_jobs_total{outcome}}: jobs the engine executed (successful) or saw fail, from its own
 *   metrics, which each node reports to the database every 15 minutes (Camunda's metrics reporter).</li>
 * </ul>
 * Timings: {@code certiflow_import_seconds{kind}} (cohort and jury pool imports) and
 * {@code certiflow_grid_generation_seconds}; mails: {@code certiflow_mail_sent_total}, {@code certiflow_mail_refused_total}.
 */
@Component
class CertiflowMetrics {

    private static final Logger log = LoggerFactory.getLogger(CertiflowMetrics.class);

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final MultiGauge outbox;
    private final MultiGauge tasks;
    private final MultiGauge productions;

    CertiflowMetrics(JdbcTemplate jdbc, ManagementService management, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.management = management;
        outbox = MultiGauge.builder("certiflow.outbox.messages").description("Mails of the outbox by status").register(registry);
        tasks = MultiGauge.builder("certiflow.tasks.open").description("Open user tasks by kind").register(registry);
        productions = MultiGauge.builder("certiflow.productions").description("Productions by state per campaign").register(registry);
        gauge(registry, "certiflow.incidents.open", "Open incidents");
        gauge(registry, "certiflow.jobs.failing", "Jobs whose last run failed");
        for (String outcome : List.of("successful", "failed")) {
            Gauge.builder("certiflow.engine.jobs", values.computeIfAbsent("engine.jobs." + outcome, key -> new AtomicLong()), AtomicLong::get)
                    .description("Jobs executed by the engine, by outcome (engine metrics, every node)")
                    .tag("outcome", outcome).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description) {
        Gauge.builder(name, values.computeIfAbsent(name, key -> new AtomicLong()), AtomicLong::get)
                .description(description).register(registry);
    }

    @Scheduled(fixedDelayString = "${certiflow.metrics.refresh:30s}", initialDelayString = "${certiflow.metrics.initial-delay:10s}")
    void refreshOnSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The database may be unreachable: the readiness probe says so; the gauges keep their last values.
            log.debug("Metrics not refreshed: {}", e.toString());
        }
    }

    void refresh() {
        outbox.register(rows("select status, count(*) from cf_notification group by status", "status"), true);
        tasks.register(rows("select task_def_key_, count(*) from act_ru_task group by task_def_key_", "kind"), true);
        productions.register(jdbc.query("select c.code, p.status, count(*) from cf_production p join cf_campaign c on c.id = p.campaign_id"
                        + " group by c.code, p.status", (rs, row) -> MultiGauge.Row.of(
                        Tags.of("campaign", rs.getString(1), "state", rs.getString(2)), rs.getLong(3))), true);
        set("certiflow.incidents.open", count("select count(*) from act_ru_incident"));
        set("certiflow.jobs.failing", count("select count(*) from act_ru_job where exception_msg_ is not null"));
        set("engine.jobs.successful", management.createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum());
        set("engine.jobs.failed", management.createMetricsQuery().name(Metrics.JOB_FAILED).sum());
    }

    private List<MultiGauge.Row<?>> rows(String sql, String tag) {
        return jdbc.query(sql, (rs, row) -> MultiGauge.Row.of(Tags.of(tag, rs.getString(1)), rs.getLong(2)));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private void set(String name, long value) {
        values.get(name).set(value);
    }
}
