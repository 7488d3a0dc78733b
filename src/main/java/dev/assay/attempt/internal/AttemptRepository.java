package dev.assay.attempt.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
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

    /**
     * Stores one task's answer in one statement, only while the attempt can take it: not submitted, within the
     * deadline and its grace ({@code writableSince} is now minus the grace), saved by this page, and the task at
     * that position is the version the page shows. Returns the number of rows written: 0 means one of those
     * conditions failed, and the caller finds out which through the entity.
     */
    @Modifying
    @Query(value = "UPDATE attempt_task SET answer_json = :json, saved_at = :now, save_count = save_count + 1 "
            + "WHERE task_position = :position AND task_version_id = :version AND attempt_id = (SELECT a.id FROM "
            + "attempt a WHERE a.invitation_id = :invitation AND a.submitted_at IS NULL "
            + "AND a.deadline >= :writableSince AND a.active_page = :page)", nativeQuery = true)
    int storeAnswer(long invitation, int position, long version, String page, String json, Instant now,
            Instant writableSince);

    /**
     * Adds one report of what the page observed to a task's counters in one statement, only while the attempt
     * is in progress (as {@link Attempt#recordSignals} does). The caller caps the values ({@link AttemptTask}).
     */
    @Modifying
    @Query(value = "UPDATE attempt_task SET active_seconds = active_seconds + :seconds, paste_count = paste_count "
            + "+ :pastes, pasted_chars = pasted_chars + :chars, focus_losses = focus_losses + :focus "
            + "WHERE task_position = :position AND attempt_id = (SELECT a.id FROM attempt a WHERE "
            + "a.invitation_id = :invitation AND a.submitted_at IS NULL AND a.deadline >= :writableSince)",
            nativeQuery = true)
    int addSignals(long invitation, int position, int seconds, int pastes, int chars, int focus,
            Instant writableSince);

    @Query("select a.id from Attempt a where a.submittedAt is null and a.deadline < :cutoff")
    List<Long> findOverdue(Instant cutoff);

    @Query("select a from Attempt a where a.assessmentId = :assessmentId and a.submittedAt is not null order by a.submittedAt, a.id")
    List<Attempt> findSubmitted(long assessmentId);
}
