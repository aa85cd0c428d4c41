package fr.certiflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message for a person, in French: the outbox {@link MailDispatcher} sends. Its dedup key makes queuing idempotent;
 * its status, attempts and claim say where the sending stands.
 */
@Entity
@Table(name = "cf_notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String kind;

    /** Null or blank when the candidate has no address (status NO_ADDRESS). */
    @Column(length = 320)
    private String recipient;

    @Column(nullable = false, length = 500)
    private String subject;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "production_id")
    private Long productionId;

    @Column(name = "dedup_key", nullable = false, length = 200)
    private String dedupKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NotificationStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected Notification() {
    }

    Notification(String kind, String recipient, String subject, String body, Long productionId, String dedupKey,
            Instant createdAt) {
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.productionId = productionId;
        this.dedupKey = dedupKey;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
        this.status = recipient == null || recipient.isBlank() ? NotificationStatus.NO_ADDRESS : NotificationStatus.PENDING;
    }

    /** An operator sends a parked message again: a fresh series of attempts, from now. */
    void resend(Instant now) {
        if (status != NotificationStatus.FAILED) {
            throw new IllegalStateException("Only a failed message is sent again, not one " + status);
        }
        status = NotificationStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        claimedBy = null;
        claimedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Long getProductionId() {
        return productionId;
    }
}
