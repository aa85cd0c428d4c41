package fr.certiflow.notification;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queues messages in the outbox, once per dedup key, in the caller's transaction; {@link MailDispatcher} sends them
 * once that transaction has committed. A message to a candidate without an address is kept as NO_ADDRESS, for the
 * coordinators to see, and never sent.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationRepository notifications;
    private final Clock clock;

    Notifier(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Queues the message of a kind's template ({@link MailTemplates}) filled with the model.
     *
     * @return false when a message with this dedup key was already queued
     */
    public boolean queue(String kind, String recipient, Map<String, String> model, Long productionId, String dedupKey) {
        if (notifications.existsByDedupKey(dedupKey)) {
            return false;
        }
        MailTemplates.Mail mail = MailTemplates.render(kind, model);
        return send(kind, recipient, mail.subject(), mail.body(), productionId, dedupKey);
    }

    /** @return false when a message with this dedup key was already queued */
    public boolean send(String kind, String recipient, String subject, String body, Long productionId, String dedupKey) {
        if (notifications.existsByDedupKey(dedupKey)) {
            return false;
        }
        Notification notification = notifications.save(
                new Notification(kind, recipient, subject, body, productionId, dedupKey, clock.instant()));
        if (notification.getStatus() == NotificationStatus.NO_ADDRESS) {
            log.warn("No e-mail address for {} ({}): reported to the coordinators, not sent", kind, dedupKey);
        } else {
            log.info("Queued {} for {} ({})", kind, recipient, dedupKey);
        }
        return true;
    }
}
