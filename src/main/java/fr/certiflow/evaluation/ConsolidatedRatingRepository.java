package fr.certiflow.evaluation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsolidatedRatingRepository extends JpaRepository<ConsolidatedRating, Long> {

    List<ConsolidatedRating> findByProductionIdOrderByCriterionCode(Long productionId);

    void deleteByProductionId(Long productionId);
}
