package dev.assay.review;

import java.time.Instant;
import java.util.List;

/**
 * An assessment's review board for recruiters: how many submissions are in each review state, workload and
 * overdue reviews over all of them, and the first page of submissions ({@link PanelService#boardPage} gives
 * any other page; the page is read from the database, not cut from every row).
 *
 * @param submissions the first {@link PanelService#BOARD_PAGE} submissions in order of submission
 */
public record ReviewBoard(long assessmentId, String assessmentTitle, PanelSetup panel, Counts counts,
        List<Row> submissions, List<Workload> workload) {

    /** How many submissions there are, and how many are in each state. */
    public record Counts(int total, int unassigned, int inProgress, int flagged, int complete) {

        public int of(ReviewState state) {
            return switch (state) {
                case UNASSIGNED -> unassigned;
                case IN_PROGRESS -> inProgress;
                case FLAGGED -> flagged;
                case COMPLETE -> complete;
            };
        }
    }

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
        return counts.of(state);
    }

    /** Whether every submission is on the first page. */
    public boolean complete() {
        return submissions.size() == counts.total();
    }

    public long overdueReviews() {
        return workload.stream().mapToLong(Workload::overdue).sum();
    }
}
