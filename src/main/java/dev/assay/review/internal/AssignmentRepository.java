package dev.assay.review.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findBySubmissionId(long submissionId);

    List<Assignment> findBySubmissionIdIn(Collection<Long> submissionIds);

    List<Assignment> findByReviewerId(long reviewerId);

    /** A calibration take by id (calibration takes are invisible to the derived queries above). */
    @Query(value = "select * from review_assignment where id = :id and calibration_item_id is not null",
            nativeQuery = true)
    java.util.Optional<Assignment> findTake(long id);

    /** A reviewer's calibration takes, oldest first. */
    @Query(value = "select * from review_assignment where reviewer_id = :reviewerId and calibration_item_id is not null "
            + "order by id", nativeQuery = true)
    List<Assignment> findTakesByReviewer(long reviewerId);

    /** Every take of these calibration items, oldest first. */
    @Query(value = "select * from review_assignment where calibration_item_id in (:itemIds) order by id",
            nativeQuery = true)
    List<Assignment> findTakesByItems(Collection<Long> itemIds);

    /** Active reviews per reviewer on an assessment's submissions: the load the planner balances. */
    @Query("""
            select a.reviewerId, count(a) from Assignment a, Submission s
            where a.submissionId = s.id and s.assessmentId = :assessmentId
              and a.status <> dev.assay.review.AssignmentStatus.WITHDRAWN
            group by a.reviewerId""")
    List<Object[]> loadByReviewer(long assessmentId);
}
