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

    long countByAssessmentIdAndLinkingTrue(long assessmentId);
}
