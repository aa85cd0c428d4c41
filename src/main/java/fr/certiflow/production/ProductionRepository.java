package fr.certiflow.production;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductionRepository extends JpaRepository<Production, Long> {

    Optional<Production> findByCampaignIdAndCandidateIdAndComponentCodeAndAttempt(Long campaignId, Long candidateId,
            String componentCode, int attempt);

    Optional<Production> findByProcessKey(String processKey);

    List<Production> findBySubmissionId(Long submissionId);

    List<Production> findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(Long campaignId, Long candidateId);

    List<Production> findByCampaignId(Long campaignId);
}
