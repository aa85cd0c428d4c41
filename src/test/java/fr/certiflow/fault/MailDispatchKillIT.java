package fr.certiflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.certiflow.PostgresServer;
import fr.certiflow.packaged.CertiflowNode;
import fr.certiflow.packaged.EngineDatabase;
import fr.certiflow.packaged.TcpProxy;
import fr.certiflow.packaged.Wait;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The outbox's guarantee (README, « Mails to candidates ») at its worst moment, made deterministic: node A sends its
 * batch through a relay that freezes as soon as the SMTP server has received the end of A's first message, before
 * its answer reaches A; A, stuck between the send and the mark, is killed (SIGKILL). Node B, started afterwards, sends
 * every message once A's lease has run out: the message A was sending arrives twice (the documented bound, one per
 * failure, within the batch A held), every other one once, none lost, none parked.
 */
class MailDispatchKillIT {

    private static final int CANDIDATES = 8;
    private static final int BATCH = 5;

    @Test
    void aNodeKilledBetweenSendAndMarkDuplicatesOnlyTheMessageInFlight() throws Exception {
        String url = PostgresServer.freshDatabase("certiflow_maildispatch");
        EngineDatabase db = new EngineDatabase(url);
        FaultCampaign campaign = new FaultCampaign("MAILKILL", CANDIDATES);

        int smtpPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (AutoCloseable stopSmtp = smtp::stop; TcpProxy relay = new TcpProxy("127.0.0.1", smtpPort);
                CertiflowNode a = mailing(new CertiflowNode("node-a", url), relay.port())
                        // Stuck for as long as the test needs: no SMTP timeout turns the kill into a server outage.
                        .environment("SPRING_APPLICATION_JSON", "{\"spring.mail.properties.mail.smtp.timeout\": \"600000\"}");
                CertiflowNode b = mailing(new CertiflowNode("node-b", url), smtpPort)) {
            // The end of a message's data (RFC 5321): the server has it all and answers; A never hears the answer.
            relay.freezeAfterClientSends("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            a.start();
            // Reminders of A.1 and A.2 fall due as soon as the productions wait for their submission.
            campaign.prepare(a, List.of("A.1", "A.2"), Duration.ZERO);
            campaign.launch(a);

            assertThat(relay.awaitFrozen(Duration.ofMinutes(4))).as("node A sent a message").isTrue();
            Wait.until("the server holding the message node A sent", Duration.ofSeconds(30),
                    () -> smtp.getReceivedMessages().length == 1);
            String inFlight = smtp.getReceivedMessages()[0].getHeader("X-Certiflow-Notification")[0];
            long heldByA = db.count("select count(*) from cf_notification where status = 'PENDING' and claimed_by like 'node-a/%'");
            assertThat(heldByA).as("node A holds its batch, the message in flight among it").isBetween(1L, (long) BATCH);
            assertThat(db.count("select count(*) from cf_notification where status = 'PENDING' and claimed_by like 'node-a/%'"
                    + " and id = " + Long.parseLong(inFlight))).as("the message in flight not marked sent").isEqualTo(1);
            a.kill();

            b.start();
            Wait.until("a reminder for every A.1 and A.2 production", Duration.ofMinutes(4),
                    () -> db.count("select count(*) from cf_notification where kind = 'REMINDER'") == 2L * CANDIDATES);
            Wait.until("every mail sent by node B once node A's lease ran out", Duration.ofMinutes(2),
                    () -> db.count("select count(*) from cf_notification where status <> 'SENT'") == 0);

            Map<String, Long> received = new TreeMap<>();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                received.merge(mail.getHeader("X-Certiflow-Notification")[0], 1L, Long::sum);
            }
            List<String> queued = db.strings("select cast(id as varchar) from cf_notification");
            assertThat(received.keySet()).as("every message received, none unknown").containsExactlyInAnyOrderElementsOf(queued);
            assertThat(received.get(inFlight)).as("the message in flight when node A died, sent again by B").isEqualTo(2L);
            assertThat(received).as("every other message once").allSatisfy((id, copies) -> {
                if (!id.equals(inFlight)) {
                    assertThat(copies).as("copies of %s", id).isEqualTo(1L);
                }
            });
            assertThat(db.count("select count(*) from cf_notification where status = 'FAILED'")).as("none parked").isZero();
            assertThat(db.count("select count(*) from cf_notification where claimed_by like 'node-a/%'")).isZero();
        }
    }

    /** A node that sends its outbox to the given SMTP port in small batches, with a short lease. */
    private static CertiflowNode mailing(CertiflowNode node, int smtpPort) {
        return node.environment("SPRING_MAIL_HOST", "127.0.0.1")
                .environment("SPRING_MAIL_PORT", Integer.toString(smtpPort))
                .environment("CERTIFLOW_MAIL_BATCH_SIZE", Integer.toString(BATCH))
                .environment("CERTIFLOW_MAIL_POLL_INTERVAL", "1s")
                .environment("CERTIFLOW_MAIL_LEASE", "15s");
    }
}
