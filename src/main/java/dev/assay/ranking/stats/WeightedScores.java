package dev.assay.ranking.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each candidate's weighted rubric score, raw and with reviewer severity removed, with a standard error.
 *
 * <p>A reviewer's score of a candidate is Σ_c w_c · m_c / Σ_c w_c over the criteria they scored, where m_c
 * is their mean level on criterion c across tasks and w_c the criterion's weight in the rubric version
 * used. The candidate's score is the mean over their reviewers. The standard error is σ_R / √m, with m the
 * number of reviewers and σ_R the pooled SD of reviewers' scores around their candidate's mean (over every
 * candidate with two or more reviewers); for the adjusted score the reviewers' severity SEs are added in
 * quadrature. Adjusting adds the reviewer's severity (positive = harsh) back to each of their levels.
 */
public final class WeightedScores {

    /** One level: candidate, task position, criterion index, reviewer, level 1–5. */
    public record Observation(int candidate, int task, int criterion, int rater, double level) {
    }

    /** A candidate's scores and their breakdown (raw means per criterion and per task). */
    public record Result(int candidate, double raw, double rawSe, double adjusted, double adjustedSe,
            boolean adjustedBySeverity, int reviewers, Map<Integer, Double> criterionMeans,
            Map<Integer, Double> taskMeans, Map<Integer, Double> reviewerScores) {
    }

    private WeightedScores() {
    }

    public static Map<Integer, Result> compute(List<Observation> observations, Map<Integer, Double> weights,
            Map<Integer, RaterEffects.Estimate> severities) {
        int n = observations.size();
        int[] candidate = new int[n];
        int[] task = new int[n];
        int[] criterion = new int[n];
        int[] rater = new int[n];
        double[] level = new double[n];
        for (int o = 0; o < n; o++) {
            Observation x = observations.get(o);
            candidate[o] = x.candidate();
            task[o] = x.task();
            criterion[o] = x.criterion();
            rater[o] = x.rater();
            level[o] = x.level();
        }
        return compute(candidate, task, criterion, rater, level, weights, severities);
    }

