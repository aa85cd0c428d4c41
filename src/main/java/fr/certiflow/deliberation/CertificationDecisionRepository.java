package fr.certiflow.deliberation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificationDecisionRepository extends JpaRepository<CertificationDecision, Long> {

    Optional<CertificationDecision> findByCampaignIdAndCandidateId(Long campaignId, Long candidateId);

    List<CertificationDecision> findByCampaignIdOrderByCandidateId(Long campaignId);
}
