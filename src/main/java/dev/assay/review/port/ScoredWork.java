package dev.assay.review.port;

import dev.assay.review.ScoredSubmission;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The review's results as ranking reads them. */
public interface ScoredWork {

    /** A candidate's name and email, revealed when the review closed. */
    record Identity(String name, String email) {
    }

    /** Every submission of the assessment in order of submission, with its latest submitted scorecards. */
    List<ScoredSubmission> scores(long assessmentId);

    /** One submission as {@link #scores} gives it; empty when it does not exist. */
    Optional<ScoredSubmission> scored(long submissionId);

    /** The assessment a submission belongs to; empty when the submission does not exist. */
    Optional<Long> assessmentOf(long submissionId);

    /**
     * Grows by one with every change that can move a ranking (a scorecard submitted or revised, a
     * reconciliation, a review assigned or withdrawn, a submission taken in, the review closed), in the
     * same transaction: a ranking computed from version v is current while the version is still v.
     */
    long scoresVersion(long assessmentId);

    /** Whether a recruiter has closed the assessment's review (scores final, identities revealed). */
    boolean reviewClosed(long assessmentId);

    /** What each submission's AI-collaboration tasks showed, by submission id (only those that have such tasks). */
    Map<Long, dev.assay.review.CollaborationSummary> collaborationSummaries(long assessmentId);

    /** A submission's invitation and when the candidate submitted. */
    record Intake(long invitationId, java.time.Instant submittedAt) {
    }

    /**
     * Each submission's invitation and submission time, by submission id: for joining totals kept by invitation
     * (self-identification) onto the ranking, and for choosing a period, without reading the scorecards again.
     * Reveals no identity.
     */
    Map<Long, Intake> intakes(long assessmentId);

    /** Names and emails by submission id once the review is closed; empty while it is open. */
    Map<Long, Identity> identities(long assessmentId);
}
