package fr.certiflow.evaluation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One juror's evaluation of one production, criterion by criterion. */
@Entity
@Table(name = "cf_evaluation")
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "production_id", nullable = false)
    private Long productionId;

    @Column(name = "juror_user_id", nullable = false, length = 64)
    private String jurorUserId;

    /** FORM (Tasklist) or GRID (uploaded Excel grid). */
    @Column(nullable = false, length = 10)
    private String channel;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "evaluation_id", nullable = false)
    @OrderBy("id")
    private List<CriterionRating> ratings = new ArrayList<>();

    protected Evaluation() {
    }

    Evaluation(Long productionId, String jurorUserId, String channel, Instant submittedAt, List<CriterionRating> ratings) {
        this.productionId = productionId;
        this.jurorUserId = jurorUserId;
        this.channel = channel;
        this.submittedAt = submittedAt;
        this.ratings.addAll(ratings);
    }

    public Long getProductionId() {
        return productionId;
    }

    public String getJurorUserId() {
        return jurorUserId;
    }

    public String getChannel() {
        return channel;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<CriterionRating> getRatings() {
        return List.copyOf(ratings);
    }

    public Optional<CriterionRating> rating(String criterionCode) {
        return ratings.stream().filter(rating -> rating.getCriterionCode().equals(criterionCode)).findFirst();
    }
}
