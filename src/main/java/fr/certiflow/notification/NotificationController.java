package fr.certiflow.notification;

import fr.certiflow.errors.RefusedException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for operators: messages parked as failed and candidates without an address (by default), or any status;
 * a failed message sent again. Roles: {@code fr.certiflow.identity.ApiSecurity}.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final OutboxOperations outbox;

    NotificationController(OutboxOperations outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    OutboxOperations.Outbox list(@RequestParam(name = "status", required = false) List<String> status) {
        Set<NotificationStatus> statuses = status == null || status.isEmpty()
                ? EnumSet.of(NotificationStatus.FAILED, NotificationStatus.NO_ADDRESS)
                : status.stream().map(NotificationController::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationStatus.class)));
        return outbox.list(statuses);
    }

    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<OutboxOperations.NotificationView> resend(@PathVariable Long id) {
        return ResponseEntity.accepted().body(outbox.resend(id));
    }

    private static NotificationStatus status(String value) {
        try {
            return NotificationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RefusedException("Paramètre « status » invalide : « " + value
                    + " » ; valeurs admises : " + Arrays.stream(NotificationStatus.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }
}