    /**
     * The same over levels held column by column. Per-level work is done in primitive arrays over dense
     * indexes; the result map (in ascending candidate id) and each candidate's small breakdown maps are built
     * once per candidate.
     */
    public static Map<Integer, Result> compute(int[] candidate, int[] task, int[] criterion, int[] rater,
            double[] level, Map<Integer, Double> weights, Map<Integer, RaterEffects.Estimate> severities) {
        RaterEffects.Dense cd = RaterEffects.Dense.of(candidate);
        RaterEffects.Dense rd = RaterEffects.Dense.of(rater);
        RaterEffects.Dense kd = RaterEffects.Dense.of(criterion);
        RaterEffects.Dense td = RaterEffects.Dense.of(task);
        int nc = cd.size();
        int nr = rd.size();
        int nk = kd.size();
        double[] shift = new double[nr];
        boolean[] hasSeverity = new boolean[nr];
        double[] severityVar = new double[nr];
        for (int r = 0; r < nr; r++) {
            RaterEffects.Estimate e = severities.get(rd.ids()[r]);
            hasSeverity[r] = e != null;
            shift[r] = e == null ? 0 : e.value();
            severityVar[r] = e == null ? 0 : e.standardError() * e.standardError();
        }
        double[] weight = new double[nk];
        for (int k = 0; k < nk; k++) {
            weight[k] = weights.getOrDefault(kd.ids()[k], 1.0);
        }
        RaterEffects.Groups byCandidate = RaterEffects.Groups.of(cd.index(), nc);
        // Per candidate: each reviewer's weighted score raw and adjusted, kept in flat arrays (pair p of
        // candidate c is at pairStart[c] + p) for the pooled SD and the results.
        int[] pairStart = new int[nc + 1];
        int[] pairRater = new int[level.length];
        double[] pairRaw = new double[level.length];
        double[] pairAdj = new double[level.length];
        // Scratch per (reviewer, criterion) cell of one candidate: raw sum, adjusted sum, count.
        double[] cellRaw = new double[nr * nk];
        double[] cellAdj = new double[nr * nk];
        int[] cellCount = new int[nr * nk];
        int[] touchedCells = new int[nr * nk];
        int[] raterSlot = new int[nr];
        Arrays.fill(raterSlot, -1);
        double ssRaw = 0;
        double ssAdj = 0;
        int dof = 0;
        int pairs = 0;
        for (int c = 0; c < nc; c++) {
            pairStart[c] = pairs;
            int used = 0;
            for (int at = byCandidate.start()[c]; at < byCandidate.start()[c + 1]; at++) {
                int o = byCandidate.order()[at];
                int r = rd.index()[o];
                int cell = r * nk + kd.index()[o];
                if (cellCount[cell] == 0) {
                    touchedCells[used++] = cell;
                }
                cellRaw[cell] += level[o];
                cellAdj[cell] += level[o] + shift[r];
                cellCount[cell]++;
                if (raterSlot[r] < 0) {
                    raterSlot[r] = pairs - pairStart[c];
                    pairRater[pairs++] = r;
                }
            }
            int m = pairs - pairStart[c];
            double[] wRaw = new double[m];
            double[] wAdj = new double[m];
            double[] wSum = new double[m];
            for (int x = 0; x < used; x++) {
                int cell = touchedCells[x];
                int slot = raterSlot[cell / nk];
                double w = weight[cell % nk];
                wRaw[slot] += w * cellRaw[cell] / cellCount[cell];
                wAdj[slot] += w * cellAdj[cell] / cellCount[cell];
                wSum[slot] += w;
                cellRaw[cell] = 0;
                cellAdj[cell] = 0;
                cellCount[cell] = 0;
            }
            double mRaw = 0;
            double mAdj = 0;
            for (int slot = 0; slot < m; slot++) {
                int pair = pairStart[c] + slot;
                pairRaw[pair] = wRaw[slot] / wSum[slot];
                pairAdj[pair] = wAdj[slot] / wSum[slot];
                raterSlot[pairRater[pair]] = -1;
                mRaw += pairRaw[pair] / m;
                mAdj += pairAdj[pair] / m;
            }
            if (m >= 2) {
                for (int pair = pairStart[c]; pair < pairs; pair++) {
                    ssRaw += (pairRaw[pair] - mRaw) * (pairRaw[pair] - mRaw);
                    ssAdj += (pairAdj[pair] - mAdj) * (pairAdj[pair] - mAdj);
                }
                dof += m - 1;
            }
        }
        pairStart[nc] = pairs;
        double sigmaRaw = dof == 0 ? Double.NaN : Math.sqrt(ssRaw / dof);
        double sigmaAdj = dof == 0 ? Double.NaN : Math.sqrt(ssAdj / dof);
        Integer[] ascending = new Integer[nc];
        for (int c = 0; c < nc; c++) {
            ascending[c] = c;
        }
        Arrays.sort(ascending, (x, y) -> Integer.compare(cd.ids()[x], cd.ids()[y]));
        double[] criterionSum = new double[nk];
        int[] criterionCount = new int[nk];
        double[] taskSum = new double[td.size()];
        int[] taskCount = new int[td.size()];
        Map<Integer, Result> out = new LinkedHashMap<>();
        for (int c : ascending) {
            for (int at = byCandidate.start()[c]; at < byCandidate.start()[c + 1]; at++) {
                int o = byCandidate.order()[at];
                criterionSum[kd.index()[o]] += level[o];
                criterionCount[kd.index()[o]]++;
                taskSum[td.index()[o]] += level[o];
                taskCount[td.index()[o]]++;
            }
            int m = pairStart[c + 1] - pairStart[c];
            double raw = 0;
            double adjusted = 0;
            double variance = 0;
            boolean allAdjusted = !severities.isEmpty();
            Map<Integer, Double> byReviewer = new TreeMap<>();
            for (int pair = pairStart[c]; pair < pairStart[c + 1]; pair++) {
                int r = pairRater[pair];
                raw += pairRaw[pair] / m;
                adjusted += pairAdj[pair] / m;
                byReviewer.put(rd.ids()[r], pairRaw[pair]);
                allAdjusted &= hasSeverity[r];
                variance += severityVar[r];
            }
            double rawSe = sigmaRaw / Math.sqrt(m);
            double adjSe = Math.sqrt(sigmaAdj * sigmaAdj / m + variance / ((double) m * m));
            if (!allAdjusted) {
                adjusted = raw;
                adjSe = rawSe;
            }
            int id = cd.ids()[c];
            out.put(id, new Result(id, raw, rawSe, adjusted, adjSe, allAdjusted, m,
                    means(kd, criterionSum, criterionCount), means(td, taskSum, taskCount), byReviewer));
        }
        return out;
    }

    /** The means of the groups that have any levels (by their ids), resetting the sums for the next use. */
    private static Map<Integer, Double> means(RaterEffects.Dense ids, double[] sum, int[] count) {
        Map<Integer, Double> out = new TreeMap<>();
        for (int i = 0; i < count.length; i++) {
            if (count[i] > 0) {
                out.put(ids.ids()[i], sum[i] / count[i]);
                sum[i] = 0;
                count[i] = 0;
            }
        }
        return out;
    }
}
