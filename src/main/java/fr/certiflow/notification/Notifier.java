package fr.certiflow.notification;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Queues messages in the outbox, once per dedup key, in the caller's transaction. */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationRepository notifications;
    private final Clock clock;

    Notifier(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @return false when a message with this dedup key was already queued */
    public boolean send(String kind, String recipient, String subject, String body, Long productionId, String dedupKey) {
        if (notifications.existsByDedupKey(dedupKey)) {
            return false;
        }
        notifications.save(new Notification(kind, recipient, subject, body, productionId, dedupKey, clock.instant()));
        log.info("Queued {} for {} ({})", kind, recipient, dedupKey);
        return true;
    }
}
