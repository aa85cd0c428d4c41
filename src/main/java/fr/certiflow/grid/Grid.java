package fr.certiflow.grid;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A juror's Excel evaluation grid for one production. */
@Entity
@Table(name = "cf_grid")
public class Grid {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "production_id", nullable = false)
    private Long productionId;

    @Column(name = "juror_user_id", nullable = false, length = 64)
    private String jurorUserId;

    @Column(nullable = false, length = 36)
    private String token;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "generated_at", nullable = false)
    private Instant generatedAt;

    protected Grid() {
    }

    Grid(Long productionId, String jurorUserId, String token, byte[] content, Instant generatedAt) {
        this.productionId = productionId;
        this.jurorUserId = jurorUserId;
        this.token = token;
        this.content = content;
        this.generatedAt = generatedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getProductionId() {
        return productionId;
    }

    public String getJurorUserId() {
        return jurorUserId;
    }

    public String getToken() {
        return token;
    }

    public byte[] getContent() {
        return content;
    }

    public Instant getGeneratedAt() {
        return generatedAt;
    }
}
