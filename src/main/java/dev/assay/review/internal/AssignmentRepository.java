package dev.assay.review.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findBySubmissionId(long submissionId);

    List<Assignment> findBySubmissionIdIn(Collection<Long> submissionIds);

    List<Assignment> findByReviewerId(long reviewerId);

    /** Active reviews per reviewer on an assessment's submissions: the load the planner balances. */
    @Query("""
            select a.reviewerId, count(a) from Assignment a, Submission s
            where a.submissionId = s.id and s.assessmentId = :assessmentId
              and a.status <> dev.assay.review.AssignmentStatus.WITHDRAWN
            group by a.reviewerId""")
    List<Object[]> loadByReviewer(long assessmentId);
}
