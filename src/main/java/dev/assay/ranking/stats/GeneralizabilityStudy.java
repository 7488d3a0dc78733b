package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A generalizability study (G study) of the panel's scores and the decision study (D study) built on it: how
 * much of the spread in scores is candidates' real differences, and how many reviewers and tasks a submission
 * needs before its score can be trusted for ranking.
 *
 * <p><b>Facets.</b> Candidate p (the object of measurement), reviewer r and task t. One observation (a cell) is
 * a reviewer's mean level over the rubric criteria on one task of one candidate; the caller passes these cell
 * means, at most one per candidate × reviewer × task.
 *
 * <p><b>Crossed design p × r × t</b> ({@link #crossed}), for the linking set that every reviewer scores
 * completely. The random-effects ANOVA of the n_p × n_r × n_t array gives the mean squares, and their expected
 * values (Brennan 2001, ch. 3; Shavelson &amp; Webb 1991) are solved for the seven components:
 * <ul>
 *   <li>σ²(prt,e) = MS(prt); σ²(pr) = (MS(pr) − MS(prt)) / n_t; σ²(pt) = (MS(pt) − MS(prt)) / n_r;
 *       σ²(rt) = (MS(rt) − MS(prt)) / n_p;</li>
 *   <li>σ²(p) = (MS(p) − MS(pr) − MS(pt) + MS(prt)) / (n_r n_t); σ²(r) = (MS(r) − MS(pr) − MS(rt) + MS(prt))
 *       / (n_p n_t); σ²(t) = (MS(t) − MS(pt) − MS(rt) + MS(prt)) / (n_p n_r).</li>
 * </ul>
 *
 * <p><b>Nested design (r:p) × t</b> ({@link #nested}), for the live panel: each candidate gets their own two or
 * three reviewers (the same reviewer recurs across candidates, but a reviewer's effect on one candidate is treated
 * as their own, so σ²(r:p) holds σ²(r) + σ²(pr)), every task is crossed with candidates, and the numbers of
 * reviewers may differ and cells may be missing. Estimated by Henderson's (1953) Method 1, which Brennan (2001,
 * ch. 7) calls the analogous-ANOVA procedure: for each effect γ ∈ {μ, p, t, pt, r:p, prt} the "T term"
 * T(γ) = Σ_levels Y_γ² / n_γ (Y_γ the sum and n_γ the number of cells at that level) has expectation
 * E T(γ) = N μ² + Σ_α k(γ, α) σ²(α), with k(γ, α) = Σ_{levels g of γ} Σ_{levels a of α} n_ga² / n_g (n_ga the
 * cells in both). With at most one cell per candidate × reviewer × task these counts reduce to
 * <ul>
 *   <li>k(μ, α) = Σ_a n_a² / N; k(p, t) = k(p, pt) = Σ_p Σ_t n_pt² / n_p; k(p, r:p) = Σ_p Σ_r n_pr² / n_p;
 *       k(t, p) = k(t, pt) = Σ_t Σ_p n_pt² / n_t;</li>
 *   <li>k(t, r:p) = k(t, e) = n_t (tasks); k(pt, r:p) = k(pt, e) = number of p × t cells; k(r:p, t) = k(r:p, pt)
 *       = k(r:p, e) = number of p × r pairs; k(p, e) = n_p; k(γ, α) = N whenever γ's levels lie within α's;</li>
 * </ul>
 * and the five equations T(γ) − T(μ) = Σ_α (k(γ, α) − k(μ, α)) σ²(α) are solved for σ²(p), σ²(t), σ²(pt),
 * σ²(r:p) and σ²(rt:p,e). The estimator is unbiased without distributional assumptions, equals the ANOVA
 * estimator on balanced data, is closed-form and linear in the cells (one counting sort, one pass, a 5 × 5
 * solve), and is what urGENOVA computes, so figures can be compared with the G-theory literature. Its price:
 * estimates can be negative and, under heavy imbalance, are less efficient than REML. The analogous sums of
 * squares reported are SS(p) = T(p) − T(μ), SS(t) = T(t) − T(μ), SS(pt) = T(pt) − T(p) − T(t) + T(μ),
 * SS(r:p) = T(r:p) − T(p), SS(rt:p,e) = T(prt) − T(pt) − T(r:p) + T(p).
 *
 * <p><b>Recurring reviewers.</b> The nested model takes each candidate's reviewers to be different people, so
 * reviewer effects that candidates share are partly misread. On a balanced crossed set analysed as nested the
 * estimates are, exactly, σ²(r:p) = σ²(r) + σ²(pr) and σ²(rt:p,e) = σ²(rt) + σ²(prt,e), but σ²(p) comes out
 * σ²(r)/n_r low, σ²(t) σ²(rt)/n_r high and σ²(pt) σ²(rt)/n_r low. When each candidate's reviewers are drawn from
 * a large pool the shift is small (simulated, 2–3 reviewers from a pool of 40: σ²(p) about 2% low; from 10: 5% low).
 * The linking set's crossed study gives the clean split.
 *
 * <p><b>Negative estimates</b> are reported as estimated and set to 0 for the D study (Brennan 2001, ch. 3), with
 * a note. Nothing is estimated (components null, no D study, a note saying why) with fewer than two candidates,
 * reviewers (crossed) or tasks, with fewer than two candidates scored by two or more reviewers (nested: reviewers'
 * disagreement cannot then be told from candidates' differences), or when missing cells leave the equations
 * singular.
 *
 * <p><b>D study</b> (Brennan 2001, ch. 4), for n′_r reviewers and n′_t tasks per submission. For the live design,
 * each submission with its own reviewers ((r:p) × t; from a crossed G study σ²(r:p) = σ²(r) + σ²(pr) and
 * σ²(rt:p,e) = σ²(rt) + σ²(prt,e)):
 * σ²(δ) = σ²(pt)/n′_t + σ²(r:p)/n′_r + σ²(rt:p,e)/(n′_r n′_t) and σ²(Δ) = σ²(δ) + σ²(t)/n′_t. For the same
 * reviewers scoring every submission (p × r × t, from a crossed G study only): σ²(δ) = σ²(pt)/n′_t +
 * σ²(pr)/n′_r + σ²(prt,e)/(n′_r n′_t) and σ²(Δ) = σ²(δ) + σ²(t)/n′_t + σ²(r)/n′_r + σ²(rt)/(n′_r n′_t).
 * Generalizability coefficient Eρ² = σ²(p) / (σ²(p) + σ²(δ)) (relative decisions: ranking); dependability
 * Φ = σ²(p) / (σ²(p) + σ²(Δ)) (absolute decisions: a pass mark).
 *
 * <p>Sources: R. L. Brennan, <i>Generalizability Theory</i>, Springer, 2001 (ch. 3 and 4; ch. 7 for unbalanced
 * designs); R. J. Shavelson and N. M. Webb, <i>Generalizability Theory: A Primer</i>, Sage, 1991; C. R. Henderson,
 * "Estimation of variance and covariance components", <i>Biometrics</i> 9(2), 1953; S. R. Searle, G. Casella and
 * C. E. McCulloch, <i>Variance Components</i>, Wiley, 1992, ch. 5. Validated against Brennan's Synthetic Data Sets
 * No. 3 and No. 4 and his unbalanced p × (i:h) synthetic data ({@code GeneralizabilityStudyTest},
 * {@code docs/validation/gstudy.py}).
 */
public final class GeneralizabilityStudy {

    /** The largest number of reviewers per submission a decision study considers. */
    public static final int MAX_REVIEWERS = 5;

    /** One cell: a reviewer's mean level over the criteria of one task of one candidate (caller-chosen ids). */
    public record Cell(int candidate, int reviewer, int task, double score) {
    }

    /** CROSSED: p × r × t, every reviewer scores every submission; NESTED: (r:p) × t, own reviewers each. */
    public enum Design {
        CROSSED, NESTED
    }

    /**
     * One variance component: {@code source} as Brennan writes it ("p", "pr", "r:p", "rt:p,e", …), the
     * estimate (negative possible; null when it cannot be estimated).
     */
    public record Component(String source, Double estimate) {

        /** The value a decision study uses: the estimate, or 0 if it was negative; null when not estimated. */
        public Double used() {
            return estimate == null ? null : Math.max(0, estimate);
        }

        public boolean setToZero() {
            return estimate != null && estimate < 0;
        }
    }

    /**
     * A line of the (analogous, for unbalanced data) ANOVA table; {@code meanSquare} is null without degrees of
     * freedom.
     */
    public record AnovaLine(String source, double degreesOfFreedom, double sumOfSquares, Double meanSquare) {
    }

    /** Eρ² ({@code g}) and Φ ({@code phi}) for one D-study size; null when every variance is zero (0 / 0). */
    public record Coefficients(int reviewers, int tasks, double relativeErrorVariance, double absoluteErrorVariance,
            Double g, Double phi) {
    }

    /**
     * The components a decision study uses (all ≥ 0) for its design. {@code reviewer} and {@code residual} are
     * σ²(r:p) and σ²(rt:p,e) for NESTED, σ²(pr) and σ²(prt,e) for CROSSED; {@code reviewerMain} = σ²(r) and
     * {@code reviewerTask} = σ²(rt) enter the absolute error of the CROSSED design only (0 for NESTED, where they
     * are part of σ²(r:p) and σ²(rt:p,e)).
     */
    public record DecisionStudy(Design design, double candidate, double task, double candidateTask, double reviewer,
            double residual, double reviewerMain, double reviewerTask) {

        public DecisionStudy {
            for (double v : new double[] {candidate, task, candidateTask, reviewer, residual, reviewerMain,
                    reviewerTask}) {
                if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("D-study components must be finite and non-negative: " + v);
                }
            }
        }

        /** Error variances and coefficients for {@code reviewers} reviewers and {@code tasks} tasks per submission. */
        public Coefficients at(int reviewers, int tasks) {
            if (reviewers < 1 || tasks < 1) {
                throw new IllegalArgumentException("A decision study needs at least one reviewer and one task");
            }
            double nr = reviewers;
            double nt = tasks;
            double relative = candidateTask / nt + reviewer / nr + residual / (nr * nt);
            double absolute = relative + task / nt + reviewerMain / nr + reviewerTask / (nr * nt);
            return new Coefficients(reviewers, tasks, relative, absolute, ratio(candidate, relative),
                    ratio(candidate, absolute));
        }

        /** Coefficients for 1..{@value GeneralizabilityStudy#MAX_REVIEWERS} reviewers × 1..maxTasks tasks. */
        public List<Coefficients> grid(int maxTasks) {
            List<Coefficients> out = new ArrayList<>();
            for (int r = 1; r <= MAX_REVIEWERS; r++) {
                for (int t = 1; t <= maxTasks; t++) {
                    out.add(at(r, t));
                }
            }
            return out;
        }

        /**
         * The fewest reviewers per submission (at most {@value GeneralizabilityStudy#MAX_REVIEWERS}) giving
         * Eρ² ≥ target with {@code tasks} tasks; empty if even that many fall short.
         */
        public OptionalInt smallestReviewersFor(double target, int tasks) {
            checkTarget(target);
            for (int r = 1; r <= MAX_REVIEWERS; r++) {
                Double g = at(r, tasks).g();
                if (g != null && g >= target) {
                    return OptionalInt.of(r);
                }
            }
            return OptionalInt.empty();
        }

        /**
         * One sentence for a page: the fewest reviewers reaching {@code target} with {@code tasks} tasks, or what
         * even {@value GeneralizabilityStudy#MAX_REVIEWERS} would reach and which facet holds it back.
         */
        public String reading(double target, int tasks) {
            checkTarget(target);
            Coefficients most = at(MAX_REVIEWERS, tasks);
            if (most.g() == null) {
                return "Every score is the same, so there is nothing to generalise from.";
            }
            if (candidate == 0) {
                return "These scores do not tell candidates apart: their true differences were estimated at zero, "
                        + "so no number of reviewers or tasks would make a ranking on them reliable.";
            }
            OptionalInt enough = smallestReviewersFor(target, tasks);
            String panel = design == Design.NESTED ? " per submission" : " scoring every submission";
            if (enough.isPresent()) {
                int r = enough.getAsInt();
                return "With " + r + (r == 1 ? " reviewer" : " reviewers") + panel + " and " + tasks
                        + (tasks == 1 ? " task" : " tasks") + " this panel would reach G = "
                        + twoDecimals(at(r, tasks).g()) + ".";
            }
            double taskError = candidateTask / tasks;
            double reviewerError = reviewer / MAX_REVIEWERS + residual / ((double) MAX_REVIEWERS * tasks);
            String why = taskError >= reviewerError
                    ? "the tasks disagree more than the reviewers do; add tasks."
                    : "the reviewers disagree more than the tasks do; sharpen the rubric's anchors or calibrate "
                            + "reviewers before adding more.";
            return "Even " + MAX_REVIEWERS + " reviewers" + panel + " would reach only G = " + twoDecimals(most.g())
                    + ": " + why;
        }
    }

    /**
     * The G study. {@code estimated} false: components are null, {@code decisions} is null and {@code notes} says
     * why. {@code decisions} is the D study for the live design ((r:p) × t); {@code sameReviewerDecisions} the one
     * for a crossed panel (p × r × t), from a crossed G study only.
     */
    public record Result(Design design, boolean estimated, List<String> notes, int candidates, int reviewers,
            int tasks, int cells, List<AnovaLine> anova, List<Component> components, DecisionStudy decisions,
            DecisionStudy sameReviewerDecisions) {

        /** The component for {@code source} ("p", "t", "r:p", …); throws if the design has no such source. */
        public Component component(String source) {
            for (Component c : components) {
                if (c.source().equals(source)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("No source " + source + " in the " + design + " design");
        }

        /** {@link DecisionStudy#smallestReviewersFor} of the live design; empty when nothing was estimated. */
        public OptionalInt smallestReviewersFor(double target, int tasks) {
            return decisions == null ? OptionalInt.empty() : decisions.smallestReviewersFor(target, tasks);
        }

        /** {@link DecisionStudy#reading} of the live design, or the first note when nothing was estimated. */
        public String reading(double target, int tasks) {
            return decisions == null ? notes.get(0) : decisions.reading(target, tasks);
        }
    }

    static final List<String> CROSSED_SOURCES = List.of("p", "r", "t", "pr", "pt", "rt", "prt,e");
    static final List<String> NESTED_SOURCES = List.of("p", "t", "pt", "r:p", "rt:p,e");

    private static final String ONE_CANDIDATE = "Fewer than two candidates: there are no differences between "
            + "candidates to measure.";
    private static final String ONE_TASK = "Only one task was scored: candidates' task-to-task variation cannot be "
            + "separated from their overall level.";

    private GeneralizabilityStudy() {
    }

    public static Result crossed(List<Cell> cells) {
        Columns c = Columns.of(cells);
        return crossed(c.candidate, c.reviewer, c.task, c.score);
    }

    public static Result nested(List<Cell> cells) {
        Columns c = Columns.of(cells);
        return nested(c.candidate, c.reviewer, c.task, c.score);
    }

    /**
     * The p × r × t G study of a complete array: every reviewer scored every task of every candidate exactly once
     * (otherwise an {@link IllegalArgumentException} pointing to {@link #nested}).
     */
    public static Result crossed(int[] candidate, int[] reviewer, int[] task, double[] score) {
        int n = check(candidate, reviewer, task, score);
        RaterEffects.Dense pd = RaterEffects.Dense.of(candidate);
        RaterEffects.Dense rd = RaterEffects.Dense.of(reviewer);
        RaterEffects.Dense td = RaterEffects.Dense.of(task);
        int np = pd.size();
        int nr = rd.size();
        int nt = td.size();
        String missing = n == 0 ? "No scores yet."
                : np < 2 ? ONE_CANDIDATE
                : nr < 2 ? "Fewer than two reviewers scored the linking set: reviewers' disagreement cannot be "
                        + "measured."
                : nt < 2 ? ONE_TASK
                : null;
        if (missing != null) {
            return notEstimated(Design.CROSSED, missing, np, nr, nt, n);
        }
        if ((long) np * nr * nt != n) {
            throw new IllegalArgumentException("A crossed study needs every reviewer to score every task of every "
                    + "candidate once: " + n + " cells for " + np + " × " + nr + " × " + nt + "; use nested()");
        }
        double mean = 0;
        for (double x : score) {
            mean += x;
        }
        mean /= n;
        // The array, centred on the grand mean, and its marginal sums.
        double[] y = new double[n];
        boolean[] seen = new boolean[n];
        double[] sp = new double[np];
        double[] sr = new double[nr];
        double[] st = new double[nt];
        double[] spr = new double[np * nr];
        double[] spt = new double[np * nt];
        double[] srt = new double[nr * nt];
        for (int o = 0; o < n; o++) {
            int p = pd.index()[o];
            int r = rd.index()[o];
            int t = td.index()[o];
            int at = (p * nr + r) * nt + t;
            if (seen[at]) {
                throw new IllegalArgumentException("Candidate " + candidate[o] + ", reviewer " + reviewer[o]
                        + ", task " + task[o] + " has more than one cell; pass the mean over criteria once");
            }
            seen[at] = true;
            double x = score[o] - mean;
            y[at] = x;
            sp[p] += x;
            sr[r] += x;
            st[t] += x;
            spr[p * nr + r] += x;
            spt[p * nt + t] += x;
            srt[r * nt + t] += x;
        }
        // T terms of the centred data (T(μ) = 0); sums of squares by inclusion–exclusion.
        double tp = squares(sp) / ((double) nr * nt);
        double tr = squares(sr) / ((double) np * nt);
        double tt = squares(st) / ((double) np * nr);
        double tpr = squares(spr) / nt;
        double tpt = squares(spt) / nr;
        double trt = squares(srt) / np;
        double ty = squares(y);
        double[] ss = {tp, tr, tt, tpr - tp - tr, tpt - tp - tt, trt - tr - tt, ty - tpr - tpt - trt + tp + tr + tt};
        double[] df = {np - 1, nr - 1, nt - 1, (np - 1.0) * (nr - 1), (np - 1.0) * (nt - 1), (nr - 1.0) * (nt - 1),
                (np - 1.0) * (nr - 1) * (nt - 1)};
        double[] ms = new double[7];
        List<AnovaLine> anova = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ms[i] = ss[i] / df[i];
            anova.add(new AnovaLine(CROSSED_SOURCES.get(i), df[i], ss[i], ms[i]));
        }
        double prt = ms[6];
        double[] estimate = {
                (ms[0] - ms[3] - ms[4] + prt) / ((double) nr * nt),
                (ms[1] - ms[3] - ms[5] + prt) / ((double) np * nt),
                (ms[2] - ms[4] - ms[5] + prt) / ((double) np * nr),
                (ms[3] - prt) / nt,
                (ms[4] - prt) / nr,
                (ms[5] - prt) / np,
                prt};
        List<Component> components = components(CROSSED_SOURCES, estimate);
        List<String> notes = notes(components);
        double[] u = new double[7];
        for (int i = 0; i < 7; i++) {
            u[i] = Math.max(0, estimate[i]);
        }
        DecisionStudy live = new DecisionStudy(Design.NESTED, u[0], u[2], u[4], u[1] + u[3], u[5] + u[6], 0, 0);
        DecisionStudy same = new DecisionStudy(Design.CROSSED, u[0], u[2], u[4], u[3], u[6], u[1], u[5]);
        return new Result(Design.CROSSED, true, notes, np, nr, nt, n, List.copyOf(anova), components, live, same);
    }

    /**
     * The (r:p) × t G study by Henderson's Method 1 (Brennan's analogous ANOVA): any numbers of reviewers per
     * candidate, cells may be missing, at most one cell per candidate × reviewer × task.
     */
    public static Result nested(int[] candidate, int[] reviewer, int[] task, double[] score) {
        int n = check(candidate, reviewer, task, score);
        RaterEffects.Dense pd = RaterEffects.Dense.of(candidate);
        RaterEffects.Dense rd = RaterEffects.Dense.of(reviewer);
        RaterEffects.Dense td = RaterEffects.Dense.of(task);
        int np = pd.size();
        int nr = rd.size();
        int nt = td.size();
        if (n == 0) {
            return notEstimated(Design.NESTED, "No scores yet.", np, nr, nt, n);
        }
        // Sorted by candidate, then reviewer, then task: three stable counting sorts, last key first.
        int[] order = new int[n];
        for (int o = 0; o < n; o++) {
            order[o] = o;
        }
        order = stableSort(order, td.index(), nt);
        order = stableSort(order, rd.index(), nr);
        order = stableSort(order, pd.index(), np);
        double mean = 0;
        for (double x : score) {
            mean += x;
        }
        mean /= n;

        double tp = 0;           // T(p)
        double tpt = 0;          // T(pt)
        double trp = 0;          // T(r:p)
        double ty = 0;           // T(prt): every cell
        double sumNp2 = 0;       // Σ n_p²
        double sumNpt2 = 0;      // Σ n_pt²
        double sumNpr2 = 0;      // Σ n_pr²
        double kpt = 0;          // Σ_p Σ_t n_pt² / n_p
        double kpr = 0;          // Σ_p Σ_r n_pr² / n_p
        long ptCells = 0;
        long prPairs = 0;
        int withTwoReviewers = 0;
        double[] taskSum = new double[nt];      // per task, over all candidates
        long[] taskCount = new long[nt];
        double[] taskNpt2 = new double[nt];     // Σ_p n_pt² per task
        double[] pTaskSum = new double[nt];     // per task, within the current candidate
        int[] pTaskCount = new int[nt];
        int[] touched = new int[nt];
        int at = 0;
        while (at < n) {
            int p = pd.index()[order[at]];
            int end = at;
            while (end < n && pd.index()[order[end]] == p) {
                end++;
            }
            int used = 0;
            double yp = 0;
            double npr2 = 0;
            int reviewersHere = 0;
            int o = at;
            while (o < end) {
                int r = rd.index()[order[o]];
                int stop = o;
                double ypr = 0;
                int lastTask = -1;
                while (stop < end && rd.index()[order[stop]] == r) {
                    int cell = order[stop];
                    int t = td.index()[cell];
                    if (t == lastTask) {
                        throw new IllegalArgumentException("Candidate " + candidate[cell] + ", reviewer "
                                + reviewer[cell] + ", task " + task[cell] + " has more than one cell; pass the mean "
                                + "over criteria once");
                    }
                    lastTask = t;
                    double x = score[cell] - mean;
                    ty += x * x;
                    ypr += x;
                    if (pTaskCount[t]++ == 0) {
                        touched[used++] = t;
                    }
                    pTaskSum[t] += x;
                    stop++;
                }
                int npr = stop - o;
                trp += ypr * ypr / npr;
                npr2 += (double) npr * npr;
                yp += ypr;
                reviewersHere++;
                o = stop;
            }
            double size = end - at;
            tp += yp * yp / size;
            sumNp2 += size * size;
            sumNpr2 += npr2;
            kpr += npr2 / size;
            prPairs += reviewersHere;
            if (reviewersHere >= 2) {
                withTwoReviewers++;
            }
            double npt2 = 0;
            for (int i = 0; i < used; i++) {
                int t = touched[i];
                double c = pTaskCount[t];
                tpt += pTaskSum[t] * pTaskSum[t] / c;
                npt2 += c * c;
                taskSum[t] += pTaskSum[t];
                taskCount[t] += pTaskCount[t];
                taskNpt2[t] += c * c;
                pTaskSum[t] = 0;
                pTaskCount[t] = 0;
            }
            sumNpt2 += npt2;
            kpt += npt2 / size;
            ptCells += used;
            at = end;
        }
        double tt = 0;
        double ktp = 0;
        double sumNt2 = 0;
        double ysum = 0;
        for (int t = 0; t < nt; t++) {
            tt += taskSum[t] * taskSum[t] / taskCount[t];
            ktp += taskNpt2[t] / taskCount[t];
            sumNt2 += (double) taskCount[t] * taskCount[t];
            ysum += taskSum[t];
        }
        double tmu = ysum * ysum / n;

        String missing = np < 2 ? ONE_CANDIDATE
                : nt < 2 ? ONE_TASK
                : withTwoReviewers < 2 ? "Fewer than two candidates were scored by two or more reviewers: reviewers' "
                        + "disagreement cannot be separated from candidates' differences."
                : null;
        if (missing != null) {
            return notEstimated(Design.NESTED, missing, np, nr, nt, n);
        }
        // E T(γ) − E T(μ) = Σ_α (k(γ, α) − k(μ, α)) σ²(α); rows γ = p, t, pt, r:p, prt; columns α = p, t, pt, r:p, e.
        double nn = n;
        double[] kmu = {sumNp2 / nn, sumNt2 / nn, sumNpt2 / nn, sumNpr2 / nn, 1};
        double[][] k = {
                {nn, kpt, kpt, kpr, np},
                {ktp, nn, ktp, nt, nt},
                {nn, nn, nn, ptCells, ptCells},
                {nn, prPairs, prPairs, nn, prPairs},
                {nn, nn, nn, nn, nn}};
        double[] rhs = {tp - tmu, tt - tmu, tpt - tmu, trp - tmu, ty - tmu};
        for (double[] row : k) {
            for (int j = 0; j < 5; j++) {
                row[j] -= kmu[j];
            }
        }
        double[] estimate = solve(k, rhs);
        if (estimate == null) {
            return notEstimated(Design.NESTED, "The pattern of missing scores does not separate the five sources of "
                    + "variance (for instance, no reviewer scored two tasks of the same candidate).", np, nr, nt, n);
        }
        List<AnovaLine> anova = List.of(
                line("p", np - 1, tp - tmu),
                line("t", nt - 1, tt - tmu),
                line("pt", (double) ptCells - np - nt + 1, tpt - tp - tt + tmu),
                line("r:p", (double) prPairs - np, trp - tp),
                line("rt:p,e", nn - ptCells - prPairs + np, ty - tpt - trp + tp));
        List<Component> components = components(NESTED_SOURCES, estimate);
        List<String> notes = notes(components);
        DecisionStudy live = new DecisionStudy(Design.NESTED, Math.max(0, estimate[0]), Math.max(0, estimate[1]),
                Math.max(0, estimate[2]), Math.max(0, estimate[3]), Math.max(0, estimate[4]), 0, 0);
        return new Result(Design.NESTED, true, notes, np, nr, nt, n, anova, components, live, null);
    }

    private static int check(int[] candidate, int[] reviewer, int[] task, double[] score) {
        int n = score.length;
        if (candidate.length != n || reviewer.length != n || task.length != n) {
            throw new IllegalArgumentException("candidate, reviewer, task and score must have the same length");
        }
        for (int o = 0; o < n; o++) {
            if (!Double.isFinite(score[o])) {
                throw new IllegalArgumentException("Score " + o + " is not a number (" + score[o] + ")");
            }
        }
        return n;
    }

    private static Result notEstimated(Design design, String why, int np, int nr, int nt, int n) {
        List<String> sources = design == Design.CROSSED ? CROSSED_SOURCES : NESTED_SOURCES;
        List<Component> none = new ArrayList<>();
        for (String s : sources) {
            none.add(new Component(s, null));
        }
        return new Result(design, false, List.of(why), np, nr, nt, n, List.of(), List.copyOf(none), null, null);
    }

    private static List<Component> components(List<String> sources, double[] estimate) {
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < estimate.length; i++) {
            out.add(new Component(sources.get(i), estimate[i]));
        }
        return List.copyOf(out);
    }

    private static List<String> notes(List<Component> components) {
        List<String> notes = new ArrayList<>();
        StringBuilder negative = new StringBuilder();
        for (Component c : components) {
            if (c.setToZero()) {
                negative.append(negative.isEmpty() ? "" : ", ").append("σ²(").append(c.source()).append(") = ")
                        .append(String.format(Locale.ROOT, "%.4f", c.estimate()));
            }
        }
        if (!negative.isEmpty()) {
            notes.add("Negative estimates set to 0 for the decision study (Brennan's convention): " + negative + ".");
        }
        if (components.get(0).estimate() <= 0) {
            notes.add("Candidates' true differences σ²(p) were estimated at or below zero: these scores do not tell "
                    + "candidates apart.");
        }
        return List.copyOf(notes);
    }

    private static AnovaLine line(String source, double df, double ss) {
        return new AnovaLine(source, df, ss, df > 0 ? ss / df : null);
    }

    private static Double ratio(double universe, double error) {
        double total = universe + error;
        return total > 0 ? universe / total : null;
    }

    private static void checkTarget(double target) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("The target coefficient must lie between 0 and 1, not " + target);
        }
    }

    static String twoDecimals(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        return s.startsWith("0.") ? s.substring(1) : s;
    }

    private static double squares(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return s;
    }

    /** {@code order} stably re-sorted by {@code key[order[i]]} (a counting sort over keys 0..keys−1). */
    private static int[] stableSort(int[] order, int[] key, int keys) {
        int[] start = new int[keys + 1];
        for (int o : order) {
            start[key[o] + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[order.length];
        for (int o : order) {
            out[start[key[o]]++] = o;
        }
        return out;
    }

    /**
     * Solves the small system a x = b by Gaussian elimination with partial pivoting; null if a pivot vanishes
     * (relative to the largest entry), that is when the design does not identify every component.
     */
    private static double[] solve(double[][] a, double[] b) {
        int m = b.length;
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int row = col + 1; row < m; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) <= 1e-10 * scale) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double tmp = b[col];
            b[col] = b[pivot];
            b[pivot] = tmp;
            for (int row = col + 1; row < m; row++) {
                double f = a[row][col] / a[col][col];
                for (int j = col; j < m; j++) {
                    a[row][j] -= f * a[col][j];
                }
                b[row] -= f * b[col];
            }
        }
        double[] x = new double[m];
        for (int row = m - 1; row >= 0; row--) {
            double s = b[row];
            for (int j = row + 1; j < m; j++) {
                s -= a[row][j] * x[j];
            }
            x[row] = s / a[row][row];
        }
        return x;
    }

    /** Cells held column by column. */
    private record Columns(int[] candidate, int[] reviewer, int[] task, double[] score) {
        static Columns of(List<Cell> cells) {
            int n = cells.size();
            Columns c = new Columns(new int[n], new int[n], new int[n], new double[n]);
            for (int o = 0; o < n; o++) {
                Cell x = cells.get(o);
                c.candidate[o] = x.candidate();
                c.reviewer[o] = x.reviewer();
                c.task[o] = x.task();
                c.score[o] = x.score();
            }
            return c;
        }
    }
}
