package dev.assay.attempt;

import java.time.Instant;

/** That an attempt was submitted, and when. */
public record SubmittedAttempt(long attemptId, long invitationId, long assessmentId, Instant submittedAt) {
}
