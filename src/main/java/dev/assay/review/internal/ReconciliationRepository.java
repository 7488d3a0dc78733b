package dev.assay.review.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReconciliationRepository extends JpaRepository<Reconciliation, Long> {

    List<Reconciliation> findBySubmissionIdOrderByIdAsc(long submissionId);

    List<Reconciliation> findBySubmissionIdInOrderByIdAsc(java.util.Collection<Long> submissionIds);
}
