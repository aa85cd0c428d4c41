package fr.certiflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message for a person, in French. The outbox a mail relay reads; its dedup key makes sending idempotent. */
@Entity
@Table(name = "cf_notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 320)
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
