package fr.certiflow.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The jury's rating of a criterion for a production: the jurors' common rating, or the harmonised one. */
@Entity
@Table(name = "cf_consolidated_rating")
public class ConsolidatedRating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "production_id", nullable = false)
    private Long productionId;

    @Column(name = "criterion_code", nullable = false, length = 64)
    private String criterionCode;
    @Column(nullable = false, length = 32)
    private String rating;

    /** Decided by the jury president because the jurors diverged. */
    @Column(nullable = false)
    private boolean harmonised;

    @Column(length = 4000)
    private String comment;

    /** The jury president who retained this rating when the jurors diverged on the composante; null when they agreed. */
    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    protected ConsolidatedRating() {
    }

    ConsolidatedRating(Long productionId, String criterionCode, String rating, boolean harmonised, String comment,
            String decidedBy) {
        this.productionId = productionId;
        this.criterionCode = criterionCode;
        this.rating = rating;
        this.harmonised = harmonised;
        this.comment = comment;
        this.decidedBy = decidedBy;
    }

    public Long getProductionId() {
        return productionId;
    }

    public String getCriterionCode() {
        return criterionCode;
    }

    /** The code of a level of the règlement's scale. */
    public String getRating() {
        return rating;
    }

    public boolean isHarmonised() {
        return harmonised;
    }

    public String getComment() {
        return comment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
