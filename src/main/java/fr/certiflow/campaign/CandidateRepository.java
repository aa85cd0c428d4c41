package fr.certiflow.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidateRepository extends JpaRepository<Candidate, Long> {

    List<Candidate> findByCampaignIdOrderByNumber(Long campaignId);

    Optional<Candidate> findByCampaignIdAndNumber(Long campaignId, String number);

    List<Candidate> findByCampaignIdAndGroupCode(Long campaignId, String groupCode);

    long countByCampaignId(Long campaignId);
}
