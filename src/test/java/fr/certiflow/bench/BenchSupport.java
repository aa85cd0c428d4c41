package fr.certiflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.certiflow.CertiflowApplication;
import fr.certiflow.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: which ones to run ({@code -Dbench.only=launch,lifecycle,tasklist,documents,console}, all when
 * unset), Certiflow started on a fresh PostgreSQL database, the machine's description, the table and the JSON file.
 */
final class BenchSupport {

    private BenchSupport() {
    }

    /** False when {@code bench.only} names other benchmarks: the caller prints why and returns. */
    static boolean selected(String name) {
        String only = System.getProperty("bench.only", "").strip();
        if (only.isEmpty() || only.equals("all") || Arrays.stream(only.split(",")).map(String::strip).anyMatch(name::equals)) {
            return true;
        }
        System.out.println(name + " benchmark skipped (bench.only=" + only + ")");
        return false;
    }

    /**
     * Certiflow with the postgres profile on a database created afresh, web server on a random port; {@code
     * -Dbench.args} adds settings (space-separated Spring Boot arguments) to compare figures before and after.
     */
    static ConfigurableApplicationContext start(String database, String... extraArguments) throws Exception {
        String url = PostgresServer.freshDatabase(database);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=warn",
                "--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.datasource.password=" + PostgresServer.PASSWORD,
                "--certiflow.admin.password=benchmark-admin-secret"));
        Collections.addAll(arguments, extraArguments);
        // -Dbench.args="--camunda.bpm.job-execution.max-pool-size=4 --…": settings to compare, before and after
        String more = System.getProperty("bench.args", "").strip();
        if (!more.isEmpty() && !more.startsWith("${")) {
            Collections.addAll(arguments, more.split("\\s+"));
            System.out.println("with " + more);
        }
        return new SpringApplicationBuilder(CertiflowApplication.class).profiles("postgres")
                .run(arguments.toArray(String[]::new));
    }

    /** Cores, heap, and the engine settings that bear on the figures. */
    static String machine(ConfigurableApplicationContext app) {
        String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap";
        if (app == null) {
            return machine;
        }
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        JobExecutor jobs = engine.getJobExecutor();
        JobExecutionProperty pool = null;
        try {
            pool = app.getBean(CamundaBpmProperties.class).getJobExecution();
        } catch (RuntimeException e) {
            // only the engine's figures then
        }
        return machine + "; job executor: " + (pool == null ? "" : pool.getCorePoolSize() + "-" + pool.getMaxPoolSize()
                + " threads, queue " + pool.getQueueCapacity() + ", ")
                + jobs.getMaxJobsPerAcquisition() + " jobs per acquisition, wait " + jobs.getWaitTimeInMillis()
                + " ms (max " + jobs.getMaxWait() + " ms); history " + engine.getHistoryLevel().getName();
    }

    static void title(String title) {
        System.out.println();
        System.out.println(title);
        System.out.printf(Locale.ROOT, "| %-56s | %14s |%n", "figure", "value");
        System.out.printf(Locale.ROOT, "| %-56s | %14s |%n", "-".repeat(56), "-".repeat(14));
    }

    static void row(String figure, Object value) {
        String text = value instanceof Double number ? String.format(Locale.ROOT, number >= 100 ? "%.0f" : "%.2f", number)
                : String.valueOf(value);
        System.out.printf(Locale.ROOT, "| %-56s | %14s |%n", figure, text);
    }

    static void writeJson(String name, Map<String, Object> figures) throws IOException {
        Files.createDirectories(Path.of("target/bench"));
        Path file = Path.of("target/bench", name);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), figures);
        System.out.println("written: " + file);
    }

    /** The value below which the given share of the sorted values lies (nearest rank). */
    static double percentile(List<Double> sorted, double share) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
