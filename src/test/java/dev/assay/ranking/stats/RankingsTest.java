package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.ranking.stats.WeightedScores.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingsTest {

    @Test
    void withOneReviewerPerCandidateNoBandsAreFormedAndTheOrderIsKept() {
        // Four candidates, each scored by a different single reviewer on one criterion: no score has an error,
        // so the earlier "every candidate is its own band" would have claimed four real differences.
        List<Observation> levels = List.of(new Observation(0, 0, 0, 0, 4), new Observation(1, 0, 0, 1, 2),
                new Observation(2, 0, 0, 2, 5), new Observation(3, 0, 0, 3, 3));
        Rankings.Result result = Rankings.compute(levels, 1, Map.of(0, 1.0), 0.95);
        assertThat(result.fit().severityEstimated()).isFalse();
        assertThat(result.rows()).extracting(r -> r.banded().band()).containsOnly(ScoreBands.NO_BAND);
        assertThat(result.rows()).extracting(r -> r.banded().id()).containsExactly(2L, 0L, 3L, 1L);
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.scores().adjustedSe()).isNaN());
    }

    @Test
    void oneCandidateWithTwoReviewersGivesEveryoneAnErrorAndBands() {
        List<Observation> levels = List.of(new Observation(0, 0, 0, 0, 4), new Observation(0, 0, 0, 1, 3),
                new Observation(1, 0, 0, 1, 2), new Observation(2, 0, 0, 0, 5));
        Rankings.Result result = Rankings.compute(levels, 1, Map.of(0, 1.0), 0.95);
        assertThat(result.rows()).allSatisfy(r -> {
            assertThat(r.banded().band()).isPositive();
            assertThat(r.scores().adjustedSe()).isFinite();
        });
    }
}
