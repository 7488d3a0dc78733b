package dev.assay.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The retry schedule: doubling from 30 seconds, never more than three hours apart, about sixteen tries in a day. */
class WebhookDispatcherTest {

    @Test
    void pausesDoubleFromThirtySecondsToThreeHours() {
        assertThat(WebhookDispatcher.pause(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookDispatcher.pause(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WebhookDispatcher.pause(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookDispatcher.pause(9)).isEqualTo(Duration.ofMinutes(128));
        assertThat(WebhookDispatcher.pause(10)).isEqualTo(Duration.ofHours(3));
        assertThat(WebhookDispatcher.pause(500)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aDayHoldsSixteenTries() {
        // The first try is at once; each failure waits pause(n) before the next, until the next would pass a day.
        Duration elapsed = Duration.ZERO;
        int tries = 1;
        while (!elapsed.plus(WebhookDispatcher.pause(tries)).minus(Duration.ofDays(1)).isPositive()) {
            elapsed = elapsed.plus(WebhookDispatcher.pause(tries));
            tries++;
        }
        assertThat(tries).isEqualTo(16);
        assertThat(IntStream.rangeClosed(1, tries - 1).mapToObj(WebhookDispatcher::pause)
                .reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofDays(1));
    }
}
