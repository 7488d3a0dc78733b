package dev.assay.decision;

import java.time.Instant;

/** One recorded decision: who decided what about a submission, when and why (the reason may be empty). */
public record Decision(long id, long submissionId, Outcome outcome, String reason, String decidedBy,
        Instant decidedAt) {
}
