package fr.certiflow.production;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    Optional<Submission> findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(Long campaignId, String componentCode,
            int attempt, String ownerKey);
}
