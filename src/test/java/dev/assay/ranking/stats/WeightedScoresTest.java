package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.WeightedScores.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedScoresTest {

    @Test
    void handComputedWeightsReviewersAndSeverity() {
        // Criterion 0 weighs 3, criterion 1 weighs 1. Candidate 7 on one task:
        // reviewer 1 gives 4 and 2 → (3·4 + 1·2)/4 = 3.5; reviewer 2 gives 2 and 2 → 2.0. Mean 2.75.
        // Candidate 8: reviewer 1 gives 5, 5 → 5; reviewer 2 gives 3, 5 → 3.5. Mean 4.25.
        List<Observation> obs = List.of(new Observation(7, 0, 0, 1, 4), new Observation(7, 0, 1, 1, 2),
                new Observation(7, 0, 0, 2, 2), new Observation(7, 0, 1, 2, 2),
                new Observation(8, 0, 0, 1, 5), new Observation(8, 0, 1, 1, 5),
                new Observation(8, 0, 0, 2, 3), new Observation(8, 0, 1, 2, 5));
        Map<Integer, Double> weights = Map.of(0, 3.0, 1, 1.0);
        Map<Integer, WeightedScores.Result> raw = WeightedScores.compute(obs, weights, Map.of());
        assertThat(raw.get(7).raw()).isCloseTo(2.75, within(1e-12));
        assertThat(raw.get(8).raw()).isCloseTo(4.25, within(1e-12));
        assertThat(raw.get(7).adjustedBySeverity()).isFalse();
        // Reviewer-level deviations: ±0.75 for both candidates → σ_R² = (4 · 0.5625) / 2, SE = σ_R / √2.
        double sigma = Math.sqrt(4 * 0.5625 / 2);
        assertThat(raw.get(7).rawSe()).isCloseTo(sigma / Math.sqrt(2), within(1e-12));
        assertThat(raw.get(7).criterionMeans()).containsEntry(0, 3.0).containsEntry(1, 2.0);

        // Reviewer 2 is harsh by 1.5, reviewer 1 lenient by 1.5 (severities with zero error):
        // every reviewer's score moves by its severity, so the means stay and the spread closes.
        Map<Integer, RaterEffects.Estimate> severity = Map.of(1, new RaterEffects.Estimate(-0.75, 0, 8),
                2, new RaterEffects.Estimate(0.75, 0, 8));
        Map<Integer, WeightedScores.Result> adjusted = WeightedScores.compute(obs, weights, severity);
        assertThat(adjusted.get(7).adjusted()).isCloseTo(2.75, within(1e-12));
        assertThat(adjusted.get(7).adjustedSe()).isCloseTo(0, within(1e-12));
        assertThat(adjusted.get(7).adjustedBySeverity()).isTrue();
    }
}
