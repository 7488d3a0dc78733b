package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The map-based {@link RaterEffects} as it was before the computation moved to primitive arrays, kept as the
 * reference that {@code PrimitiveRankingEquivalenceTest} compares the new one with (only its two notes were reworded
 * since, to match; its severity standard errors are the earlier approximation and are not compared).
 *
 * <p>An additive rater-effects model: score = μ + candidate + criterion + rater + noise, fitted by least
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
 * The design is the bipartite graph of candidates and raters; the largest connected part (most
 * observations) is fitted. Raters outside it get no severity, and their candidates keep raw means. If that
 * part has fewer than two raters, severity cannot be estimated at all and everything falls back to raw
 * means, with a note saying so.
 *
 * <p><b>Scores.</b> {@code severity} is how much lower than the panel a reviewer scores (positive = harsh):
 * the negated rater effect. A candidate's adjusted score is the mean of their scores with each rater's
 * effect removed, so it stays on the rubric's 1–5 scale.
 *
 * <p><b>Standard errors</b> (approximations, stated in {@code docs/scoring.md}): a rater's severity has
 * SE = σ / √n_r, with σ the residual SD and n_r the rater's observations. A candidate's score has
 * SE = σ_R / √m_i, where m_i is the number of reviewers who scored them and σ_R the pooled SD of
 * reviewer-level mean residuals, so a reviewer's halo over many criteria is not counted as independent
 * evidence; for an adjusted score the severities' own SEs are added in quadrature.
 */
final class RaterEffectsReference {

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

    private RaterEffectsReference() {
    }

