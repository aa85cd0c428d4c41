package fr.certiflow.notification;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What operators do with the outbox, from the API or the console: read it by status, send a failed message again. */
@Service
public class OutboxOperations {

    private static final Logger log = LoggerFactory.getLogger(OutboxOperations.class);
    static final int LIMIT = 500;

    private final NotificationRepository notifications;
    private final Clock clock;

    OutboxOperations(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** One message as operators see it. */
    public record NotificationView(Long id, String kind, String recipient, String subject, NotificationStatus status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError, Long productionId) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getRecipient(), n.getSubject(), n.getStatus(),
                    n.getAttempts(), n.getCreatedAt(), n.getStatus() == NotificationStatus.PENDING ? n.getNextAttemptAt() : null,
                    n.getSentAt(), n.getLastError(), n.getProductionId());
        }
    }

    /** How many messages stand in each status, and the latest messages of the statuses asked for (at most 500). */
    public record Outbox(Map<NotificationStatus, Long> counts, List<NotificationView> notifications) {
    }

    @Transactional(readOnly = true)
    public Outbox list(Set<NotificationStatus> statuses) {
        Map<NotificationStatus, Long> counts = new LinkedHashMap<>();
        for (NotificationStatus each : NotificationStatus.values()) {
            counts.put(each, notifications.countByStatus(each));
        }
        return new Outbox(counts, notifications.findByStatusInOrderByIdDesc(statuses, PageRequest.of(0, LIMIT)).stream()
                .map(NotificationView::of).toList());
    }

    /** Queues a failed message again; refuses an unknown one (not found) and one not failed (a conflict). */
    @Transactional
    public NotificationView resend(Long id) {
        Notification notification = notifications.lockById(id).orElseThrow(() ->
                new NotFoundException("Aucun message n° " + id + "."));
        if (notification.getStatus() != NotificationStatus.FAILED) {
            throw new ConflictException("Seul un message en échec peut être renvoyé ; le message n° "
                    + id + " est « " + label(notification.getStatus()) + " ».");
        }
        notification.resend(clock.instant());
        log.info("Mail {} ({}) queued again by {}", id, notification.getKind(),
                SecurityContextHolder.getContext().getAuthentication().getName());
        return NotificationView.of(notification);
    }

    public static String label(NotificationStatus status) {
        return switch (status) {
            case PENDING -> "en attente d'envoi";
            case SENT -> "envoyé";
            case FAILED -> "en échec";
            case NO_ADDRESS -> "sans adresse";
        };
    }
}
