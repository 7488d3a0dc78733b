package dev.assay.oversight;

import dev.assay.decision.port.DecisionRecords;
import dev.assay.review.port.CandidateReviews;
import dev.assay.taskbank.AssessmentSummary;
import dev.assay.taskbank.port.AssessmentCatalog;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The human steps behind each assessment, for administrators' oversight (EU AI Act Art. 14 and 26). */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class OversightService {

    /**
     * One assessment's human steps: who closed the review and when (null while open), and who recorded decisions.
     */
    public record Steps(long assessmentId, String title, String status, java.time.Instant reviewClosedAt,
            String reviewClosedBy, List<Decider> deciders) {

        public long decisions() {
            return deciders.stream().mapToLong(Decider::decisions).sum();
        }
    }

    /** A person and the decisions they recorded on an assessment, with the first and last time. */
    public record Decider(String by, long decisions, java.time.Instant first, java.time.Instant last) {
    }

    private final AssessmentCatalog assessments;
    private final CandidateReviews reviews;
    private final DecisionRecords decisions;

    OversightService(AssessmentCatalog assessments, CandidateReviews reviews, DecisionRecords decisions) {
        this.assessments = assessments;
        this.reviews = reviews;
        this.decisions = decisions;
    }

    /** Every assessment that has been opened, newest first. */
    public List<Steps> steps() {
        return assessments.summaries().stream().map(this::steps).toList();
    }

    private Steps steps(AssessmentSummary a) {
        CandidateReviews.Closure closed = reviews.closure(a.id()).orElse(null);
        return new Steps(a.id(), a.title(), a.status().label(), closed == null ? null : closed.at(),
                closed == null ? null : closed.by(), decisions.deciders(a.id()).stream()
                        .map(d -> new Decider(d.by(), d.decisions(), d.first(), d.last())).toList());
    }
}
