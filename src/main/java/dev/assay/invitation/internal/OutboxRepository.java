package dev.assay.invitation.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByDeliveryOrderByIdAsc(OutboxMessage.Delivery delivery, Pageable page);

    List<OutboxMessage> findByInvitationId(Long invitationId);

    List<OutboxMessage> findAllByOrderByIdDesc(Pageable page);

    long countByDelivery(OutboxMessage.Delivery delivery);
}
