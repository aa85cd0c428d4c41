package fr.certiflow.regulation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegulationVersionRepository extends JpaRepository<RegulationVersionEntity, Long> {

    Optional<RegulationVersionEntity> findByReferentialCodeAndReferentialVersionAndVersion(String referentialCode,
            int referentialVersion, int version);

    java.util.List<RegulationVersionEntity> findAllByOrderByIdAsc();
}
