package fr.certiflow.referential;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferentialVersionRepository extends JpaRepository<ReferentialVersionEntity, Long> {

    Optional<ReferentialVersionEntity> findByCodeAndVersion(String code, int version);

    List<ReferentialVersionEntity> findAllByOrderByCodeAscVersionAsc();
}
