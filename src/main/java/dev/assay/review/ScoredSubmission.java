package dev.assay.review;

import java.util.List;

/**
 * A submission's submitted scores, for ranking: the latest submitted revision of every active review, the
 * levels the reviewers reconciled, and the flag. The candidate is the code: ranking asks for identities
 * separately, and gets them only once the review is closed.
 */
public record ScoredSubmission(long submissionId, long attemptId, long invitationId, String candidateCode,
        boolean flagged, Resolution resolution, String resolutionReason,
        List<ReviewerScores> reviews, List<ScoreCell> reconciled, int pendingReviews) {

    /** One reviewer's latest submitted scorecard. */
    public record ReviewerScores(long reviewerId, String reviewerName, int revision, List<ScoreCell> scores,
            String overallComment) {
    }
}
