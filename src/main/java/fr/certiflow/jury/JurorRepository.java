package fr.certiflow.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JurorRepository extends JpaRepository<Juror, Long> {

    List<Juror> findByCampaignIdOrderByUserId(Long campaignId);

    Optional<Juror> findByCampaignIdAndUserId(Long campaignId, String userId);

    long countByCampaignId(Long campaignId);
}
