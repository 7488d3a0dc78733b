package dev.assay.review.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    List<Submission> findByAssessmentIdOrderBySubmittedAtAscIdAsc(long assessmentId);

    Optional<Submission> findByAttemptId(long attemptId);

    /** Locks the submission row, so two assigners never pick reviewers for it at the same time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Submission s where s.id = :id")
    Optional<Submission> lockById(long id);

    /**
     * The submission of an attempt by a locking read: it sees a row another transaction committed after this
     * one began, and waits for one that another transaction is inserting, so an attempt is taken in once.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Submission s where s.attemptId = :attemptId")
    Optional<Submission> lockByAttemptId(long attemptId);

    long countByAssessmentIdAndLinkingTrue(long assessmentId);
}
