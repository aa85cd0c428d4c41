package fr.certiflow.evaluation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

    List<Evaluation> findByProductionIdOrderByJurorUserId(Long productionId);

    Optional<Evaluation> findByProductionIdAndJurorUserId(Long productionId, String jurorUserId);
}
