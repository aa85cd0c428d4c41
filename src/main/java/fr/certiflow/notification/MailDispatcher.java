package fr.certiflow.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends the outbox: claims a batch of due messages for this node (a lease, see {@link Outbox}), sends each one, and
 * marks it sent. A message the server refuses is tried again after a growing wait and parked as FAILED after
 * {@code certiflow.mail.max-attempts} refusals; an operator sends it again ({@code POST /api/notifications/{id}/resend}).
 * When the server cannot be reached at all, the batch stops and its messages wait without losing an attempt.
 *
 * <p>At least once: a message is marked sent only after the server accepted it. A node that dies between the two
 * leaves it claimed; once the lease has run out another node sends it again, so that a message goes out twice at
 * most per lease that ran out while it was being sent.
 */
@Service
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final Outbox outbox;
    private final MailOutlet outlet;
    private final MailProperties properties;
    private final Clock clock;
    private final String node;
    private final Counter sentCount;
    private final Counter refusedCount;
    /** Set by a batch that found the mail server unreachable: the poll stops there. */
    private volatile boolean serverDown;

    MailDispatcher(Outbox outbox, MailOutlet outlet, MailProperties properties, Clock clock,
            @Value("${certiflow.node-name:}") String nodeName, MeterRegistry meters) {
        this.sentCount = Counter.builder("certiflow.mail.sent").description("Mails accepted by the mail server, this node").register(meters);
        this.refusedCount = Counter.builder("certiflow.mail.refused").description("Mails refused by the mail server, this node").register(meters);
        this.outbox = outbox;
        this.outlet = outlet;
        this.properties = properties;
        this.clock = clock;
        // Unique per run, so that a node restarted under the same name does not take its former self's claims for its own.
        this.node = (nodeName.isBlank() ? "node" : nodeName.strip()) + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(fixedDelayString = "${certiflow.mail.poll-interval:5s}", initialDelayString = "${certiflow.mail.poll-interval:5s}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            serverDown = false;
            while (dispatch() == properties.batchSize() && !serverDown) {
                // A full batch: there may be more due right now.
            }
        } catch (RuntimeException e) {
            // The database may be down: the next poll tries again.
            log.warn("Mail dispatch failed: {}", e.toString());
        }
    }

    /**
     * One batch: claims, sends and marks up to {@code batchSize} due messages.
     *
     * @return how many messages were claimed
     */
    public int dispatch() {
        Instant now = clock.instant();
        List<Outbox.Claimed> batch = outbox.claim(node, properties.batchSize(), now, now.plus(properties.lease()));
        for (int i = 0; i < batch.size(); i++) {
            Outbox.Claimed mail = batch.get(i);
            try {
                outlet.send(mail);
                sentCount.increment();
                if (!outbox.sent(mail.id(), node, clock.instant())) {
                    log.warn("Mail {} was sent after this node's lease ran out: another node may send it too", mail.id());
                }
            } catch (MailOutlet.SendFailure failure) {
                if (failure.serverUnavailable()) {
                    serverDown = true;
                    Instant later = clock.instant().plus(properties.serverDownRetry());
                    log.warn("Mail server unavailable ({}): {} message(s) wait until {}", failure.getMessage(), batch.size() - i, later);
                    for (Outbox.Claimed waiting : batch.subList(i, batch.size())) {
                        outbox.postpone(waiting.id(), node, later, failure.getMessage());
                    }
                    return batch.size();
                }
                refusedCount.increment();
                int attempts = mail.attempts() + 1;
                boolean parked = attempts >= properties.maxAttempts();
                Instant next = clock.instant().plus(properties.retryAfter(attempts));
                outbox.refused(mail.id(), node, attempts, next, parked, failure.getMessage());
                if (parked) {
                    log.error("Mail {} ({} to {}) refused {} times, parked as failed: {}", mail.id(), mail.kind(), mail.recipient(),
                            attempts, failure.getMessage());
                } else {
                    log.warn("Mail {} refused (attempt {}), tried again at {}: {}", mail.id(), attempts, next, failure.getMessage());
                }
            }
        }
        return batch.size();
    }

    String node() {
        return node;
    }
}
