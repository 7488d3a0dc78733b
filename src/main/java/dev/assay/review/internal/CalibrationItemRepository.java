package dev.assay.review.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CalibrationItemRepository extends JpaRepository<CalibrationItem, Long> {

    List<CalibrationItem> findByAssessmentIdOrderByIdAsc(long assessmentId);

    boolean existsByAssessmentIdAndSourceSubmissionId(long assessmentId, long sourceSubmissionId);

    List<CalibrationItem> findBySourceSubmissionId(long sourceSubmissionId);
}
