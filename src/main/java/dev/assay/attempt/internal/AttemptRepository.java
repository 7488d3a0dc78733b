package dev.assay.attempt.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AttemptRepository extends JpaRepository<Attempt, Long> {

    Optional<Attempt> findByInvitationId(long invitationId);

    /**
     * The attempt, its row locked until the transaction ends: two tabs claiming the attempt at the same moment
     * then take turns instead of one failing on the row's version.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Attempt a where a.invitationId = :invitationId")
    Optional<Attempt> lockByInvitationId(long invitationId);

    /** The columns the candidate page's periodic check needs, without loading the attempt's tasks. */
    @Query("select new dev.assay.attempt.internal.AttemptPulse(a.deadline, a.submittedAt, a.activePage)"
            + " from Attempt a where a.invitationId = :invitationId")
    Optional<AttemptPulse> findPulse(long invitationId);

    @Query("select a.id from Attempt a where a.submittedAt is null and a.deadline < :cutoff")
    List<Long> findOverdue(Instant cutoff);

    @Query("select a from Attempt a where a.assessmentId = :assessmentId and a.submittedAt is not null order by a.submittedAt, a.id")
    List<Attempt> findSubmitted(long assessmentId);
}
