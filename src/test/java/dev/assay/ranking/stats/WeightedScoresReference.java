package dev.assay.ranking.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The map-based {@link WeightedScores} as it was before the computation moved to primitive arrays, kept unchanged as
 * the reference that {@code PrimitiveRankingEquivalenceTest} compares the new one with.
 *
 * <p>Each candidate's weighted rubric score, raw and with reviewer severity removed, with a standard error.
 *
 * <p>A reviewer's score of a candidate is Σ_c w_c · m_c / Σ_c w_c over the criteria they scored, where m_c
 * is their mean level on criterion c across tasks and w_c the criterion's weight in the rubric version
 * used. The candidate's score is the mean over their reviewers. The standard error is σ_R / √m, with m the
 * number of reviewers and σ_R the pooled SD of reviewers' scores around their candidate's mean (over every
 * candidate with two or more reviewers); for the adjusted score the reviewers' severity SEs are added in
 * quadrature. Adjusting adds the reviewer's severity (positive = harsh) back to each of their levels.
 */
final class WeightedScoresReference {

    /** One level: candidate, task position, criterion index, reviewer, level 1–5. */
    public record Observation(int candidate, int task, int criterion, int rater, double level) {
    }

    /** A candidate's scores and their breakdown (raw means per criterion and per task). */
    public record Result(int candidate, double raw, double rawSe, double adjusted, double adjustedSe,
            boolean adjustedBySeverity, int reviewers, Map<Integer, Double> criterionMeans,
            Map<Integer, Double> taskMeans, Map<Integer, Double> reviewerScores) {
    }

    private WeightedScoresReference() {
    }

    public static Map<Integer, Result> compute(List<Observation> observations, Map<Integer, Double> weights,
            Map<Integer, RaterEffectsReference.Estimate> severities) {
        // candidate → rater → criterion → [raw sum, adjusted sum, count]
        Map<Integer, Map<Integer, Map<Integer, double[]>>> cells = new HashMap<>();
        Map<Integer, Map<Integer, double[]>> byCriterion = new HashMap<>();
        Map<Integer, Map<Integer, double[]>> byTask = new HashMap<>();
        for (Observation o : observations) {
            RaterEffectsReference.Estimate severity = severities.get(o.rater());
            double shift = severity == null ? 0 : severity.value();
            double[] c = cells.computeIfAbsent(o.candidate(), k -> new HashMap<>())
                    .computeIfAbsent(o.rater(), k -> new HashMap<>())
                    .computeIfAbsent(o.criterion(), k -> new double[3]);
            c[0] += o.level();
            c[1] += o.level() + shift;
            c[2]++;
            double[] cm = byCriterion.computeIfAbsent(o.candidate(), k -> new TreeMap<>())
                    .computeIfAbsent(o.criterion(), k -> new double[2]);
            cm[0] += o.level();
            cm[1]++;
            double[] tm = byTask.computeIfAbsent(o.candidate(), k -> new TreeMap<>())
                    .computeIfAbsent(o.task(), k -> new double[2]);
            tm[0] += o.level();
            tm[1]++;
        }
        Map<Integer, Map<Integer, double[]>> reviewerScores = new HashMap<>();
        double ssRaw = 0;
        double ssAdj = 0;
        int dof = 0;
        for (var candidate : cells.entrySet()) {
            Map<Integer, double[]> perReviewer = new HashMap<>();
            for (var reviewer : candidate.getValue().entrySet()) {
                double wRaw = 0;
                double wAdj = 0;
                double wSum = 0;
                for (var criterion : reviewer.getValue().entrySet()) {
                    double w = weights.getOrDefault(criterion.getKey(), 1.0);
                    double[] c = criterion.getValue();
                    wRaw += w * c[0] / c[2];
                    wAdj += w * c[1] / c[2];
                    wSum += w;
                }
                perReviewer.put(reviewer.getKey(), new double[] {wRaw / wSum, wAdj / wSum});
            }
            reviewerScores.put(candidate.getKey(), perReviewer);
            if (perReviewer.size() >= 2) {
                double mRaw = 0;
                double mAdj = 0;
                for (double[] s : perReviewer.values()) {
                    mRaw += s[0] / perReviewer.size();
                    mAdj += s[1] / perReviewer.size();
                }
                for (double[] s : perReviewer.values()) {
                    ssRaw += (s[0] - mRaw) * (s[0] - mRaw);
                    ssAdj += (s[1] - mAdj) * (s[1] - mAdj);
                }
                dof += perReviewer.size() - 1;
            }
        }
        double sigmaRaw = dof == 0 ? Double.NaN : Math.sqrt(ssRaw / dof);
        double sigmaAdj = dof == 0 ? Double.NaN : Math.sqrt(ssAdj / dof);
        Map<Integer, Result> out = new HashMap<>();
        for (var candidate : reviewerScores.entrySet()) {
            Map<Integer, double[]> perReviewer = candidate.getValue();
            int m = perReviewer.size();
            double raw = 0;
            double adjusted = 0;
            double severityVar = 0;
            boolean allAdjusted = !severities.isEmpty();
            Map<Integer, Double> byReviewer = new TreeMap<>();
            for (var r : perReviewer.entrySet()) {
                raw += r.getValue()[0] / m;
                adjusted += r.getValue()[1] / m;
                byReviewer.put(r.getKey(), r.getValue()[0]);
                RaterEffectsReference.Estimate severity = severities.get(r.getKey());
                if (severity == null) {
                    allAdjusted = false;
                } else {
                    severityVar += severity.standardError() * severity.standardError();
                }
            }
            double rawSe = sigmaRaw / Math.sqrt(m);
            double adjSe = Math.sqrt(sigmaAdj * sigmaAdj / m + severityVar / ((double) m * m));
            if (!allAdjusted) {
                adjusted = raw;
                adjSe = rawSe;
            }
            out.put(candidate.getKey(), new Result(candidate.getKey(), raw, rawSe, adjusted, adjSe, allAdjusted, m,
                    means(byCriterion.get(candidate.getKey())), means(byTask.get(candidate.getKey())), byReviewer));
        }
        return out;
    }

    private static Map<Integer, Double> means(Map<Integer, double[]> sums) {
        Map<Integer, Double> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k, v[0] / v[1]));
        return out;
    }
}
