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

    /**
     * A campaign's messages of the given kinds: those of its productions (convocations) and those its decisions
     * queued per candidate (keys « bloc-result:{campaign}:… » and « result:{campaign}:… »).
     */
    @Query("select n from Notification n where n.kind in :kinds and (n.productionId in "
            + "(select p.id from Production p where p.campaignId = :campaignId) "
            + "or n.dedupKey like :resultKeys or n.dedupKey like :blocResultKeys) order by n.id")
    List<Notification> findOfCampaign(Long campaignId, Collection<String> kinds, String resultKeys, String blocResultKeys);

    default List<Notification> findOfCampaign(Long campaignId, Collection<String> kinds) {
        return findOfCampaign(campaignId, kinds, "result:" + campaignId + ":%", "bloc-result:" + campaignId + ":%");
    }

    /** The message, locked until the end of the transaction: a resend and a dispatch never cross. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> lockById(Long id);
}
