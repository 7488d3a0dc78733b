package dev.assay.staff.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in throttling rule: {@value #MAX_FAILURES} failures for one email within {@link #WINDOW} pause
 * sign-in for that email for {@link #LOCK}. It applies to any email typed, existing or not, so the
 * response never reveals whether an account exists.
 */
public record ThrottlePolicy(int maxFailures, Duration window, Duration lock) {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    public static ThrottlePolicy standard() {
        return new ThrottlePolicy(MAX_FAILURES, WINDOW, LOCK);
    }

    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    public boolean locksAfter(long failuresInWindow) {
        return failuresInWindow >= maxFailures;
    }

    public Instant lockedUntil(Instant now) {
        return now.plus(lock);
    }
}
