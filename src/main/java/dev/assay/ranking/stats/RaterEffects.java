package dev.assay.ranking.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An additive rater-effects model: score = μ + candidate + criterion + rater + noise, fitted by least
 * squares over the connected part of the rating design, so that a harsh or lenient reviewer's scores can
 * be put on the panel's common scale.
 *
 * <p><b>Fitting.</b> Ordinary least squares with the candidate effects absorbed: the normal equations for the
 * criterion and rater effects alone, A γ = b with A = Σ_i (Z_i'Z_i − Z_i'1 1'Z_i / n_i), are a small dense
 * system (criteria + raters unknowns) solved by Cholesky after adding the sum-to-zero constraints of both
 * factors, which span A's null space on a connected design; each candidate's effect is then the mean of
 * its residuals. One pass over the scores plus a solve, whatever the design's shape.
 *
 * <p><b>Connectedness.</b> Severities can only be compared between reviewers linked by shared candidates.
 * The design is the bipartite graph of candidates and raters; of its connected parts with at least two
 * raters (a part with one rater has nothing to compare), the one holding the most observations is fitted
 * (ties: more raters, then the part holding the smallest candidate id). Raters outside it get no severity,
 * and their candidates keep raw means. If no part has two raters (no candidate was scored by two),
 * severity cannot be estimated at all and everything falls back to raw means, with a note saying so.
 *
 * <p><b>Scores.</b> {@code severity} is how much lower than the panel a reviewer scores (positive = harsh):
 * the negated rater effect. A candidate's adjusted score is the mean of their scores with each rater's
 * effect removed, so it stays on the rubric's 1–5 scale.
 *
 * <p><b>Standard errors</b> (stated in {@code docs/scoring.md}): a rater's severity has the exact least-squares
 * SE under independent residuals, σ √(((A + HH')⁻¹ − H(H'H)⁻²H')_rr), from the Cholesky factor already used
 * for the solve, with σ the residual SD and H the two constraint columns. A candidate's score has
 * SE = σ_R / √m_i, where m_i is the number of reviewers who scored them and σ_R the pooled SD of
 * reviewer-level mean residuals, so a reviewer's halo over many criteria is not counted as independent
 * evidence; for an adjusted score the severities' own SEs are added in quadrature.
 */
public final class RaterEffects {

    /** One score: candidate, criterion (a task × criterion cell) and rater are caller-chosen int ids. */
    public record Observation(int candidate, int criterion, int rater, double score) {
    }

    /** An estimate with its standard error and how many observations it rests on. */
    public record Estimate(double value, double standardError, int observations) {
    }

    /**
     * The fit. {@code candidates} holds each candidate's raw and adjusted score; {@code severities} only
     * the raters in the fitted part.
     */
    public record Fit(boolean severityEstimated, String note, double grandMean, double residualSd,
            Map<Integer, Estimate> severities, Map<Integer, Double> criterionEffects,
            Map<Integer, CandidateScore> candidates) {
    }

    /** A candidate's mean score raw and with rater severity removed ({@code adjusted} false: not adjustable). */
    public record CandidateScore(Estimate raw, Estimate adjusted, boolean wasAdjusted, int reviewers) {
    }

    private RaterEffects() {
    }

    public static Fit fit(List<Observation> observations) {
        int n = observations.size();
        int[] candidate = new int[n];
        int[] criterion = new int[n];
        int[] rater = new int[n];
        double[] score = new double[n];
        for (int o = 0; o < n; o++) {
            Observation x = observations.get(o);
            candidate[o] = x.candidate();
            criterion[o] = x.criterion();
            rater[o] = x.rater();
            score[o] = x.score();
        }
        return fit(candidate, criterion, rater, score);
    }

    /**
     * The same fit over scores held column by column: observation {@code o} is {@code score[o]} given by
     * {@code rater[o]} to {@code candidate[o]} on {@code criterion[o]}. Everything per observation is done in
     * primitive arrays over dense indexes; maps are built only for the results.
     */
    public static Fit fit(int[] candidate, int[] criterion, int[] rater, double[] score) {
        int n = score.length;
        for (int o = 0; o < n; o++) {
            if (!Double.isFinite(score[o])) {
                throw new IllegalArgumentException("Score " + o + " is not a number (" + score[o] + ")");
            }
        }
        if (n == 0) {
            return new Fit(false, "No scores yet.", Double.NaN, Double.NaN, Map.of(), Map.of(), Map.of());
        }
        Dense cd = Dense.of(candidate);
        Dense rd = Dense.of(rater);
        Dense kd = Dense.of(criterion);
        int nc = cd.size();
        int nr = rd.size();
        Groups byCandidate = Groups.of(cd.index, nc);
        boolean[] inFit = largestComponent(cd, rd, byCandidate);
        // Criteria and raters of the fitted part, numbered in first-seen order.
        int[] kFit = filled(kd.size(), -1);
        int[] rFit = filled(nr, -1);
        int nk = 0;
        int nrFit = 0;
        int fitted = 0;
        double fitSum = 0;
        for (int o = 0; o < n; o++) {
            if (inFit[cd.index[o]]) {
                fitted++;
                fitSum += score[o];
                if (kFit[kd.index[o]] < 0) {
                    kFit[kd.index[o]] = nk++;
                }
                if (rFit[rd.index[o]] < 0) {
                    rFit[rd.index[o]] = nrFit++;
                }
            }
        }
        if (nrFit < 2) {
            double[] none = filled(nr, Double.NaN);
            Map<Integer, CandidateScore> raw = candidateScores(cd, rd, score, byCandidate, none, none,
                    reviewerSigma(cd, rd, score, byCandidate, null, none));
            return new Fit(false, "No candidate was scored by two reviewers, so reviewers' severities cannot be "
                    + "compared: scores are shown as raw means.", sum(score) / n, Double.NaN, Map.of(), Map.of(), raw);
        }
        // Least squares with the candidate effects absorbed: the normal equations for the criterion and
        // rater effects alone (a small dense system), then each candidate's effect from its residuals.
        int p = nk + nrFit;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        double[] count = new double[p];
        int[] touched = new int[p];
        for (int c = 0; c < nc; c++) {
            if (!inFit[c]) {
                continue;
            }
            int used = 0;
            double sumY = 0;
            for (int at = byCandidate.start[c]; at < byCandidate.start[c + 1]; at++) {
                int o = byCandidate.order[at];
                int k = kFit[kd.index[o]];
                int r = nk + rFit[rd.index[o]];
                double y = score[o];
                a[k][k]++;
                a[r][r]++;
                a[k][r]++;
                a[r][k]++;
                b[k] += y;
                b[r] += y;
                sumY += y;
                if (count[k]++ == 0) {
                    touched[used++] = k;
                }
                if (count[r]++ == 0) {
                    touched[used++] = r;
                }
            }
            double size = byCandidate.size(c);
            for (int x = 0; x < used; x++) {
                int i = touched[x];
                b[i] -= count[i] * sumY / size;
                for (int z = 0; z < used; z++) {
                    int j = touched[z];
                    a[i][j] -= count[i] * count[j] / size;
                }
            }
            for (int x = 0; x < used; x++) {
                count[touched[x]] = 0;
            }
        }
        // Sum-to-zero constraints for each factor (they span the system's null space on a connected design).
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if ((i < nk) == (j < nk)) {
                    a[i][j] += 1;
                }
            }
        }
        double[][] factor = Cholesky.factor(a);
        if (factor == null) {
            throw new IllegalStateException("The rating design is not connected enough to separate reviewer and "
                    + "criterion effects");
        }
        double[] gamma = Cholesky.solve(factor, b);
        // Each candidate's effect is the mean of their residuals; then the residual SD, with the parameters
        // used up by the three factors and the mean.
        double rss = 0;
        int[] perRater = new int[nr];
        int thetas = 0;
        for (int c = 0; c < nc; c++) {
            if (!inFit[c]) {
                continue;
            }
            thetas++;
            double sum = 0;
            for (int at = byCandidate.start[c]; at < byCandidate.start[c + 1]; at++) {
                int o = byCandidate.order[at];
                sum += score[o] - gamma[kFit[kd.index[o]]] - gamma[nk + rFit[rd.index[o]]];
            }
            double theta = sum / byCandidate.size(c);
            for (int at = byCandidate.start[c]; at < byCandidate.start[c + 1]; at++) {
                int o = byCandidate.order[at];
                double e = score[o] - theta - gamma[kFit[kd.index[o]]] - gamma[nk + rFit[rd.index[o]]];
                rss += e * e;
                perRater[rd.index[o]]++;
            }
        }
        int parameters = thetas + (nk - 1) + (nrFit - 1);
        int dof = Math.max(1, fitted - parameters);
        double sigma = Math.sqrt(rss / dof);
        double[] inverseDiagonal = Cholesky.inverseDiagonal(factor);
        double[] effect = filled(nr, Double.NaN);
        double[] severitySe = filled(nr, Double.NaN);
        Map<Integer, Estimate> severities = new HashMap<>();
        for (int r = 0; r < nr; r++) {
            if (rFit[r] >= 0) {
                effect[r] = gamma[nk + rFit[r]];
                // Cov(γ) = σ² G A G with G = (A + HH')⁻¹; since AH = 0, GH = H(H'H)⁻¹ and G A G = G − H(H'H)⁻²H'.
                // H's columns are all ones within a factor, so that term's rater diagonal is 1 / (raters fitted)².
                double variance = inverseDiagonal[nk + rFit[r]] - 1.0 / ((double) nrFit * nrFit);
                severitySe[r] = sigma * Math.sqrt(Math.max(0, variance));
                severities.put(rd.ids[r], new Estimate(-effect[r], severitySe[r], perRater[r]));
            }
        }
        Map<Integer, Double> beta = new HashMap<>();
        for (int k = 0; k < kFit.length; k++) {
            if (kFit[k] >= 0) {
                beta.put(kd.ids[k], gamma[kFit[k]]);
            }
        }
        Map<Integer, CandidateScore> scores = candidateScores(cd, rd, score, byCandidate, effect, severitySe,
                reviewerSigma(cd, rd, score, byCandidate, inFit, effect));
        String note = nrFit == nr ? null
                : (nr - nrFit) + " reviewer(s) share no candidates with the reviewers compared: "
                        + "their severity is not estimated and their candidates keep raw means.";
        return new Fit(true, note, fitSum / fitted, sigma, severities, beta, scores);
    }

    /** Dense 0..n−1 numbering of the ids that occur, in first-seen order. */
    record Dense(int[] index, int[] ids) {
        static Dense of(int[] values) {
            int[] index = new int[values.length];
            int[] ids = new int[Math.min(values.length, 16)];
            int size = 0;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            long range = values.length == 0 ? 0 : (long) max - min + 1;
            if (range <= 4L * values.length + 1024) {
                // Ids in a compact range (the usual case): a lookup table instead of a hash map.
                int[] table = new int[(int) range];
                Arrays.fill(table, -1);
                for (int i = 0; i < values.length; i++) {
                    int at = table[values[i] - min];
                    if (at < 0) {
                        at = size;
                        table[values[i] - min] = at;
                        ids = append(ids, size++, values[i]);
                    }
                    index[i] = at;
                }
            } else {
                Map<Integer, Integer> seen = new HashMap<>();
                for (int i = 0; i < values.length; i++) {
                    Integer at = seen.get(values[i]);
                    if (at == null) {
                        at = size;
                        seen.put(values[i], at);
                        ids = append(ids, size++, values[i]);
                    }
                    index[i] = at;
                }
            }
            return new Dense(index, Arrays.copyOf(ids, size));
        }

        private static int[] append(int[] ids, int at, int value) {
            int[] out = at < ids.length ? ids : Arrays.copyOf(ids, Math.max(16, ids.length * 2));
            out[at] = value;
            return out;
        }

        int size() {
            return ids.length;
        }

        /** Dense indexes in ascending id order. */
        int[] sortedOrder() {
            long[] keyed = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                keyed[i] = ((long) ids[i] << 32) | i;
            }
            Arrays.sort(keyed);
            int[] order = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                order[i] = (int) keyed[i];
            }
            return order;
        }
    }

    /** Observations grouped by a dense key, each group in the observations' own order (a counting sort). */
    record Groups(int[] start, int[] order) {
        static Groups of(int[] key, int keys) {
            int[] start = new int[keys + 1];
            for (int k : key) {
                start[k + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                start[k + 1] += start[k];
            }
            int[] next = Arrays.copyOf(start, keys);
            int[] order = new int[key.length];
            for (int o = 0; o < key.length; o++) {
                order[next[key[o]]++] = o;
            }
            return new Groups(start, order);
        }

        int size(int group) {
            return start[group + 1] - start[group];
        }
    }

    /**
     * Raw and adjusted mean per candidate; {@code effect} holds each rater's removable effect (NaN where
     * there is none) and {@code severitySe} its standard error.
     */
    private static Map<Integer, CandidateScore> candidateScores(Dense cd, Dense rd, double[] score,
            Groups byCandidate, double[] effect, double[] severitySe, double sigmaR) {
        boolean anyEffect = false;
        for (double e : effect) {
            anyEffect |= !Double.isNaN(e);
        }
        int[] seenBy = filled(rd.size(), -1);
        Map<Integer, CandidateScore> out = new HashMap<>();
        for (int c = 0; c < cd.size(); c++) {
            double raw = 0;
            double adjusted = 0;
            boolean adjustable = true;
            int m = 0;
            double severityVariance = 0;
            for (int at = byCandidate.start[c]; at < byCandidate.start[c + 1]; at++) {
                int o = byCandidate.order[at];
                int r = rd.index[o];
                double e = effect[r];
                raw += score[o];
                adjusted += score[o] - (Double.isNaN(e) ? 0 : e);
                adjustable &= !Double.isNaN(e);
                if (seenBy[r] != c) {
                    seenBy[r] = c;
                    m++;
                    if (!Double.isNaN(e)) {
                        severityVariance += severitySe[r] * severitySe[r];
                    }
                }
            }
            int n = byCandidate.size(c);
            double rawSe = sigmaR / Math.sqrt(m);
            Estimate rawEstimate = new Estimate(raw / n, rawSe, n);
            boolean wasAdjusted = adjustable && anyEffect;
            Estimate adj = wasAdjusted ? new Estimate(adjusted / n,
                    Math.sqrt(rawSe * rawSe + severityVariance / ((double) m * m)), n) : rawEstimate;
            out.put(cd.ids[c], new CandidateScore(rawEstimate, adj, wasAdjusted, m));
        }
        return out;
    }

    /**
     * Pooled SD of reviewer-level mean residuals: for each candidate × reviewer, the mean of that reviewer's
     * (severity-corrected) scores minus the candidate's mean across reviewers. {@code only} limits it to the
     * fitted candidates (null: all); {@code effect} is NaN for raters without one.
     */
    private static double reviewerSigma(Dense cd, Dense rd, double[] score, Groups byCandidate, boolean[] only,
            double[] effect) {
        int nr = rd.size();
        double[] sum = new double[nr];
        double[] count = new double[nr];
        int[] touched = new int[nr];
        double ss = 0;
        int dof = 0;
        for (int c = 0; c < cd.size(); c++) {
            if (only != null && !only[c]) {
                continue;
            }
            int used = 0;
            for (int at = byCandidate.start[c]; at < byCandidate.start[c + 1]; at++) {
                int o = byCandidate.order[at];
                int r = rd.index[o];
                if (count[r] == 0) {
                    touched[used++] = r;
                }
                sum[r] += score[o] - (Double.isNaN(effect[r]) ? 0 : effect[r]);
                count[r]++;
            }
            if (used >= 2) {
                double mean = 0;
                for (int x = 0; x < used; x++) {
                    mean += sum[touched[x]] / count[touched[x]];
                }
                mean /= used;
                for (int x = 0; x < used; x++) {
                    double d = sum[touched[x]] / count[touched[x]] - mean;
                    ss += d * d;
                }
                dof += used - 1;
            }
            for (int x = 0; x < used; x++) {
                sum[touched[x]] = 0;
                count[touched[x]] = 0;
            }
        }
        return dof == 0 ? Double.NaN : Math.sqrt(ss / dof);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static int[] filled(int length, int value) {
        int[] out = new int[length];
        Arrays.fill(out, value);
        return out;
    }

    private static double[] filled(int length, double value) {
        double[] out = new double[length];
        Arrays.fill(out, value);
        return out;
    }

    /**
     * The candidates of the connected part of the design (candidates and raters linked by scores) that is fitted:
     * among the parts with at least two raters (a part with one rater cannot estimate a severity), the one holding
     * the most observations; between equal parts, the one with more raters, then the one holding the smallest
     * candidate id, so the choice never depends on the order of the scores. No candidate is marked when no part
     * has two raters.
     */
    private static boolean[] largestComponent(Dense cd, Dense rd, Groups byCandidate) {
        int nc = cd.size();
        // Candidates are nodes 0..nc−1, raters nc..nc+nr−1.
        int[] parent = new int[nc + rd.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int c = 0; c < nc; c++) {
            for (int at = byCandidate.start[c]; at < byCandidate.start[c + 1]; at++) {
                int a = find(parent, c);
                int b = find(parent, nc + rd.index[byCandidate.order[at]]);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        long[] size = new long[parent.length];
        int[] raters = new int[parent.length];
        long[] smallestCandidate = new long[parent.length];
        Arrays.fill(smallestCandidate, Long.MAX_VALUE);
        for (int node = 0; node < parent.length; node++) {
            int root = find(parent, node);
            if (node < nc) {
                size[root] += byCandidate.size(node);
                smallestCandidate[root] = Math.min(smallestCandidate[root], cd.ids[node]);
            } else {
                raters[root]++;
            }
        }
        int best = -1;
        for (int node = 0; node < parent.length; node++) {
            if (parent[node] != node || raters[node] < 2) {
                continue;
            }
            if (best < 0 || size[node] > size[best]
                    || (size[node] == size[best] && (raters[node] > raters[best]
                            || (raters[node] == raters[best] && smallestCandidate[node] < smallestCandidate[best])))) {
                best = node;
            }
        }
        boolean[] inFit = new boolean[nc];
        for (int c = 0; c < nc && best >= 0; c++) {
            inFit[c] = find(parent, c) == best;
        }
        return inFit;
    }

    /** Union–find: the root of x, compressing the path. */
    static int find(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[x] != root) {
            int next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    }
}
