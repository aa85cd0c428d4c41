package fr.certiflow.notification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;
import java.util.Optional;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByDedupKey(String dedupKey);

    List<Notification> findByProductionIdOrderById(Long productionId);

    List<Notification> findByStatusInOrderByIdDesc(Collection<NotificationStatus> statuses, Pageable page);

    long countByStatus(NotificationStatus status);

    /** The message, locked until the end of the transaction: a resend and a dispatch never cross. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> lockById(Long id);
}
