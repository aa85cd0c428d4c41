package fr.certiflow.production;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupSittingRepository extends JpaRepository<GroupSitting, Long> {

    Optional<GroupSitting> findBySubmissionIdAndRound(Long submissionId, int round);

    Optional<GroupSitting> findByBusinessKey(String businessKey);

    List<GroupSitting> findBySubmissionIdIn(Collection<Long> submissionIds);
}
