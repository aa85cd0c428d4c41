package fr.certiflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox for operators: messages parked as failed and candidates without an address (by default), or any status;
 * a failed message sent again. Roles: {@code fr.certiflow.identity.ApiSecurity}.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);
    static final int LIMIT = 500;

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationController(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** One message as operators see it. */
    record NotificationView(Long id, String kind, String recipient, String subject, NotificationStatus status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError, Long productionId) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getRecipient(), n.getSubject(), n.getStatus(),
                    n.getAttempts(), n.getCreatedAt(), n.getStatus() == NotificationStatus.PENDING ? n.getNextAttemptAt() : null,
                    n.getSentAt(), n.getLastError(), n.getProductionId());
        }
    }

    /** How many messages stand in each status, and the latest messages of the statuses asked for (at most 500). */
    record Outbox(Map<NotificationStatus, Long> counts, List<NotificationView> notifications) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    Outbox list(@RequestParam(name = "status", required = false) List<String> status) {
        Set<NotificationStatus> statuses = status == null || status.isEmpty()
                ? EnumSet.of(NotificationStatus.FAILED, NotificationStatus.NO_ADDRESS)
                : status.stream().map(NotificationController::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationStatus.class)));
        Map<NotificationStatus, Long> counts = new LinkedHashMap<>();
        for (NotificationStatus each : NotificationStatus.values()) {
            counts.put(each, notifications.countByStatus(each));
        }
        return new Outbox(counts, notifications.findByStatusInOrderByIdDesc(statuses, PageRequest.of(0, LIMIT)).stream()
                .map(NotificationView::of).toList());
    }

    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    ResponseEntity<NotificationView> resend(@PathVariable Long id) {
        Notification notification = notifications.lockById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun message n° " + id + "."));
        if (notification.getStatus() != NotificationStatus.FAILED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Seul un message en échec peut être renvoyé ; le message n° "
                    + id + " est « " + label(notification.getStatus()) + " ».");
        }
        notification.resend(clock.instant());
        log.info("Mail {} ({}) queued again by {}", id, notification.getKind(),
                SecurityContextHolder.getContext().getAuthentication().getName());
        return ResponseEntity.accepted().body(NotificationView.of(notification));
    }

    private static NotificationStatus status(String value) {
        try {
            return NotificationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Paramètre « status » invalide : « " + value
                    + " » ; valeurs admises : " + Arrays.stream(NotificationStatus.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    static String label(NotificationStatus status) {
        return switch (status) {
            case PENDING -> "en attente d'envoi";
            case SENT -> "envoyé";
            case FAILED -> "en échec";
            case NO_ADDRESS -> "sans adresse";
        };
    }
}
