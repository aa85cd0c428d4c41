package fr.certiflow.jury;

import fr.certiflow.production.ProductionJurors;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryAssignmentRepository extends JpaRepository<JuryAssignment, Long>, ProductionJurors {

    List<JuryAssignment> findByProductionIdOrderByJurorUserId(Long productionId);

    boolean existsByProductionIdAndJurorUserId(Long productionId, String jurorUserId);

    @Override
    default boolean isAssigned(Long productionId, String jurorUserId) {
        return existsByProductionIdAndJurorUserId(productionId, jurorUserId);
    }

    /** Productions assigned to each juror of a campaign: [userId, count]. */
    @Query("""
            select a.jurorUserId, count(a) from JuryAssignment a, Production p
            where p.id = a.productionId and p.campaignId = :campaignId
            group by a.jurorUserId""")
    List<Object[]> loadsInCampaign(Long campaignId);
}
