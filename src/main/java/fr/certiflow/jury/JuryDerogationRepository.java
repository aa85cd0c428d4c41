package fr.certiflow.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryDerogationRepository extends JpaRepository<JuryDerogation, Long> {

    Optional<JuryDerogation> findByProductionId(Long productionId);

    /** The derogations of a campaign's productions, for its PV. */
    @Query("""
            select d from JuryDerogation d, Production p
            where p.id = d.productionId and p.campaignId = :campaignId
            order by d.productionId""")
    List<JuryDerogation> findByCampaignId(Long campaignId);
}
