package fr.certiflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.PostgresServer;
import fr.certiflow.packaged.CampaignClient;
import fr.certiflow.packaged.CertiflowNode;
import fr.certiflow.packaged.EngineDatabase;
import fr.certiflow.packaged.Wait;
import fr.certiflow.process.ProcessKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Crash during a launch: Certiflow runs as a separate process on PostgreSQL and is killed with SIGKILL three times
 * while it launches a campaign of 200 candidates (600 bloc and 1,000 production instances), each time restarted.
 * Afterwards every expected instance exists exactly once, none is missing, nothing is left to do, no incident.
 */
class CrashDuringLaunchIT {

    private static final int CANDIDATES = 200;

    @Test
    void everyInstanceExactlyOnceAfterThreeKills() throws Exception {
        String url = PostgresServer.freshDatabase("certiflow_crash");
        EngineDatabase db = new EngineDatabase(url);
        FaultCampaign campaign = new FaultCampaign("CRASH", CANDIDATES);
        int expectedBlocs = campaign.expectedBlocKeys().size();
        int expectedProductions = campaign.expectedProductionKeys().size();
        List<Map<String, Long>> kills = new ArrayList<>();

        try (CertiflowNode node = new CertiflowNode("crash-node", url)) {
            node.start();
            campaign.prepare(node, List.of(), Duration.ZERO);

            // 1. The moment the launch is accepted: the campaign's asynchronous start and its first jobs in flight.
            campaign.launch(node);
            node.kill();
            kills.add(state(db));

            // 2. Part of the bloc instances started.
            node.start();
            Wait.until("a third of the bloc instances", Duration.ofMinutes(5),
                    () -> db.instances(ProcessKeys.BLOC_ASSESSMENT) >= expectedBlocs / 3);
            node.kill();
            kills.add(state(db));

            // 3. Part of the production instances started.
            node.start();
            Wait.until("half of the production instances", Duration.ofMinutes(5),
                    () -> db.instances(ProcessKeys.PRODUCTION_ASSESSMENT) >= expectedProductions / 2);
            node.kill();
            kills.add(state(db));

            node.start();
            Wait.until("every production waiting for its submission", Duration.ofMinutes(8),
                    () -> db.waitingAt("Task_AwaitSubmission") >= expectedProductions);
            Wait.until("no job left to execute", Duration.ofMinutes(2), () -> db.pendingJobs() == 0);
        }
        System.out.println("State at each kill: " + kills);

        assertThat(kills.get(1).get("blocs")).as("second kill: some bloc instances started, not all")
                .isBetween(1L, expectedBlocs - 1L);
        assertThat(kills.get(2).get("productions")).as("third kill: some production instances started, not all")
                .isBetween(1L, expectedProductions - 1L);

        assertThat(db.businessKeys(ProcessKeys.BLOC_ASSESSMENT)).as("each candidate's bloc exactly once")
                .containsExactlyInAnyOrderElementsOf(campaign.expectedBlocKeys());
        assertThat(db.businessKeys(ProcessKeys.PRODUCTION_ASSESSMENT)).as("each candidate's composante exactly once")
                .containsExactlyInAnyOrderElementsOf(campaign.expectedProductionKeys());
        assertThat(db.waitingAt("Task_AwaitSubmission")).isEqualTo(expectedProductions);
        assertThat(db.count("select count(*) from act_hi_procinst i join act_re_procdef d on d.id_ = i.proc_def_id_ where d.key_ = ?",
                ProcessKeys.PRODUCTION_ASSESSMENT)).as("no production instance ever started twice, even one since ended")
                .isEqualTo(expectedProductions);
        assertThat(db.count("select count(*) from act_hi_procinst i join act_re_procdef d on d.id_ = i.proc_def_id_ where d.key_ = ?",
                ProcessKeys.CAMPAIGN)).as("one campaign process").isEqualTo(1);
        assertThat(db.count("select count(*) from cf_production where campaign_id = ?", campaign.id)).isEqualTo(expectedProductions);
        // A.1 and A.3 are collective: one submission per group of 4; the others one per candidate.
        assertThat(db.count("select count(*) from cf_submission where campaign_id = ?", campaign.id))
                .isEqualTo(2L * CANDIDATES / 4 + 3L * CANDIDATES);
        assertThat(db.incidents()).as("incidents").isZero();
        assertThat(db.jobsExecutedTwice()).as("jobs executed successfully twice").isEmpty();
    }

    private static Map<String, Long> state(EngineDatabase db) {
        return Map.of("blocs", db.instances(ProcessKeys.BLOC_ASSESSMENT), "productions", db.instances(ProcessKeys.PRODUCTION_ASSESSMENT));
    }
}
