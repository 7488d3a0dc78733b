package dev.assay.decision;

import java.time.Instant;

/**
 * Published in the transaction that records a decision on one candidate (a first decision or a changed one, then
 * with the outcome it replaced).
 */
public record DecisionRecorded(long assessmentId, long submissionId, long invitationId, Outcome outcome,
        Outcome previous, Instant decidedAt) {
}
