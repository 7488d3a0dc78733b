package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The primitive-array {@link RaterEffects} and {@link WeightedScores} against the map-based computations they
 * replaced ({@link RaterEffectsReference}, {@link WeightedScoresReference}), on random designs: connected,
 * split into parts, with a single rater, with sparse and non-contiguous ids, and with unweighted criteria.
 * Standard errors of severities (and so of severity-adjusted means) are no longer compared: the reference keeps
 * the earlier σ/√n approximation, and the exact errors that replaced it are checked against a dense
 * least-squares computation in {@code RaterEffectsTest}.
 */
class PrimitiveRankingEquivalenceTest {

    private static final double EPS = 1e-9;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void sameFitAndScoresAsTheMapBasedComputation(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int candidates = 1 + random.nextInt(60);
        int raters = 1 + random.nextInt(8);
        int tasks = 1 + random.nextInt(3);
        int criteria = 1 + random.nextInt(4);
        // Seeds divisible by 3 split the panel in two halves that share no candidates; seeds divisible by 4 use
        // ids far apart (the hash-map numbering path).
        boolean split = seed % 3 == 0;
        int idScale = seed % 4 == 0 ? 1_000_003 : 1;
        List<WeightedScores.Observation> obs = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            int first = split ? (i % 2) * Math.max(1, raters / 2) + random.nextInt(Math.max(1, raters / 2))
                    : random.nextInt(raters);
            first = Math.min(first, raters - 1);
            int reviews = 1 + random.nextInt(3);
            for (int k = 0; k < reviews; k++) {
                int r = split ? Math.min(raters - 1, (i % 2) * Math.max(1, raters / 2)
                        + (first + k) % Math.max(1, raters / 2)) : (first + k) % raters;
                for (int t = 0; t < tasks; t++) {
                    for (int c = 0; c < criteria; c++) {
                        if (random.nextDouble() < 0.9) {
                            obs.add(new WeightedScores.Observation(i * idScale, t, c, r * 7 + 3,
                                    1 + random.nextInt(5)));
                        }
                    }
                }
            }
        }
        Map<Integer, Double> weights = new HashMap<>();
        for (int c = 0; c < criteria - 1; c++) {
            weights.put(c, 0.5 + random.nextDouble() * 3);
        }

        List<RaterEffects.Observation> cells = new ArrayList<>();
        List<RaterEffectsReference.Observation> refCells = new ArrayList<>();
        for (WeightedScores.Observation o : obs) {
            cells.add(new RaterEffects.Observation(o.candidate(), o.task() * criteria + o.criterion(), o.rater(),
                    o.level()));
            refCells.add(new RaterEffectsReference.Observation(o.candidate(), o.task() * criteria + o.criterion(),
                    o.rater(), o.level()));
        }
        RaterEffects.Fit fit = RaterEffects.fit(cells);
        RaterEffectsReference.Fit ref = RaterEffectsReference.fit(refCells);
        assertThat(fit.severityEstimated()).isEqualTo(ref.severityEstimated());
        assertThat(fit.note()).isEqualTo(ref.note());
        same(fit.grandMean(), ref.grandMean());
        same(fit.residualSd(), ref.residualSd());
        assertThat(fit.severities().keySet()).isEqualTo(ref.severities().keySet());
        ref.severities().forEach((r, e) -> {
            same(fit.severities().get(r).value(), e.value());
            assertThat(fit.severities().get(r).observations()).isEqualTo(e.observations());
        });
        assertThat(fit.criterionEffects().keySet()).isEqualTo(ref.criterionEffects().keySet());
        ref.criterionEffects().forEach((k, v) -> same(fit.criterionEffects().get(k), v));
        assertThat(fit.candidates().keySet()).isEqualTo(ref.candidates().keySet());
        ref.candidates().forEach((c, s) -> {
            RaterEffects.CandidateScore mine = fit.candidates().get(c);
            same(mine.raw().value(), s.raw().value());
            same(mine.raw().standardError(), s.raw().standardError());
            same(mine.adjusted().value(), s.adjusted().value());
            assertThat(mine.wasAdjusted()).isEqualTo(s.wasAdjusted());
            assertThat(mine.reviewers()).isEqualTo(s.reviewers());
        });

        // The same severities (with the exact standard errors) go into both weighted-score computations.
        Map<Integer, RaterEffectsReference.Estimate> refSeverities = new HashMap<>();
        fit.severities().forEach((r, e) -> refSeverities.put(r,
                new RaterEffectsReference.Estimate(e.value(), e.standardError(), e.observations())));
        List<WeightedScoresReference.Observation> refObs = obs.stream().map(o -> new WeightedScoresReference
                .Observation(o.candidate(), o.task(), o.criterion(), o.rater(), o.level())).toList();
        Map<Integer, WeightedScores.Result> scores = WeightedScores.compute(obs, weights, fit.severities());
        Map<Integer, WeightedScoresReference.Result> refScores = WeightedScoresReference.compute(refObs, weights,
                refSeverities);
        assertThat(scores.keySet()).isEqualTo(refScores.keySet());
        assertThat(List.copyOf(scores.keySet())).isSorted();
        refScores.forEach((c, s) -> {
            WeightedScores.Result mine = scores.get(c);
            same(mine.raw(), s.raw());
            same(mine.rawSe(), s.rawSe());
            same(mine.adjusted(), s.adjusted());
            same(mine.adjustedSe(), s.adjustedSe());
            assertThat(mine.adjustedBySeverity()).isEqualTo(s.adjustedBySeverity());
            assertThat(mine.reviewers()).isEqualTo(s.reviewers());
            assertThat(mine.criterionMeans().keySet()).isEqualTo(s.criterionMeans().keySet());
            s.criterionMeans().forEach((k, v) -> same(mine.criterionMeans().get(k), v));
            assertThat(mine.taskMeans().keySet()).isEqualTo(s.taskMeans().keySet());
            s.taskMeans().forEach((k, v) -> same(mine.taskMeans().get(k), v));
            assertThat(mine.reviewerScores().keySet()).isEqualTo(s.reviewerScores().keySet());
            s.reviewerScores().forEach((k, v) -> same(mine.reviewerScores().get(k), v));
        });
    }

    private static void same(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(EPS));
        }
    }
}
