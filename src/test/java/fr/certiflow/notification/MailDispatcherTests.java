package fr.certiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox sent to an in-process SMTP server (GreenMail): what the candidate receives, once; the server down and
 * back; refusals, parking and the operator's resend; two nodes sharing the outbox; a node whose lease ran out.
 */
@SpringBootTest(properties = {
        // The tests drive the dispatcher themselves, one batch at a time.
        "certiflow.mail.enabled=false",
        "certiflow.mail.from=certification@example.org",
        "certiflow.mail.batch-size=10",
        "certiflow.mail.max-attempts=3",
        "certiflow.mail.first-retry=1m",
        "certiflow.mail.max-retry=10m",
        "certiflow.mail.server-down-retry=30s",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000"})
@ActiveProfiles("test")
@Tag("application")
class MailDispatcherTests {

    static final int SMTP_PORT = freePort();
    static final Instant NOW = Instant.parse("2027-02-22T08:00:00Z");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Notifier notifier;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    MailOutlet outlet;
    @Autowired
    MailProperties properties;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    GreenMail smtp;

    @BeforeEach
    void start() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        jdbc.update("delete from cf_notification");
        smtp = startSmtp();
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        ClockUtil.reset();
    }

    @Test
    void aQueuedReminderReachesTheCandidateOnceInFrench() throws Exception {
        queueReminder(1, "lea.martin@example.org");

        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(dispatcher.dispatch()).as("nothing left to claim").isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("lea.martin@example.org");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("certification@example.org");
        assertThat(mail.getSubject()).isEqualTo("Session de printemps 2027 — rappel : votre production A.4 est attendue");
        assertThat(mail.getContent().toString())
                .startsWith("Bonjour Léa Martin,")
                .contains("Dans le cadre de la session « Session de printemps 2027 », votre production pour la composante "
                        + "A.4 Plan de management de projet est attendue au plus tard le lundi 1 mars 2027 à 18h00.")
                .contains("Ce que vous devez faire : remettre votre production complète avant cette date.");
        Notification sent = notifications.findAll().get(0);
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.getSentAt()).isEqualTo(NOW);
        assertThat(sent.getAttempts()).isZero();
    }

    @Test
    void theSameMessageQueuedTwiceIsSentOnce() {
        assertThat(queueReminder(1, "lea.martin@example.org")).isTrue();
        assertThat(queueReminder(1, "lea.martin@example.org")).as("same dedup key").isFalse();

        dispatcher.dispatch();
        dispatcher.dispatch();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void messagesWaitWhileTheServerIsDownAndGoOutWhenItReturns() throws Exception {
        queueReminder(1, "lea.martin@example.org");
        queueReminder(2, "hugo.bernard@example.org");
        smtp.stop();

        assertThat(dispatcher.dispatch()).isEqualTo(2);

        assertThat(notifications.findAll()).allSatisfy(waiting -> {
            assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
            assertThat(waiting.getAttempts()).as("the server, not the message, failed").isZero();
            assertThat(waiting.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
            assertThat(waiting.getLastError()).isNotBlank();
        });
        assertThat(dispatcher.dispatch()).as("not due again yet").isZero();

        // Many hours down: still nothing is parked.
        for (int i = 1; i <= 10; i++) {
            ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(i))));
            dispatcher.dispatch();
        }
        assertThat(notifications.findAll()).extracting(Notification::getStatus).containsOnly(NotificationStatus.PENDING);

        smtp = startSmtp();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(11))));
        assertThat(dispatcher.dispatch()).isEqualTo(2);

        assertThat(recipients()).containsExactlyInAnyOrder("lea.martin@example.org", "hugo.bernard@example.org");
        assertThat(notifications.findAll()).extracting(Notification::getStatus).containsOnly(NotificationStatus.SENT);
    }

    @Test
    void aMessageRefusedAtEveryAttemptIsParkedThenSentAgainByAnOperator() {
        Notification refused = queueReminder(1, "lea martin@@example") ? only() : null;
        queueReminder(2, "hugo.bernard@example.org");

        dispatcher.dispatch();
        Notification afterOne = notifications.findById(refused.getId()).orElseThrow();
        assertThat(afterOne.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(afterOne.getAttempts()).isEqualTo(1);
        assertThat(afterOne.getNextAttemptAt()).as("first retry after a minute").isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(recipients()).as("the other message went out").containsExactly("hugo.bernard@example.org");

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofSeconds(59))));
        assertThat(dispatcher.dispatch()).as("not before its time").isZero();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(1))));
        dispatcher.dispatch();
        Notification afterTwo = notifications.findById(refused.getId()).orElseThrow();
        assertThat(afterTwo.getAttempts()).isEqualTo(2);
        assertThat(afterTwo.getNextAttemptAt()).as("then twice as long").isEqualTo(NOW.plus(Duration.ofMinutes(3)));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(3))));
        dispatcher.dispatch();
        Notification parked = notifications.findById(refused.getId()).orElseThrow();
        assertThat(parked.getStatus()).isEqualTo(NotificationStatus.FAILED);
        assertThat(parked.getAttempts()).isEqualTo(3);
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(1))));
        assertThat(dispatcher.dispatch()).as("a parked message waits for an operator").isZero();

        jdbc.update("update cf_notification set recipient = 'lea.martin@example.org' where id = ?", refused.getId());
        notifications.findById(refused.getId()).ifPresent(n -> {
            n.resend(ClockUtil.getCurrentTime().toInstant());
            notifications.save(n);
        });
        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(recipients()).containsExactlyInAnyOrder("hugo.bernard@example.org", "lea.martin@example.org");
    }

    @Test
    void aCandidateWithoutAnAddressIsReportedAndNothingIsSent() {
        assertThat(queueReminder(1, null)).isTrue();
        assertThat(queueReminder(2, "  ")).isTrue();

        assertThat(dispatcher.dispatch()).isZero();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(notifications.findAll()).extracting(Notification::getStatus).containsOnly(NotificationStatus.NO_ADDRESS);
    }

    @Test
    void twoNodesSharingTheOutboxSendEachMessageOnce() throws Exception {
        for (int i = 1; i <= 60; i++) {
            queueReminder(i, "candidat" + i + "@example.org");
        }
        MailDispatcher other = new MailDispatcher(outbox, outlet, properties, clock, "autre-noeud", new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (MailDispatcher node : List.of(dispatcher, other)) {
                Callable<Integer> drain = () -> {
                    int total = 0;
                    for (int claimed = node.dispatch(); claimed > 0; claimed = node.dispatch()) {
                        total += claimed;
                    }
                    return total;
                };
                runs.add(nodes.submit(drain));
            }
            int claimed = 0;
            for (Future<Integer> run : runs) {
                claimed += run.get();
            }
            assertThat(claimed).as("claims of both nodes").isEqualTo(60);
        } finally {
            nodes.shutdown();
        }
        assertThat(recipients()).hasSize(60).doesNotHaveDuplicates();
        assertThat(notifications.findAll()).extracting(Notification::getStatus).containsOnly(NotificationStatus.SENT);
    }

    @Test
    void aMessageClaimedByANodeThatDiedIsSentByAnotherOnceTheLeaseRunsOut() {
        queueReminder(1, "lea.martin@example.org");
        // A node claims it and dies before sending it.
        assertThat(outbox.claim("mort", 10, NOW, NOW.plus(Duration.ofMinutes(2)))).hasSize(1);

        assertThat(dispatcher.dispatch()).as("still leased").isZero();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(2)).plusSeconds(1)));
        assertThat(dispatcher.dispatch()).isEqualTo(1);

        assertThat(recipients()).containsExactly("lea.martin@example.org");
        assertThat(outbox.sent(only().getId(), "mort", NOW)).as("the dead node's late mark changes nothing").isFalse();
        assertThat(only().getStatus()).isEqualTo(NotificationStatus.SENT);
    }

    @Nested
    class Backoff {

        @Test
        void theWaitDoublesFromTheFirstRetryUpToTheLongest() {
            MailProperties backoff = new MailProperties(true, "x@example.org", Duration.ofSeconds(5), 20, Duration.ofMinutes(2), 8,
                    Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofSeconds(30), false);
            assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(backoff::retryAfter).map(Duration::toMinutes).toList())
                    .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        }
    }

    private boolean queueReminder(int production, String recipient) {
        return notifier.queue(MailTemplates.REMINDER, recipient, Map.of(
                        "candidat", "Léa Martin",
                        "campagne", "Session de printemps 2027",
                        "code", "A.4",
                        "composante", "A.4 Plan de management de projet",
                        "echeance", "lundi 1 mars 2027 à 18h00"),
                (long) production, "reminder:" + production + ":0");
    }

    private Notification only() {
        List<Notification> all = notifications.findAll();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<String> recipients() {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                recipients.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return recipients;
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
