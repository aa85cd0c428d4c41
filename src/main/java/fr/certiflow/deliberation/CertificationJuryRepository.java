package fr.certiflow.deliberation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificationJuryRepository extends JpaRepository<CertificationJury, Long> {

    Optional<CertificationJury> findByCampaignId(Long campaignId);
}
