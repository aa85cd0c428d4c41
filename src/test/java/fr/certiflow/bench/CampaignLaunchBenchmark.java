package fr.certiflow.bench;

import fr.certiflow.CertiflowApplication;
import fr.certiflow.PostgresServer;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignLauncher;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CohortImport;
import fr.certiflow.jury.JuryPoolImport;
import fr.certiflow.process.ProcessKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Launch benchmark (not a test): on a fresh PostgreSQL database, a campaign of N candidates (default 1,000) × the
 * seed's 3 blocs is imported and launched through the services the REST API calls; the figure is the time until
 * every production instance waits at its submission task, with the job executor doing the work as in production.
 * Run with {@code mvn -Pbench verify}; {@code -Dbench.candidates=N} changes the size. Prints a table and writes
 * target/bench/launch.json.
 */
public final class CampaignLaunchBenchmark {

    private CampaignLaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int candidates = Integer.getInteger("bench.candidates", 1000);
        String url = PostgresServer.freshDatabase("certiflow_bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CertiflowApplication.class)
                .profiles("postgres")
                .run("--server.port=0", "--logging.level.root=warn", "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresServer.USER,
                        "--spring.datasource.password=" + PostgresServer.PASSWORD,
                        "--certiflow.admin.password=benchmark-admin-secret")) {
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
        app.getBean(CohortImport.class).importFile(campaign.getId(), "cohorte.csv", cohort.toString().getBytes(StandardCharsets.UTF_8));
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        StringBuilder jury = new StringBuilder("Identifiant;Nom;Professionnel extérieur;Qualifié en anglais;Charge maximale\n");
        for (int i = 1; i <= 40; i++) {
            jury.append("bench").append(i).append(";Juré ").append(i).append(';').append(i % 2 == 0 ? "oui" : "non")
                    .append(';').append(i % 5 == 0 ? "oui" : "non").append(";1000\n");
        }
        app.getBean(JuryPoolImport.class).importFile(campaign.getId(), "jury.csv", jury.toString().getBytes(StandardCharsets.UTF_8));

        long expectedBlocs = 3L * size;
        long expectedProductions = 5L * size;
        long start = System.nanoTime();
        app.getBean(CampaignLauncher.class).launch(campaign.getId());
        double requestMillis = (System.nanoTime() - start) / 1e6;
        long waiting = 0;
        long lastPrint = 0;
        while (waiting < expectedProductions) {
            Thread.sleep(1000);
            waiting = runtime.createExecutionQuery().processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                    .activityId("Task_AwaitSubmission").count();
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (elapsed - lastPrint >= 15) {
                lastPrint = elapsed;
                System.out.printf("  … %d s: %d / %d productions waiting, %d jobs left, %d incidents%n", elapsed, waiting,
                        expectedProductions, management.createJobQuery().executable().count(), runtime.createIncidentQuery().count());
            }
            if (elapsed > 3600) {
                throw new IllegalStateException("Launch not finished after an hour");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long blocs = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.BLOC_ASSESSMENT).count();
        long incidents = runtime.createIncidentQuery().count();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap";
        System.out.println();
        System.out.println("Campaign launch benchmark (PostgreSQL, job executor defaults)");
        System.out.printf(Locale.ROOT, "| %-40s | %12s |%n", "figure", "value");
        System.out.printf(Locale.ROOT, "| %-40s | %12d |%n", "candidates", size);
        System.out.printf(Locale.ROOT, "| %-40s | %12.1f |%n", "cohort import (s)", importSeconds);
        System.out.printf(Locale.ROOT, "| %-40s | %12.0f |%n", "launch request (ms)", requestMillis);
        System.out.printf(Locale.ROOT, "| %-40s | %12d |%n", "bloc instances", blocs);
        System.out.printf(Locale.ROOT, "| %-40s | %12d |%n", "production instances waiting", waiting);
        System.out.printf(Locale.ROOT, "| %-40s | %12.1f |%n", "launch to all waiting (s)", seconds);
        System.out.printf(Locale.ROOT, "| %-40s | %12.1f |%n", "process instances per second", (blocs + waiting) / seconds);
        System.out.printf(Locale.ROOT, "| %-40s | %12d |%n", "incidents", incidents);
        System.out.println("machine: " + machine);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/launch.json"), String.format(Locale.ROOT,
                "{\"candidates\": %d, \"cohortImportSeconds\": %.2f, \"launchRequestMillis\": %.0f, \"blocInstances\": %d, "
                        + "\"productionInstances\": %d, \"expectedBlocs\": %d, \"seconds\": %.2f, \"instancesPerSecond\": %.1f, "
                        + "\"incidents\": %d, \"machine\": \"%s\"}%n",
                size, importSeconds, requestMillis, blocs, waiting, expectedBlocs, seconds, (blocs + waiting) / seconds, incidents, machine));
    }

}
