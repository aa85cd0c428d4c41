package fr.certiflow.production;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    List<Submission> findByCampaignIdAndAttempt(Long campaignId, int attempt);

    Optional<Submission> findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(Long campaignId, String componentCode,
            int attempt, String ownerKey);

    /**
     * The submission, its row locked until the transaction ends: the members of a group joining their sitting at the
     * same moment (one job each) take their turn, so the second finds the sitting the first opened.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Submission s where s.id = :id")
    Optional<Submission> lockById(Long id);
}
