package fr.certiflow.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A juror assigned to evaluate a production. */
@Entity
@Table(name = "cf_jury_assignment")
public class JuryAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "production_id", nullable = false)
    private Long productionId;

    @Column(name = "juror_user_id", nullable = false, length = 64)
    private String jurorUserId;

    /** Assigned by a coordinator rather than by the assignment rule. */
    @Column(nullable = false)
    private boolean manual;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected JuryAssignment() {
    }

    public JuryAssignment(Long productionId, String jurorUserId, boolean manual, Instant assignedAt) {
        this.productionId = productionId;
        this.jurorUserId = jurorUserId;
        this.manual = manual;
        this.assignedAt = assignedAt;
    }

    public Long getProductionId() {
        return productionId;
    }

    public String getJurorUserId() {
        return jurorUserId;
    }

    public boolean isManual() {
        return manual;
    }
}