    public static Fit fit(List<Observation> observations) {
        if (observations.isEmpty()) {
            return new Fit(false, "No scores yet.", Double.NaN, Double.NaN, Map.of(), Map.of(), Map.of());
        }
        Set<Integer> fitted = largestComponent(observations);
        Set<Integer> fittedRaters = new HashSet<>();
        List<Observation> inFit = new ArrayList<>();
        for (Observation o : observations) {
            if (fitted.contains(candidateNode(o.candidate()))) {
                inFit.add(o);
                fittedRaters.add(o.rater());
            }
        }
        if (fittedRaters.size() < 2) {
            Map<Integer, CandidateScore> raw = candidateScores(observations, Map.of(), Map.of(), rawSigma(observations));
            return new Fit(false, "No candidate was scored by two reviewers, so reviewers' severities cannot be "
                    + "compared: scores are shown as raw means.", mean(observations), Double.NaN, Map.of(), Map.of(), raw);
        }
        // Least squares with the candidate effects absorbed: the normal equations for the criterion and
        // rater effects alone (a small dense system), then each candidate's effect from its residuals.
        Dense cr = Dense.of(inFit.stream().mapToInt(Observation::criterion).toArray());
        Dense rr = Dense.of(inFit.stream().mapToInt(Observation::rater).toArray());
        int nk = cr.size();
        int p = nk + rr.size();
        double[][] a = new double[p][p];
        double[] b = new double[p];
        Map<Integer, List<Integer>> byCandidate = new HashMap<>();
        for (int o = 0; o < inFit.size(); o++) {
            byCandidate.computeIfAbsent(inFit.get(o).candidate(), k -> new ArrayList<>()).add(o);
        }
        double[] count = new double[p];
        int[] touched = new int[p];
        for (List<Integer> rows : byCandidate.values()) {
            int used = 0;
            double sumY = 0;
            for (int o : rows) {
                int k = cr.index[o];
                int r = nk + rr.index[o];
                double y = inFit.get(o).score();
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
            double n = rows.size();
            for (int x = 0; x < used; x++) {
                int i = touched[x];
                b[i] -= count[i] * sumY / n;
                for (int z = 0; z < used; z++) {
                    int j = touched[z];
                    a[i][j] -= count[i] * count[j] / n;
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
        double[] gamma = solve(a, b);
        Map<Integer, Double> beta = new HashMap<>();
        Map<Integer, Double> rater = new HashMap<>();
        for (int k = 0; k < nk; k++) {
            beta.put(cr.ids[k], gamma[k]);
        }
        for (int r = 0; r < rr.size(); r++) {
            rater.put(rr.ids[r], gamma[nk + r]);
        }
        double mu = 0;
        Map<Integer, Double> theta = new HashMap<>();
        for (var e : byCandidate.entrySet()) {
            double sum = 0;
            for (int o : e.getValue()) {
                sum += inFit.get(o).score() - gamma[cr.index[o]] - gamma[nk + rr.index[o]];
            }
            theta.put(e.getKey(), sum / e.getValue().size());
        }
        // Residual SD, with the parameters used up by the three factors and the mean.
        double rss = 0;
        Map<Integer, Integer> perRater = new HashMap<>();
        for (Observation o : inFit) {
            double e = o.score() - mu - theta.get(o.candidate()) - beta.get(o.criterion()) - rater.get(o.rater());
            rss += e * e;
            perRater.merge(o.rater(), 1, Integer::sum);
        }
        int parameters = theta.size() + (beta.size() - 1) + (rater.size() - 1);
        int dof = Math.max(1, inFit.size() - parameters);
        double sigma = Math.sqrt(rss / dof);
        Map<Integer, Estimate> severities = new HashMap<>();
        rater.forEach((r, effect) -> severities.put(r, new Estimate(-effect, sigma / Math.sqrt(perRater.get(r)),
                perRater.get(r))));
        Map<Integer, CandidateScore> scores = candidateScores(observations, rater, severities,
                reviewerSigma(inFit, rater));
        String note = fittedRaters.size() == countRaters(observations) ? null
                : (countRaters(observations) - fittedRaters.size()) + " reviewer(s) share no candidates with the reviewers compared: "
                        + "their severity is not estimated and their candidates keep raw means.";
        return new Fit(true, note, mean(inFit), sigma, severities, beta, scores);
    }

    /** Dense 0..n−1 numbering of the ids that occur, in first-seen order. */
    private record Dense(int[] index, int[] ids) {
        static Dense of(int[] values) {
            Map<Integer, Integer> seen = new HashMap<>();
            int[] index = new int[values.length];
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                Integer at = seen.get(values[i]);
                if (at == null) {
                    at = ids.size();
                    seen.put(values[i], at);
                    ids.add(values[i]);
                }
                index[i] = at;
            }
            return new Dense(index, ids.stream().mapToInt(Integer::intValue).toArray());
        }

        int size() {
            return ids.length;
        }
    }

    /** Solves a symmetric positive definite system by Cholesky decomposition. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 1e-12) {
                        throw new IllegalStateException("The rating design is not connected enough to separate "
                                + "reviewer and criterion effects");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /** Raw and adjusted mean per candidate; {@code effects} holds the rater effects that can be removed. */
    private static Map<Integer, CandidateScore> candidateScores(List<Observation> observations,
            Map<Integer, Double> effects, Map<Integer, Estimate> severities, double sigmaR) {
        Map<Integer, double[]> acc = new HashMap<>();
        Map<Integer, Set<Integer>> reviewers = new HashMap<>();
        Map<Integer, Boolean> adjustable = new HashMap<>();
        for (Observation o : observations) {
            double[] a = acc.computeIfAbsent(o.candidate(), k -> new double[3]);
            Double effect = effects.get(o.rater());
            a[0] += o.score();
            a[1] += o.score() - (effect == null ? 0 : effect);
            a[2]++;
            reviewers.computeIfAbsent(o.candidate(), k -> new HashSet<>()).add(o.rater());
            adjustable.merge(o.candidate(), effect != null, Boolean::logicalAnd);
        }
        Map<Integer, CandidateScore> out = new HashMap<>();
        acc.forEach((candidate, a) -> {
            int n = (int) a[2];
            Set<Integer> who = reviewers.get(candidate);
            int m = who.size();
            double rawSe = sigmaR / Math.sqrt(m);
            Estimate raw = new Estimate(a[0] / n, rawSe, n);
            boolean adjusted = adjustable.get(candidate) && !effects.isEmpty();
            double severityVariance = 0;
            if (adjusted) {
                for (Integer r : who) {
                    double se = severities.get(r).standardError();
                    severityVariance += se * se;
                }
                severityVariance /= (double) m * m;
            }
            Estimate adj = adjusted ? new Estimate(a[1] / n, Math.sqrt(rawSe * rawSe + severityVariance), n) : raw;
            out.put(candidate, new CandidateScore(raw, adj, adjusted, m));
        });
        return out;
    }

    /**
     * Pooled SD of reviewer-level mean residuals: for each candidate × reviewer, the mean of that reviewer's
     * (severity-corrected) scores minus the candidate's mean across reviewers.
     */
    private static double reviewerSigma(List<Observation> obs, Map<Integer, Double> effects) {
        Map<Integer, Map<Integer, double[]>> byCandidate = new HashMap<>();
        for (Observation o : obs) {
            double[] a = byCandidate.computeIfAbsent(o.candidate(), k -> new HashMap<>())
                    .computeIfAbsent(o.rater(), k -> new double[2]);
            a[0] += o.score() - effects.getOrDefault(o.rater(), 0.0);
            a[1]++;
        }
        double ss = 0;
        int dof = 0;
        for (Map<Integer, double[]> raters : byCandidate.values()) {
            if (raters.size() < 2) {
                continue;
            }
            double mean = 0;
            for (double[] a : raters.values()) {
                mean += a[0] / a[1];
            }
            mean /= raters.size();
            for (double[] a : raters.values()) {
                double d = a[0] / a[1] - mean;
                ss += d * d;
            }
            dof += raters.size() - 1;
        }
        return dof == 0 ? Double.NaN : Math.sqrt(ss / dof);
    }

    private static double rawSigma(List<Observation> obs) {
        return reviewerSigma(obs, Map.of());
    }

    private static double mean(List<Observation> obs) {
        return obs.stream().mapToDouble(Observation::score).average().orElse(Double.NaN);
    }

    private static int countRaters(List<Observation> obs) {
        return (int) obs.stream().map(Observation::rater).distinct().count();
    }

    // Candidates and raters share one union-find: candidates as even nodes, raters as odd ones.
    private static int candidateNode(int candidate) {
        return 2 * candidate;
    }

    private static int raterNode(int rater) {
        return 2 * rater + 1;
    }

    /** The candidate and rater nodes of the connected part holding the most observations. */
    private static Set<Integer> largestComponent(List<Observation> observations) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (Observation o : observations) {
            union(parent, candidateNode(o.candidate()), raterNode(o.rater()));
        }
        Map<Integer, Integer> size = new HashMap<>();
        for (Observation o : observations) {
            size.merge(find(parent, candidateNode(o.candidate())), 1, Integer::sum);
        }
        int best = size.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        Set<Integer> nodes = new HashSet<>();
        for (Integer node : parent.keySet()) {
            if (find(parent, node) == best) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static int find(Map<Integer, Integer> parent, int x) {
        parent.putIfAbsent(x, x);
        int root = x;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(x) != root) {
            int next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
