package dev.assay.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private final ThrottlePolicy policy = ThrottlePolicy.standard();
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void fourFailuresDoNotLockButTheFifthDoes() {
        assertThat(policy.locksAfter(4)).isFalse();
        assertThat(policy.locksAfter(5)).isTrue();
    }

    @Test
    void countsFailuresOfTheLastFifteenMinutesAndLocksForFifteen() {
        assertThat(policy.windowStart(now)).isEqualTo(now.minus(Duration.ofMinutes(15)));
        assertThat(policy.lockedUntil(now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }
}
