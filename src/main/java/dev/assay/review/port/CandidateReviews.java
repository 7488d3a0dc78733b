package dev.assay.review.port;

import java.util.Map;

/** What review holds about one invitation's candidate, for a subject access export and for erasure. */
public interface CandidateReviews {

    /**
     * The submission, every scorecard revision with its levels and written comments (reviewers numbered, never
     * named), and reconciliations; empty when the candidate never submitted.
     */
    Map<String, Object> export(long invitationId);

    /**
     * Erases the written comments about the candidate (justifications, overall comments, reasons, conflict notes);
     * levels, flags and the candidate code stay, so rankings and panel statistics are unchanged.
     */
    void forget(long invitationId);

    /** The submission the invitation's attempt became, if it was submitted. */
    java.util.Optional<Long> submission(long invitationId);

    /** Who closed an assessment's review and when; empty while it is open (or has no panel). */
    java.util.Optional<Closure> closure(long assessmentId);

    /** A closed review: when, and the person who closed it. */
    record Closure(java.time.Instant at, String by) {
    }
}
