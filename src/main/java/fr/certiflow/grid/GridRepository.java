package fr.certiflow.grid;

import fr.certiflow.evaluation.EvaluationGrids;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GridRepository extends JpaRepository<Grid, Long>, EvaluationGrids {

    Optional<Grid> findByProductionIdAndJurorUserId(Long productionId, String jurorUserId);

    @Override
    default Optional<Long> gridId(Long productionId, String jurorUserId) {
        return findByProductionIdAndJurorUserId(productionId, jurorUserId).map(Grid::getId);
    }

    List<Grid> findByProductionIdOrderByJurorUserId(Long productionId);
}
