package dev.assay.review;

import java.time.Instant;
import java.util.List;

/** An assessment's review board for recruiters: submissions and their review state, workload, overdue reviews. */
public record ReviewBoard(long assessmentId, String assessmentTitle, PanelSetup panel, List<Row> submissions,
        List<Workload> workload) {

    /** One submission. Recruiters know who they invited, so the board names the candidate. */
    public record Row(long submissionId, String candidateCode, String candidateName, String candidateEmail,
            Instant submittedAt, ReviewState state, boolean linking, int shortfall, List<Review> reviews,
            boolean flagged, String flagDetail, Resolution resolution, String resolvedBy, Instant resolvedAt,
            String resolutionReason) {

        public long submittedReviews() {
            return reviews.stream().filter(r -> r.status() == AssignmentStatus.SUBMITTED).count();
        }

        public long activeReviews() {
            return reviews.stream().filter(r -> r.status() != AssignmentStatus.WITHDRAWN).count();
        }
    }

    /** One assignment on a submission. */
    public record Review(long assignmentId, long reviewerId, String reviewerName, AssignmentOrigin origin,
            AssignmentStatus status, Instant assignedAt, Instant dueAt, Instant submittedAt, boolean overdue) {
    }

    /** One reviewer's share of the assessment's reviews. */
    public record Workload(long reviewerId, String reviewerName, boolean onPanel, int assigned, int submitted,
            int drafts, int overdue) {
    }

    public long count(ReviewState state) {
        return submissions.stream().filter(r -> r.state() == state).count();
    }

    public long overdueReviews() {
        return workload.stream().mapToLong(Workload::overdue).sum();
    }
}
