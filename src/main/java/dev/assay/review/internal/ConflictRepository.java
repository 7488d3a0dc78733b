package dev.assay.review.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConflictRepository extends JpaRepository<Conflict, Long> {

    List<Conflict> findByInvitationId(long invitationId);

    List<Conflict> findByInvitationIdIn(java.util.Collection<Long> invitationIds);

    boolean existsByInvitationIdAndStaffId(long invitationId, long staffId);
}
