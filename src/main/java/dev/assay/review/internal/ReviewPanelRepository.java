package dev.assay.review.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ReviewPanelRepository extends JpaRepository<ReviewPanel, Long> {

    /**
     * Locks an assessment's panel row: taking a submission in and changing the panel (which assigns
     * reviewers too) then happen one after the other, never half-way through each other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ReviewPanel p where p.assessmentId = :assessmentId")
    Optional<ReviewPanel> lockById(long assessmentId);
}
