package dev.assay.attempt.internal;

import java.time.Instant;

/** The three columns of an attempt that the candidate page's periodic check needs. */
public record AttemptPulse(Instant deadline, Instant submittedAt, String activePage) {

    /** In progress: not submitted, and not past the deadline and its grace. */
    public boolean inProgress(Instant now) {
        return submittedAt == null && !now.isAfter(deadline.plus(Attempt.GRACE));
    }
}
