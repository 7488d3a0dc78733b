package dev.assay.attempt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.attempt.AttemptService.SignalCounts;
import org.junit.jupiter.api.Test;

/** What the server takes from the candidate page's tick: well-formed, non-negative, non-empty reports only. */
class TickSignalsTest {

    @Test
    void readsEachTasksReport() {
        assertThat(CandidateView.observed("[{\"pos\":0,\"s\":15,\"p\":1,\"c\":40,\"f\":0},{\"pos\":2,\"s\":3,\"p\":0,\"c\":0,\"f\":1}]"))
                .containsExactly(new SignalCounts(0, 15, 1, 40, 0), new SignalCounts(2, 3, 0, 0, 1));
    }

    @Test
    void nothingObservedIsAnEmptyReport() {
        assertThat(CandidateView.observed("[]")).isEmpty();
        assertThat(CandidateView.observed("")).isEmpty();
        assertThat(CandidateView.observed(null)).isEmpty();
        assertThat(CandidateView.observed("[{\"pos\":1,\"s\":0,\"p\":0,\"c\":0,\"f\":0}]")).as("all zero").isEmpty();
    }

    @Test
    void dropsNegativeCountsAndUnreadableOrOversizedInput() {
        assertThat(CandidateView.observed("[{\"pos\":0,\"s\":-5,\"p\":1,\"c\":1,\"f\":0},{\"pos\":1,\"s\":2,\"p\":0,\"c\":0,\"f\":0}]"))
                .containsExactly(new SignalCounts(1, 2, 0, 0, 0));
        assertThat(CandidateView.observed("{not json")).isEmpty();
        assertThat(CandidateView.observed("[" + "{\"pos\":0,\"s\":1},".repeat(2_000) + "{}]")).as("too long").isEmpty();
        assertThat(CandidateView.observed("[" + "{\"pos\":0,\"s\":1},".repeat(100) + "{}]")).as("at most 20 reports")
                .hasSize(20);
    }
}
