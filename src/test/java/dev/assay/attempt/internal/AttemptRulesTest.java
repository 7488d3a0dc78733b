package dev.assay.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.attempt.AttemptException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptRulesTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private static Attempt attempt(int minutes, int accommodation) {
        return Attempt.start(7, 3, minutes, accommodation, List.of(new long[] {0, 101}, new long[] {1, 102}), START);
    }

    @Test
    void theServerFixesTheDeadlineFromTheLimitPlusTheAccommodationRoundedUp() {
        assertThat(attempt(60, 0).getDeadline()).isEqualTo(START.plus(Duration.ofMinutes(60)));
        assertThat(attempt(60, 25).getDeadline()).isEqualTo(START.plus(Duration.ofMinutes(75)));
        assertThat(attempt(45, 10).getDeadline()).isEqualTo(START.plus(Duration.ofMinutes(50)));
    }

    @Test
    void savesAreAcceptedUntilTheGraceAfterTheDeadlineAndRefusedAfter() {
        Attempt a = attempt(30, 0);
        Instant deadline = a.getDeadline();

        a.save(1, "{}", deadline.plus(Attempt.GRACE), "tab-1");
        assertThat(a.getCurrentPosition()).isEqualTo(1);
        assertThatThrownBy(() -> a.save(0, "{}", deadline.plus(Attempt.GRACE).plusMillis(1), "tab-1"))
                .isInstanceOf(AttemptException.class).hasMessageContaining("Time is up");
        assertThat(a.isOverdue(deadline.plus(Attempt.GRACE).plusSeconds(1))).isTrue();
    }

    @Test
    void aSubmittedAttemptCannotChange() {
        Attempt a = attempt(30, 0);
        a.save(0, "{\"v\":1}", START.plusSeconds(60), "tab-1");
        a.submit(START.plusSeconds(120), false);

        assertThatThrownBy(() -> a.save(0, "{\"v\":2}", START.plusSeconds(130), "tab-1"))
                .isInstanceOf(AttemptException.class).hasMessageContaining("already submitted");
        assertThatThrownBy(() -> a.submit(START.plusSeconds(140), false)).isInstanceOf(AttemptException.class);
        assertThat(a.task(0).getAnswerJson()).isEqualTo("{\"v\":1}");
        assertThat(a.isOverdue(START.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void onlyThePageThatClaimedTheAttemptLastMaySaveOrSubmit() {
        Attempt a = attempt(30, 0);
        a.save(0, "{\"v\":1}", START.plusSeconds(10), "tab-1");
        assertThat(a.claim("tab-2")).as("the page that saved until now").isEqualTo("tab-1");

        assertThatThrownBy(() -> a.save(0, "{\"v\":0}", START.plusSeconds(20), "tab-1"))
                .isInstanceOf(dev.assay.attempt.OtherPageException.class);
        assertThatThrownBy(() -> a.requireActive("tab-1")).isInstanceOf(dev.assay.attempt.OtherPageException.class);
        assertThat(a.task(0).getAnswerJson()).as("the replaced tab overwrote nothing").isEqualTo("{\"v\":1}");

        a.save(0, "{\"v\":2}", START.plusSeconds(30), "tab-2");
        assertThat(a.claim("tab-1")).isEqualTo("tab-2");
        a.save(0, "{\"v\":3}", START.plusSeconds(40), "tab-1");
        assertThat(a.task(0).getAnswerJson()).isEqualTo("{\"v\":3}");
    }

    @Test
    void thereIsNoTaskBeyondTheDrawnOnes() {
        assertThatThrownBy(() -> attempt(30, 0).save(2, "{}", START, "tab-1")).hasMessageContaining("no task 3");
    }
}
