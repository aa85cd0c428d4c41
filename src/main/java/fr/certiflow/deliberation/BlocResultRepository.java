package fr.certiflow.deliberation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BlocResultRepository extends JpaRepository<BlocResult, Long> {

    Optional<BlocResult> findByCampaignIdAndCandidateIdAndBlocCodeAndAttempt(Long campaignId, Long candidateId,
            String blocCode, int attempt);

    List<BlocResult> findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(Long campaignId, Long candidateId);

    List<BlocResult> findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(Long campaignId);
}
