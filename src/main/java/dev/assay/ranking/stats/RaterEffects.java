package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An additive rater-effects model: score = μ + candidate + criterion + rater + noise, fitted by least
 * squares over the connected part of the rating design, so that a harsh or lenient reviewer's scores can
 * be put on the panel's common scale.
 *
 * <p><b>Fitting.</b> Backfitting (Gauss–Seidel on the normal equations): each factor in turn is set to the
 * mean residual of its observations, then centred (criteria and raters sum to zero), until no effect moves
 * by more than 1e-10. On a connected design this converges to the ordinary least-squares solution.
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
            Map<Integer, CandidateScore> candidates, int iterations) {
    }

    /** A candidate's mean score raw and with rater severity removed ({@code adjusted} false: not adjustable). */
    public record CandidateScore(Estimate raw, Estimate adjusted, boolean wasAdjusted, int reviewers) {
    }

    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-10;

    private RaterEffects() {
    }

    public static Fit fit(List<Observation> observations) {
        if (observations.isEmpty()) {
            return new Fit(false, "No scores yet.", Double.NaN, Double.NaN, Map.of(), Map.of(), Map.of(), 0);
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
            return new Fit(false, "Reviewers share no candidates, so their severities cannot be compared: "
                    + "scores are shown as raw means.", mean(observations), Double.NaN, Map.of(), Map.of(), raw, 0);
        }
        // Backfitting over the fitted part.
        double mu = mean(inFit);
        Map<Integer, Double> theta = new HashMap<>();
        Map<Integer, Double> beta = new HashMap<>();
        Map<Integer, Double> rater = new HashMap<>();
        for (Observation o : inFit) {
            theta.putIfAbsent(o.candidate(), 0.0);
            beta.putIfAbsent(o.criterion(), 0.0);
            rater.putIfAbsent(o.rater(), 0.0);
        }
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change > TOLERANCE && iterations < MAX_ITERATIONS) {
            iterations++;
            change = 0;
            change = Math.max(change, update(inFit, theta, Factor.CANDIDATE, mu, theta, beta, rater, false));
            change = Math.max(change, update(inFit, beta, Factor.CRITERION, mu, theta, beta, rater, true));
            change = Math.max(change, update(inFit, rater, Factor.RATER, mu, theta, beta, rater, true));
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
                : (countRaters(observations) - fittedRaters.size()) + " reviewer(s) share no candidates with the rest "
                        + "of the panel: their severity is not estimated and their candidates keep raw means.";
        return new Fit(true, note, mu, sigma, severities, beta, scores, iterations);
    }

    private enum Factor { CANDIDATE, CRITERION, RATER }

    private static double update(List<Observation> obs, Map<Integer, Double> target, Factor factor, double mu,
            Map<Integer, Double> theta, Map<Integer, Double> beta, Map<Integer, Double> rater, boolean centre) {
        Map<Integer, double[]> sums = new HashMap<>();
        for (Observation o : obs) {
            int key = switch (factor) {
                case CANDIDATE -> o.candidate();
                case CRITERION -> o.criterion();
                case RATER -> o.rater();
            };
            double others = mu + (factor == Factor.CANDIDATE ? 0 : theta.get(o.candidate()))
                    + (factor == Factor.CRITERION ? 0 : beta.get(o.criterion()))
                    + (factor == Factor.RATER ? 0 : rater.get(o.rater()));
            double[] s = sums.computeIfAbsent(key, k -> new double[2]);
            s[0] += o.score() - others;
            s[1]++;
        }
        Map<Integer, Double> next = new HashMap<>();
        double average = 0;
        for (var e : sums.entrySet()) {
            double v = e.getValue()[0] / e.getValue()[1];
            next.put(e.getKey(), v);
            average += v;
        }
        average /= next.size();
        double change = 0;
        for (var e : next.entrySet()) {
            double v = centre ? e.getValue() - average : e.getValue();
            change = Math.max(change, Math.abs(v - target.get(e.getKey())));
            target.put(e.getKey(), v);
        }
        return change;
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
