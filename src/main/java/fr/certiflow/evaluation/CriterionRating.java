package fr.certiflow.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A juror's rating of one criterion, the indicators observed (by rank, 1-based) and the comment. */
@Entity
@Table(name = "cf_criterion_rating")
public class CriterionRating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "criterion_code", nullable = false, length = 64)
    private String criterionCode;
    @Column(nullable = false, length = 32)
    private String rating;

    /** Observed indicators' ranks, comma-separated. */
    @Column(length = 500)
    private String indicators;

    @Column(length = 4000)
    private String comment;

    protected CriterionRating() {
    }

    public CriterionRating(String criterionCode, String rating, List<Integer> indicators, String comment) {
        this.criterionCode = criterionCode;
        this.rating = rating;
        this.indicators = indicators.isEmpty() ? null
                : String.join(",", indicators.stream().sorted().map(String::valueOf).toList());
        this.comment = comment;
    }

    public String getCriterionCode() {
        return criterionCode;
    }

    /** The code of a level of the règlement's scale. */
    public String getRating() {
        return rating;
    }

    public List<Integer> getIndicators() {
        return indicators == null ? List.of() : Arrays.stream(indicators.split(",")).map(Integer::valueOf).toList();
    }

    public String getComment() {
        return comment;
    }
}
