package fr.certiflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import fr.certiflow.PostgresServer;
import fr.certiflow.packaged.CampaignClient;
import fr.certiflow.packaged.CertiflowNode;
import fr.certiflow.packaged.EngineDatabase;
import fr.certiflow.packaged.Wait;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.ProcessKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Camunda's homogeneous cluster: two Certiflow processes on different ports share one PostgreSQL database. A campaign
 * of 100 candidates is launched on node A and both nodes execute its jobs; then every A.4 production is handed in
 * and declared admissible, and node A is killed (SIGKILL) while the nodes assign juries and generate grids. Node B
 * finishes everything, including the reminders that fall due meanwhile. Every instance exists once, every grid and
 * every reminder once, no job ran twice, no incident is left. Both nodes send the outbox to one SMTP server (GreenMail,
 * in this JVM), competing for its messages: every reminder reaches its candidate, at most twice (a node killed between
 * a send and its mark), none is left waiting or parked.
 */
class TwoNodeClusterIT {

    private static final int CANDIDATES = 100;

    @Test
    void nodeBFinishesWhatNodeALeft() throws Exception {
        String url = PostgresServer.freshDatabase("certiflow_cluster");
        EngineDatabase db = new EngineDatabase(url);
        FaultCampaign campaign = new FaultCampaign("CLUSTER", CANDIDATES);
        int expectedProductions = campaign.expectedProductionKeys().size();

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (AutoCloseable stopSmtp = smtp::stop; CertiflowNode a = mailing(new CertiflowNode("node-a", url), smtp);
                CertiflowNode b = mailing(new CertiflowNode("node-b", url), smtp)) {
            // The first node creates the schema; the second joins a database that is ready (see README).
            a.start();
            b.start();
            campaign.prepare(a, List.of("A.1", "A.2"), Duration.ofSeconds(75));
            campaign.launch(a);
            Wait.until("every production waiting for its submission", Duration.ofMinutes(6),
                    () -> db.waitingAt("Task_AwaitSubmission") >= expectedProductions);
            assertThat(db.executedBy("node-a", "%")).as("launch jobs executed by node A").isPositive();
            assertThat(db.executedBy("node-b", "%")).as("launch jobs executed by node B").isPositive();

            // Every A.4 (written, individual) production handed in and declared admissible, through node B.
            CampaignClient coordinator = b.client(FaultCampaign.COORDINATOR, FaultCampaign.COORDINATOR_PASSWORD);
            List<String> productionIds = db.strings("select cast(id as varchar) from cf_production where campaign_id = ? "
                    + "and component_code = 'A.4' order by id", campaign.id);
            assertThat(productionIds).hasSize(CANDIDATES);
            for (String id : productionIds) {
                coordinator.upload("/api/productions/" + id + "/files", Map.of("document", "production"), "plan.txt",
                        AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8), 201);
            }
            Wait.until("every A.4 production at the admissibility check", Duration.ofMinutes(3),
                    () -> db.waitingAt("Task_CheckAdmissibility") == CANDIDATES);
            JsonNode tasks = coordinator.get("/engine-rest/task?taskDefinitionKey=Task_CheckAdmissibility&firstResult=0&maxResults=500");
            assertThat(tasks).hasSize(CANDIDATES);
            // The coordinator declares them admissible one by one (through node B) while both nodes assign juries
            // and generate grids; node A dies once it has generated a few.
            CompletableFuture<Void> admissibility = CompletableFuture.runAsync(() -> {
                for (JsonNode task : tasks) {
                    try {
                        coordinator.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
                                Map.of("variables", Map.of("admissibility", Map.of("value", "RECEVABLE"),
                                        // A.4's six required contents, all present.
                                        "requiredContentsPresent", Map.of("value", "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]",
                                                "type", "Json"))), 204);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            Wait.until("node A generating grids", Duration.ofMinutes(3),
                    () -> db.executedBy("node-a", "Task_GenerateGrids") >= 3);
            long gridsBeforeKill = db.count("select count(*) from cf_grid");
            a.kill();
            System.out.println("Grids when node A was killed: " + gridsBeforeKill + " / " + 2 * CANDIDATES);
            assertThat(gridsBeforeKill).as("node A killed mid-way").isLessThan(2L * CANDIDATES);
            admissibility.get(5, TimeUnit.MINUTES);

            Wait.until("every A.4 production with its two juror tasks", Duration.ofMinutes(4),
                    () -> db.count("select count(*) from act_ru_task where task_def_key_ = 'Task_EvaluateProduction'") == 2L * CANDIDATES);
            Wait.until("a reminder for every A.1 and A.2 production", Duration.ofMinutes(4),
                    () -> db.count("select count(*) from cf_notification where kind = 'REMINDER'") >= 2L * CANDIDATES);
            Wait.until("no job left to execute", Duration.ofMinutes(2), () -> db.pendingJobs() == 0);
            // Mails node A had claimed when it died wait for their lease (15 s) to run out.
            Wait.until("every mail sent", Duration.ofMinutes(2),
                    () -> db.count("select count(*) from cf_notification where status <> 'SENT'") == 0);
            assertThat(b.alive()).isTrue();

            Map<String, Long> received = new java.util.TreeMap<>();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                received.merge(mail.getHeader("X-Certiflow-Notification")[0], 1L, Long::sum);
            }
            List<String> queued = db.strings("select cast(id as varchar) from cf_notification");
            assertThat(received.keySet()).as("every message received, none unknown").containsExactlyInAnyOrderElementsOf(queued);
            assertThat(received.values()).as("at most twice").allMatch(copies -> copies <= 2);
            System.out.println("Mails received twice: " + received.values().stream().filter(copies -> copies == 2).count());
        }

        assertThat(db.businessKeys(ProcessKeys.BLOC_ASSESSMENT)).containsExactlyInAnyOrderElementsOf(campaign.expectedBlocKeys());
        assertThat(db.businessKeys(ProcessKeys.PRODUCTION_ASSESSMENT)).containsExactlyInAnyOrderElementsOf(campaign.expectedProductionKeys());
        assertThat(db.count("select count(*) from cf_grid")).as("two grids per A.4 production").isEqualTo(2L * CANDIDATES);
        assertThat(db.count("select count(distinct production_id) from cf_grid")).isEqualTo(CANDIDATES);
        assertThat(db.count("select count(*) from cf_jury_assignment")).isEqualTo(2L * CANDIDATES);
        assertThat(db.count("select count(*) from act_ru_task where task_def_key_ = 'Task_EvaluateProduction'")).isEqualTo(2L * CANDIDATES);
        assertThat(db.count("select count(*) from cf_notification where kind = 'REMINDER'")).as("one reminder each, none twice")
                .isEqualTo(2L * CANDIDATES);
        assertThat(db.count("select count(*) from cf_notification")).as("no other message").isEqualTo(2L * CANDIDATES);
        assertThat(db.executedBy("node-b", "Task_GenerateGrids")).as("grids generated by node B too").isPositive();
        assertThat(db.incidents()).as("incidents").isZero();
        assertThat(db.jobsExecutedTwice()).as("jobs executed successfully twice").isEmpty();
        assertThat(db.count("select count(*) from cf_notification where status = 'FAILED'")).as("no mail parked").isZero();
    }

    /** A node that sends its outbox to the test's SMTP server in small batches, with a short lease. */
    private static CertiflowNode mailing(CertiflowNode node, GreenMail smtp) {
        return node.environment("SPRING_MAIL_HOST", "127.0.0.1")
                .environment("SPRING_MAIL_PORT", Integer.toString(smtp.getSmtp().getPort()))
                .environment("CERTIFLOW_MAIL_BATCH_SIZE", "5")
                .environment("CERTIFLOW_MAIL_POLL_INTERVAL", "1s")
                .environment("CERTIFLOW_MAIL_LEASE", "15s");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
