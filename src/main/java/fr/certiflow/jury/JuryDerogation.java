package fr.certiflow.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A manual jury designation that sets rules of the règlement aside: which, why, by whom, when. */
@Entity
@Table(name = "cf_jury_derogation")
public class JuryDerogation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "production_id", nullable = false, updatable = false)
    private Long productionId;

    /** The title of the rules set aside (« Règlement de certification MMDC v1 »). */
    @Column(nullable = false, length = 200, updatable = false)
    private String source;

    /** The breaches the coordinator was shown, one a line. */
    @Column(nullable = false, length = 20000, updatable = false)
    private String breaches;

    @Column(nullable = false, length = 4000, updatable = false)
    private String reason;

    @Column(name = "decided_by", nullable = false, length = 64, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected JuryDerogation() {
    }

    JuryDerogation(Long productionId, String source, List<String> breaches, String reason, String decidedBy, Instant decidedAt) {
        this.productionId = productionId;
        this.source = source;
        this.breaches = String.join("\n", breaches);
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getProductionId() {
        return productionId;
    }

    public String getSource() {
        return source;
    }

    public List<String> breaches() {
        return Arrays.asList(breaches.split("\n"));
    }

    public String getReason() {
        return reason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
