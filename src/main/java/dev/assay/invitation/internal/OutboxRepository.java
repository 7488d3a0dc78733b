package dev.assay.invitation.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByDeliveryOrderByIdAsc(OutboxMessage.Delivery delivery, Pageable page);

    List<OutboxMessage> findByInvitationId(Long invitationId);

    List<OutboxMessage> findAllByOrderByIdDesc(Pageable page);

    long countByDelivery(OutboxMessage.Delivery delivery);

    /** Messages whose recipient or subject contains the pattern (a lower-cased LIKE pattern), newest first. */
    @Query("select m from OutboxMessage m where lower(m.recipient) like :pattern escape '\\' "
            + "or lower(m.subject) like :pattern escape '\\' order by m.id desc")
    List<OutboxMessage> search(String pattern, Pageable page);

    @Query("select count(m) from OutboxMessage m where lower(m.recipient) like :pattern escape '\\' "
            + "or lower(m.subject) like :pattern escape '\\'")
    long countMatching(String pattern);
}
