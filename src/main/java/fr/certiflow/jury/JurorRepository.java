package fr.certiflow.jury;

import fr.certiflow.campaign.JuryPool;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JurorRepository extends JpaRepository<Juror, Long>, JuryPool {

    List<Juror> findByCampaignIdOrderByUserId(Long campaignId);

    Optional<Juror> findByCampaignIdAndUserId(Long campaignId, String userId);

    long countByCampaignId(Long campaignId);

    @Override
    default long jurorCount(Long campaignId) {
        return countByCampaignId(campaignId);
    }
}
