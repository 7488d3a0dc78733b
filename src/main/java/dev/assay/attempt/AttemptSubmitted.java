package dev.assay.attempt;

/**
 * Published when an attempt is submitted, by the candidate or automatically at the deadline. Listeners
 * (review assignment) run after the submission has been committed, so they can never undo it.
 */
public record AttemptSubmitted(long attemptId, long invitationId, long assessmentId, java.time.Instant submittedAt) {
}
