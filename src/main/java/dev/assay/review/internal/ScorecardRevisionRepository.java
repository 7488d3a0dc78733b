package dev.assay.review.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScorecardRevisionRepository extends JpaRepository<ScorecardRevision, Long> {

    List<ScorecardRevision> findByAssignmentIdOrderByRevisionAsc(long assignmentId);

    List<ScorecardRevision> findByAssignmentIdInOrderByRevisionAsc(Collection<Long> assignmentIds);
}
