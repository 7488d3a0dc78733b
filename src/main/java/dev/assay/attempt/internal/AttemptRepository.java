package dev.assay.attempt.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttemptRepository extends JpaRepository<Attempt, Long> {

    Optional<Attempt> findByInvitationId(long invitationId);

    @Query("select a.id from Attempt a where a.submittedAt is null and a.deadline < :cutoff")
    List<Long> findOverdue(Instant cutoff);

    @Query("select a from Attempt a where a.assessmentId = :assessmentId and a.submittedAt is not null order by a.submittedAt, a.id")
    List<Attempt> findSubmitted(long assessmentId);
}
