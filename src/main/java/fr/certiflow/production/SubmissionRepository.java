package fr.certiflow.production;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    List<Submission> findByCampaignIdAndAttempt(Long campaignId, int attempt);

    Optional<Submission> findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(Long campaignId, String componentCode,
            int attempt, String ownerKey);
}
