package fr.certiflow.grid;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GridRepository extends JpaRepository<Grid, Long> {

    Optional<Grid> findByProductionIdAndJurorUserId(Long productionId, String jurorUserId);

    List<Grid> findByProductionIdOrderByJurorUserId(Long productionId);
}
