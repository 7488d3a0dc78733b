package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole ranking computation in memory: fit reviewer severity over (task × criterion) cells, compute
 * each candidate's weighted score raw and adjusted, and band the adjusted scores at the chosen confidence.
 */
public final class Rankings {

    /** The result: candidates best first, with bands, and the severity fit they rest on. */
    public record Result(List<Row> rows, RaterEffects.Fit fit) {
    }

    /** One ranked candidate. */
    public record Row(ScoreBands.Banded banded, WeightedScores.Result scores) {
    }

    private Rankings() {
    }

    /**
     * @param observations every level given, with {@code criterion} the index of the rubric criterion
     * @param criteria     how many criteria the rubric has (to number task × criterion cells)
     * @param weights      rubric weight per criterion index
     * @param confidence   for the bands, e.g. 0.95
     */
    public static Result compute(List<WeightedScores.Observation> observations, int criteria,
            Map<Integer, Double> weights, double confidence) {
        int n = observations.size();
        int[] candidate = new int[n];
        int[] task = new int[n];
        int[] criterion = new int[n];
        int[] cell = new int[n];
        int[] rater = new int[n];
        double[] level = new double[n];
        for (int o = 0; o < n; o++) {
            WeightedScores.Observation x = observations.get(o);
            candidate[o] = x.candidate();
            task[o] = x.task();
            criterion[o] = x.criterion();
            cell[o] = x.task() * criteria + x.criterion();
            rater[o] = x.rater();
            level[o] = x.level();
        }
        RaterEffects.Fit fit = RaterEffects.fit(candidate, cell, rater, level);
        Map<Integer, WeightedScores.Result> scores = WeightedScores.compute(candidate, task, criterion, rater, level,
                weights, fit.severities());
        List<ScoreBands.Scored> scored = new ArrayList<>(scores.size());
        scores.values().forEach(s -> scored.add(new ScoreBands.Scored(s.candidate(), s.adjusted(), s.adjustedSe())));
        List<Row> rows = new ArrayList<>(scored.size());
        for (ScoreBands.Banded b : ScoreBands.assign(scored, confidence)) {
            rows.add(new Row(b, scores.get((int) b.id())));
        }
        return new Result(rows, fit);
    }
}
