package dev.assay.review.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewPanelRepository extends JpaRepository<ReviewPanel, Long> {
}
