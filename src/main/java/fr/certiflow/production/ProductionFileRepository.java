package fr.certiflow.production;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductionFileRepository extends JpaRepository<ProductionFile, Long> {

    List<ProductionFile> findBySubmissionIdOrderById(Long submissionId);

    List<ProductionFile> findBySubmissionIdInOrderById(java.util.Collection<Long> submissionIds);

    List<ProductionFile> findBySubmissionIdAndDocumentCode(Long submissionId, String documentCode);
}
