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
        List<RaterEffects.Observation> cells = new ArrayList<>(observations.size());
        for (WeightedScores.Observation o : observations) {
            cells.add(new RaterEffects.Observation(o.candidate(), o.task() * criteria + o.criterion(), o.rater(),
                    o.level()));
        }
        RaterEffects.Fit fit = RaterEffects.fit(cells);
        Map<Integer, WeightedScores.Result> scores = WeightedScores.compute(observations, weights, fit.severities());
        List<ScoreBands.Scored> scored = new ArrayList<>(scores.size());
        scores.values().forEach(s -> scored.add(new ScoreBands.Scored(s.candidate(), s.adjusted(), s.adjustedSe())));
        List<Row> rows = new ArrayList<>(scored.size());
        for (ScoreBands.Banded b : ScoreBands.assign(scored, confidence)) {
            rows.add(new Row(b, scores.get((int) b.id())));
        }
        return new Result(rows, fit);
    }
}
