package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: times the in-memory ranking of 10,000 candidates × 3 reviews × 6 criteria × 3
 * tasks (540,000 levels) and prints the median of repeated runs. Not part of the normal build (its name
 * does not end in Test); run with {@code ./mvnw -B test -Dtest=RankingBenchmark}.
 */
class RankingBenchmark {

    @Test
    void rankTenThousandCandidates() {
        int candidates = 10_000;
        int reviewers = 40;
        SplittableRandom random = new SplittableRandom(1);
        double[] severity = new double[reviewers];
        for (int r = 0; r < reviewers; r++) {
            severity[r] = (random.nextDouble() - 0.5) * 1.2;
        }
        List<WeightedScores.Observation> obs = new ArrayList<>(candidates * 54);
        for (int i = 0; i < candidates; i++) {
            double quality = 1 + 4 * random.nextDouble();
            int first = random.nextInt(reviewers);
            for (int k = 0; k < 3; k++) {
                int r = (first + k * 7) % reviewers;
                for (int task = 0; task < 3; task++) {
                    for (int c = 0; c < 6; c++) {
                        double level = Math.max(1, Math.min(5, Math.round(quality - severity[r] + random.nextDouble() - 0.5)));
                        obs.add(new WeightedScores.Observation(i, task, c, r, level));
                    }
                }
            }
        }
        Map<Integer, Double> weights = new HashMap<>();
        for (int c = 0; c < 6; c++) {
            weights.put(c, 1.0 + c);
        }
        for (int warm = 0; warm < 3; warm++) {
            Rankings.compute(obs, 6, weights, 0.95);
        }
        int runs = 9;
        double[] ms = new double[runs];
        int ranked = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            Rankings.Result result = Rankings.compute(obs, 6, weights, 0.95);
            ms[run] = (System.nanoTime() - start) / 1e6;
            ranked = result.rows().size();
        }
        Arrays.sort(ms);
        System.out.printf("RankingBenchmark: %,d levels, %,d candidates, %d reviewers: median %.0f ms "
                + "(min %.0f, max %.0f) over %d runs; %,d candidates ranked%n", obs.size(), candidates, reviewers,
                ms[runs / 2], ms[0], ms[runs - 1], runs, ranked);

        // The many-facet Rasch model (JMLE) and the generalizability study on the same levels.
        int n = obs.size();
        int[] candidate = new int[n];
        int[] cell = new int[n];
        int[] rater = new int[n];
        int[] level = new int[n];
        for (int o = 0; o < n; o++) {
            WeightedScores.Observation x = obs.get(o);
            candidate[o] = x.candidate();
            cell[o] = x.task() * 6 + x.criterion();
            rater[o] = x.rater();
            level[o] = (int) x.level();
        }
        double[] raschMs = new double[runs];
        ManyFacetRasch.Fit rasch = null;
        for (int run = -3; run < runs; run++) {
            long start = System.nanoTime();
            rasch = ManyFacetRasch.fit(candidate, cell, rater, level, 1, 5, ManyFacetRasch.Options.defaults());
            if (run >= 0) {
                raschMs[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(raschMs);
        System.out.printf("RankingBenchmark: many-facet Rasch (JMLE), %,d ratings: median %.0f ms (min %.0f, max %.0f) "
                + "over %d runs; converged %s in %d iterations%n", n, raschMs[runs / 2], raschMs[0], raschMs[runs - 1],
                runs, rasch.converged(), rasch.iterations());
        Map<List<Integer>, double[]> cellMeans = new HashMap<>();
        for (WeightedScores.Observation o : obs) {
            double[] sum = cellMeans.computeIfAbsent(List.of(o.candidate(), o.rater(), o.task()), k -> new double[2]);
            sum[0] += o.level();
            sum[1]++;
        }
        List<GeneralizabilityStudy.Cell> gCells = new ArrayList<>();
        cellMeans.forEach((k, v) -> gCells.add(new GeneralizabilityStudy.Cell(k.get(0), k.get(1), k.get(2), v[0] / v[1])));
        double[] gMs = new double[runs];
        for (int run = -3; run < runs; run++) {
            long start = System.nanoTime();
            GeneralizabilityStudy.nested(gCells);
            if (run >= 0) {
                gMs[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(gMs);
        System.out.printf("RankingBenchmark: G study (r:p) x t, %,d cells: median %.1f ms (min %.1f, max %.1f)%n",
                gCells.size(), gMs[runs / 2], gMs[0], gMs[runs - 1]);

        // The same fit and scores through the map-based reference computation, for a same-machine ratio.
        List<RaterEffectsReference.Observation> cells = new ArrayList<>(obs.size());
        List<WeightedScoresReference.Observation> refObs = new ArrayList<>(obs.size());
        for (WeightedScores.Observation o : obs) {
            cells.add(new RaterEffectsReference.Observation(o.candidate(), o.task() * 6 + o.criterion(), o.rater(),
                    o.level()));
            refObs.add(new WeightedScoresReference.Observation(o.candidate(), o.task(), o.criterion(), o.rater(),
                    o.level()));
        }
        double[] refMs = new double[runs];
        for (int run = -3; run < runs; run++) {
            long start = System.nanoTime();
            RaterEffectsReference.Fit fit = RaterEffectsReference.fit(cells);
            WeightedScoresReference.compute(refObs, weights, fit.severities());
            if (run >= 0) {
                refMs[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(refMs);
        System.out.printf("RankingBenchmark: map-based reference (fit and scores, no banding): median %.0f ms "
                + "(min %.0f, max %.0f) over %d runs%n", refMs[runs / 2], refMs[0], refMs[runs - 1], runs);
    }
}
