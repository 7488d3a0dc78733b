package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rating-scale many-facet Rasch model (Linacre, <i>Many-Facet Rasch Measurement</i>, 1989) of candidates,
 * criteria and raters, fitted by joint maximum likelihood (JMLE) as Facets does.
 *
 * <p><b>Model.</b> A rating at level L is model category x = rank of L among the levels in use (0 = lowest). For
 * candidate n, criterion i and rater j, log(P_nijx / P_nij(x−1)) = B_n − D_i − C_j − F_x: B is the candidate's
 * measure (higher = better), D the criterion's difficulty, C the rater's severity (higher = harsher), F_1..F_m the
 * Rasch–Andrich thresholds shared by all criteria and raters. Identification: criteria and raters each have mean
 * zero over the elements estimated jointly, thresholds sum to zero, candidates are free. When every level from
 * {@code minLevel} to {@code maxLevel} is used, x = L − minLevel; a level nobody used in the estimated ratings is
 * left out of the scale and the levels above it are renumbered down (ordinal renumbering), with a note, so that no
 * threshold is infinite.
 *
 * <p><b>Estimation.</b> The JMLE equations are those of Facets: for every element, observed raw score = expected
 * score; for every threshold, the category-count equation (ratings in category ≥ x observed = expected). They are
 * solved by Newton–Raphson on the joint log-likelihood (which is concave). Facets alternates per-element steps
 * facet by facet; here each iteration takes the full Newton step instead: the candidates' block of the information
 * matrix is diagonal, so they are absorbed and the criterion, rater and threshold steps come from the small dense
 * system that remains (as {@link RaterEffects} does for least squares), then each candidate's own step follows. This
 * reaches the same estimates and converges quadratically however sparse the linking is (alternating updates can
 * crawl on sparsely linked panels, which is why RaterEffects dropped backfitting). Steps are limited to 1 logit and
 * halved until the log-likelihood rises. Converged means: largest score residual of any element or threshold below
 * {@link Options#maxScoreResidual()} score points and largest change in the last step below
 * {@link Options#maxChange()} logits (defaults 0.001 and 0.0001, much tighter than Facets' default
 * {@code Convergence = .5, .01}); otherwise the fit says it did not converge.
 *
 * <p><b>Extreme scores.</b> An element whose ratings are all at the lowest (or all at the highest) level in use has
 * no finite JMLE estimate. As in Facets ({@code Xtreme = 0.3}) and Winsteps ({@code EXTRSC = 0.3}), such elements are
 * set aside, repeatedly until none is left, the rest is estimated without their ratings, and each is then measured
 * against those estimates with its raw score moved 0.3 score points inwards; it is flagged extreme and gets no fit
 * statistics. An element whose ratings were all removed with extreme elements is measured the same way afterwards
 * ({@link Status#LINKED_THROUGH_EXTREMES}).
 *
 * <p><b>Connectedness.</b> Severities can only be compared between raters linked by shared candidates. As in
 * {@link RaterEffects}, of the connected parts of the candidate–rater graph with at least two raters the one holding
 * the most ratings is fitted (ties: more raters, then the part holding the smallest candidate id); everything outside
 * it is {@link Status#NOT_MEASURED}.
 *
 * <p><b>Statistics</b> (Wright &amp; Masters, <i>Rating Scale Analysis</i>, 1982, ch. 5; Linacre's Facets manual,
 * Table 7). E and W are the model mean and variance of a rating, z = (x − E)/√W, and sums run over the ratings
 * estimated jointly (over all of an element's ratings if it was set aside):
 * <ul>
 *   <li>model S.E. = 1/√ΣW;</li>
 *   <li>outfit mean-square = mean of z² (unweighted); infit = Σ(x − E)² / ΣW (information-weighted); ZSTD by the
 *       Wilson–Hilferty cube root, t = (MS^⅓ − 1)(3/q) + q/3, with q² = Σ(K/W²)/N² − 1/N for outfit and
 *       Σ(K − W²)/(ΣW)² for infit, K the fourth central moment of the rating (Wright &amp; Masters, pp. 100–101);</li>
 *   <li>fair average ("Fair-M average" in Facets): the expected rating, on the original levels, for the element
 *       with the other two facets at the mean measure of their measured elements (extreme ones included): 0 for
 *       criteria and raters up to extremes, the mean candidate measure for candidates;</li>
 *   <li>per facet: RMSE = √mean(S.E.²), true SD = √(SD² − RMSE²) (population SD over the non-extreme measured
 *       elements, 0 when negative), separation G = true SD / RMSE, reliability = G²/(1 + G²) (Facets' "Model,
 *       Populn" line); none with fewer than two such elements;</li>
 *   <li>threshold S.E. = 1/√Σ G_x(1 − G_x), G_x the model probability of a rating in category ≥ x (each threshold's
 *       own information, ignoring its covariance with the other parameters).</li>
 * </ul>
 * A rater's reading: infit or outfit above 1.5, "erratic (noisy)"; else either below 0.5, "too predictable: may be
 * halo or central tendency"; else "fits". Central tendency is checked directly: the rater's ratings in the middle
 * levels (all but the lowest and highest in use) against the model's expectation for those ratings, flagged when
 * z = (O − E)/√Σp(1 − p) ≥ 3 and the excess is at least 10% of the rater's ratings.
 *
 * <p><b>Bias correction</b> (optional, off by default; uncorrected estimates are always reported). With L items per
 * person, JMLE spreads dichotomous item difficulties out by about L/(L − 1) (Wright &amp; Douglas, 1977, on
 * unconditional estimation of the Rasch model); Winsteps' {@code STBIAS = Yes} multiplies them by (L − 1)/L. Here L
 * is the mean number of ratings per jointly estimated candidate; criterion, rater and threshold estimates (and their
 * S.E.s) are multiplied by (L − 1)/L, and each candidate is re-measured against the corrected values. For rating
 * scales the factor is an approximation; a simulated panel with L = 6 in ManyFacetRaschTest shows it removing the
 * outward bias. Fit statistics and fair averages are those of the uncorrected (maximum-likelihood) solution.
 */
public final class ManyFacetRasch {

    private static final double MAX_STEP = 1.0;
    private static final double ERRATIC = 1.5;
    private static final double PREDICTABLE = 0.5;
    private static final double CENTRAL_Z = 3.0;
    private static final double CENTRAL_EXCESS = 0.10;

    /** One rating: candidate, criterion (a task × criterion cell) and rater are caller-chosen int ids. */
    public record Observation(int candidate, int criterion, int rater, int level) {
    }

    /**
     * Estimation settings.
     *
     * @param maxIterations     Newton iterations allowed before giving up (the fit then says it did not converge)
     * @param maxScoreResidual  convergence: largest |observed − expected| score of any element or threshold count
     * @param maxChange         convergence: largest change of any estimate in the last iteration, logits
     * @param extremeAdjustment score points an extreme score is moved inwards (Facets' and Winsteps' 0.3)
     * @param biasCorrection    also report (L − 1)/L bias-corrected estimates
     * @param standardizedFit   also report infit and outfit ZSTD
     */
    public record Options(int maxIterations, double maxScoreResidual, double maxChange, double extremeAdjustment,
            boolean biasCorrection, boolean standardizedFit) {

        public Options {
            if (maxIterations < 1 || !(maxScoreResidual > 0) || !(maxChange > 0)) {
                throw new IllegalArgumentException("Iterations and convergence tolerances must be positive");
            }
            if (!(extremeAdjustment > 0 && extremeAdjustment < 1)) {
                throw new IllegalArgumentException("The extreme-score adjustment must lie between 0 and 1");
            }
        }

        public static Options defaults() {
            return new Options(100, 0.001, 0.0001, 0.3, false, true);
        }

        public Options withBiasCorrection(boolean on) {
            return new Options(maxIterations, maxScoreResidual, maxChange, extremeAdjustment, on, standardizedFit);
        }

        public Options withConvergence(double residual, double change) {
            return new Options(maxIterations, residual, change, extremeAdjustment, biasCorrection, standardizedFit);
        }

        public Options withMaxIterations(int iterations) {
            return new Options(iterations, maxScoreResidual, maxChange, extremeAdjustment, biasCorrection,
                    standardizedFit);
        }
    }

    /** How an element was measured. */
    public enum Status {
        /** Estimated jointly with the rest of the fitted design. */
        FITTED,
        /** Every rating at the lowest level in use: measured with the extreme-score adjustment. */
        EXTREME_MINIMUM,
        /** Every rating at the highest level in use: measured with the extreme-score adjustment. */
        EXTREME_MAXIMUM,
        /** Not extreme, but all its ratings involve extreme elements: measured afterwards against the fit. */
        LINKED_THROUGH_EXTREMES,
        /** Outside the connected part that is fitted (or nothing could be fitted): no measure. */
        NOT_MEASURED
    }

    /**
     * One candidate, criterion or rater. Raw score, count and observed average cover all of its ratings on the
     * original levels; everything else is null when it does not apply (not measured; fit of an extreme element;
     * ZSTD or bias correction switched off).
     */
    public record Element(int id, Status status, int count, long rawScore, double observedAverage, Double measure,
            Double standardError, Double fairAverage, Double infit, Double outfit, Double infitZstd,
            Double outfitZstd, Double correctedMeasure, Double correctedStandardError) {

        public boolean measured() {
            return measure != null;
        }

        public boolean extreme() {
            return status == Status.EXTREME_MINIMUM || status == Status.EXTREME_MAXIMUM;
        }
    }

    /**
     * Central-tendency check of a rater: ratings in the middle levels observed against the model's expectation.
     * {@code z} is null when the model gives those ratings no variance.
     */
    public record CentralTendency(int ratings, int observedMiddle, double expectedMiddle, Double z, boolean flagged) {
    }

    /** A rater with a plain-words reading of their fit; {@code centralTendency} null when it cannot be checked. */
    public record Rater(Element element, String reading, boolean erratic, boolean tooPredictable,
            CentralTendency centralTendency) {
    }

    /**
     * One level of the rating scale: how often it was used in the fitted part, whether it is a category of the
     * fitted scale, and the threshold into it from the level below (null for the lowest category and unused levels).
     */
    public record Category(int level, int count, boolean inModel, Double threshold, Double thresholdSe,
            Double correctedThreshold) {
    }

    /** Separation and reliability of one facet; the values are null with fewer than two non-extreme elements. */
    public record Separation(int elements, Double rmse, Double trueSd, Double separation, Double reliability) {
    }

    /**
     * The fit. {@code estimated} false: nothing could be measured (see the notes). Maps are keyed by the caller's
     * ids in ascending order.
     */
    public record Fit(boolean estimated, boolean converged, int iterations, Double maxScoreResidual,
            Double maxChange, List<String> notes, Double biasCorrectionFactor, Map<Integer, Element> candidates,
            Map<Integer, Element> criteria, Map<Integer, Rater> raters, List<Category> categories,
            Separation candidateSeparation, Separation criterionSeparation, Separation raterSeparation) {
    }

    private ManyFacetRasch() {
    }

    /** As {@link #fit(int[], int[], int[], int[], int, int, Options)}, from a list of ratings. */
    public static Fit fit(List<Observation> observations, int minLevel, int maxLevel, Options options) {
        int n = observations.size();
        int[] candidate = new int[n];
        int[] criterion = new int[n];
        int[] rater = new int[n];
        int[] level = new int[n];
        for (int o = 0; o < n; o++) {
            Observation x = observations.get(o);
            candidate[o] = x.candidate();
            criterion[o] = x.criterion();
            rater[o] = x.rater();
            level[o] = x.level();
        }
        return fit(candidate, criterion, rater, level, minLevel, maxLevel, options);
    }

    /**
     * Fits ratings held column by column: rating {@code o} is {@code level[o]} given by {@code rater[o]} to
     * {@code candidate[o]} on {@code criterion[o]}, on a scale from {@code minLevel} to {@code maxLevel}. Everything
     * per rating is done in primitive arrays over dense indexes; maps are built only for the results.
     */
    public static Fit fit(int[] candidate, int[] criterion, int[] rater, int[] level, int minLevel, int maxLevel,
            Options options) {
        Objects.requireNonNull(options, "options");
        int n = level.length;
        if (candidate.length != n || criterion.length != n || rater.length != n) {
            throw new IllegalArgumentException("candidate, criterion, rater and level must have the same length");
        }
        if (maxLevel <= minLevel) {
            throw new IllegalArgumentException("maxLevel must be above minLevel");
        }
        for (int o = 0; o < n; o++) {
            if (level[o] < minLevel || level[o] > maxLevel) {
                throw new IllegalArgumentException("Rating " + o + " has level " + level[o] + ", outside "
                        + minLevel + ".." + maxLevel);
            }
        }
        return new Estimator(candidate, criterion, rater, level, minLevel, maxLevel, options).run();
    }

    /** The state of one fit. Facet 0 = candidates, 1 = criteria, 2 = raters. */
    private static final class Estimator {
        private final int n;
        private final int minLevel;
        private final int maxLevel;
        private final Options options;
        private final int[] level;
        private final RaterEffects.Dense[] dense = new RaterEffects.Dense[3];
        private final RaterEffects.Groups[] groups = new RaterEffects.Groups[3];
        private final int[][] index = new int[3][];
        private final Status[][] status = new Status[3][];
        private final List<String> notes = new ArrayList<>();
        private boolean[] fitted;
        private boolean[] active;
        /** Model categories: the levels (0-based) in use, and each level's rank (−1: not in use). */
        private int[] modelLevel;
        private int[] rankOf;
        private int top;
        /** Each fitted rating's category: its rank, or the rank of the highest model level below it. */
        private int[] category;
        private final double[][] measure = new double[3][];
        private final boolean[][] hasMeasure = new boolean[3][];
        private double[] thresholds;
        private boolean converged;
        private int iterations;
        private double lastResidual;
        private double lastChange;

        Estimator(int[] candidate, int[] criterion, int[] rater, int[] level, int minLevel, int maxLevel,
                Options options) {
            this.n = level.length;
            this.minLevel = minLevel;
            this.maxLevel = maxLevel;
            this.options = options;
            this.level = level;
            int[][] ids = {candidate, criterion, rater};
            for (int f = 0; f < 3; f++) {
                dense[f] = RaterEffects.Dense.of(ids[f]);
                index[f] = dense[f].index();
                groups[f] = RaterEffects.Groups.of(index[f], dense[f].size());
                status[f] = new Status[dense[f].size()];
                Arrays.fill(status[f], Status.NOT_MEASURED);
                measure[f] = new double[dense[f].size()];
                hasMeasure[f] = new boolean[dense[f].size()];
            }
        }

        Fit run() {
            if (n == 0) {
                notes.add("No ratings yet.");
                return result(false);
            }
            boolean[] part = component(null, true);
            if (part == null) {
                notes.add("No candidate was rated by two raters, so raters' severities cannot be compared: "
                        + "nothing is measured.");
                return result(false);
            }
            fitted = new boolean[n];
            active = new boolean[n];
            for (int o = 0; o < n; o++) {
                fitted[o] = part[index[0][o]];
                active[o] = fitted[o];
                if (fitted[o]) {
                    for (int f = 0; f < 3; f++) {
                        status[f][index[f][o]] = Status.FITTED;
                    }
                }
            }
            int outside = 0;
            for (Status s : status[2]) {
                outside += s == Status.NOT_MEASURED ? 1 : 0;
            }
            if (outside > 0) {
                notes.add(outside + " rater(s) share no candidates with the raters compared: they and their "
                        + "candidates are not measured.");
            }
            if (!settleDesign()) {
                for (Status[] s : status) {
                    Arrays.fill(s, Status.NOT_MEASURED);
                }
                return result(false);
            }
            if (!estimate()) {
                for (Status[] s : status) {
                    Arrays.fill(s, Status.NOT_MEASURED);
                }
                return result(false);
            }
            measureSetAside();
            return result(true);
        }

        // ---- Design: extreme elements, categories in use, the connected part estimated jointly ----

        /**
         * Sets extreme elements aside, fixes the categories in use and keeps the estimated ratings connected,
         * repeating until nothing changes. False (with a note) when nothing is left to estimate.
         */
        private boolean settleDesign() {
            boolean linkedNoted = false;
            while (true) {
                boolean[] used = levelsUsed(active);
                int inUse = 0;
                for (boolean u : used) {
                    inUse += u ? 1 : 0;
                }
                if (inUse == 0) {
                    notes.add("Every candidate's ratings are all at the lowest or all at the highest level: "
                            + "there is nothing to measure them against.");
                    return false;
                }
                if (inUse == 1) {
                    notes.add("All ratings (apart from those of elements with extreme scores) are at the same level: "
                            + "there is no scale to estimate.");
                    return false;
                }
                setCategories(used);
                removeExtremes();
                boolean[] after = levelsUsed(active);
                if (!Arrays.equals(after, used)) {
                    continue;
                }
                boolean[] keep = component(active, true);
                if (keep == null) {
                    keep = component(active, false);
                }
                boolean dropped = false;
                for (int o = 0; o < n; o++) {
                    if (active[o] && !keep[index[0][o]]) {
                        active[o] = false;
                        dropped = true;
                    }
                }
                if (dropped) {
                    if (!linkedNoted) {
                        notes.add("Some ratings are linked to the rest only through elements with extreme scores; "
                                + "their elements are measured afterwards against the fitted measures.");
                        linkedNoted = true;
                    }
                    continue;
                }
                break;
            }
            // Elements of the fitted part left without estimated ratings (and not extreme) are linked through
            // extreme elements only.
            int[][] activeCount = new int[3][];
            for (int f = 0; f < 3; f++) {
                activeCount[f] = new int[dense[f].size()];
            }
            for (int o = 0; o < n; o++) {
                if (active[o]) {
                    for (int f = 0; f < 3; f++) {
                        activeCount[f][index[f][o]]++;
                    }
                }
            }
            for (int f = 0; f < 3; f++) {
                for (int e = 0; e < status[f].length; e++) {
                    if (status[f][e] == Status.FITTED && activeCount[f][e] == 0) {
                        status[f][e] = Status.LINKED_THROUGH_EXTREMES;
                    }
                }
            }
            category = new int[n];
            int[] floor = new int[maxLevel - minLevel + 1];
            for (int x = 0, r = 0; x < floor.length; x++) {
                while (r + 1 <= top && modelLevel[r + 1] <= x) {
                    r++;
                }
                floor[x] = r;
            }
            for (int o = 0; o < n; o++) {
                category[o] = floor[level[o] - minLevel];
            }
            noteCategories();
            return true;
        }

        private boolean[] levelsUsed(boolean[] mask) {
            boolean[] used = new boolean[maxLevel - minLevel + 1];
            for (int o = 0; o < n; o++) {
                if (mask[o]) {
                    used[level[o] - minLevel] = true;
                }
            }
            return used;
        }

        private void setCategories(boolean[] used) {
            rankOf = new int[used.length];
            Arrays.fill(rankOf, -1);
            int count = 0;
            for (boolean u : used) {
                count += u ? 1 : 0;
            }
            modelLevel = new int[count];
            for (int x = 0, r = 0; x < used.length; x++) {
                if (used[x]) {
                    rankOf[x] = r;
                    modelLevel[r++] = x;
                }
            }
            top = count - 1;
        }

        /** Marks elements whose estimated ratings are all at the bottom or all at the top, repeatedly. */
        private void removeExtremes() {
            boolean changed = true;
            while (changed) {
                changed = false;
                int[][] lowest = new int[3][];
                int[][] highest = new int[3][];
                for (int f = 0; f < 3; f++) {
                    lowest[f] = new int[dense[f].size()];
                    highest[f] = new int[dense[f].size()];
                    Arrays.fill(lowest[f], Integer.MAX_VALUE);
                    Arrays.fill(highest[f], -1);
                }
                for (int o = 0; o < n; o++) {
                    if (active[o]) {
                        int r = rankOf[level[o] - minLevel];
                        for (int f = 0; f < 3; f++) {
                            int e = index[f][o];
                            lowest[f][e] = Math.min(lowest[f][e], r);
                            highest[f][e] = Math.max(highest[f][e], r);
                        }
                    }
                }
                boolean[][] extreme = new boolean[3][];
                for (int f = 0; f < 3; f++) {
                    extreme[f] = new boolean[dense[f].size()];
                    for (int e = 0; e < extreme[f].length; e++) {
                        if (highest[f][e] < 0) {
                            continue;
                        }
                        if (highest[f][e] == 0) {
                            status[f][e] = Status.EXTREME_MINIMUM;
                            extreme[f][e] = true;
                        } else if (lowest[f][e] == top) {
                            status[f][e] = Status.EXTREME_MAXIMUM;
                            extreme[f][e] = true;
                        }
                    }
                }
                for (int o = 0; o < n; o++) {
                    if (active[o] && (extreme[0][index[0][o]] || extreme[1][index[1][o]]
                            || extreme[2][index[2][o]])) {
                        active[o] = false;
                        changed = true;
                    }
                }
            }
        }

        private void noteCategories() {
            boolean[] inFitted = levelsUsed(fitted);
            List<String> unused = new ArrayList<>();
            List<String> extremeOnly = new ArrayList<>();
            for (int x = 0; x < inFitted.length; x++) {
                if (!inFitted[x]) {
                    unused.add(String.valueOf(x + minLevel));
                } else if (rankOf[x] < 0) {
                    extremeOnly.add(String.valueOf(x + minLevel));
                }
            }
            if (!unused.isEmpty()) {
                notes.add("Level(s) " + String.join(", ", unused) + " were never used in the fitted ratings: the "
                        + "scale is estimated over the levels in use, renumbered in order, and has no threshold for "
                        + "them.");
            }
            if (!extremeOnly.isEmpty()) {
                notes.add("Level(s) " + String.join(", ", extremeOnly) + " were used only in ratings of elements "
                        + "with extreme scores: the scale is estimated without them and those ratings count as the "
                        + "nearest level below in use.");
            }
        }

        /**
         * The connected part of the candidate–rater graph over the ratings in {@code mask} (null: all) holding the
         * most ratings, among parts with at least two raters if {@code twoRaters}; ties: more raters, then the
         * smallest candidate id. Returns the candidates in it, or null if no part qualifies.
         */
        private boolean[] component(boolean[] mask, boolean twoRaters) {
            int nc = dense[0].size();
            int[] parent = new int[nc + dense[2].size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            long[] size = new long[parent.length];
            boolean[] seen = new boolean[parent.length];
            for (int o = 0; o < n; o++) {
                if (mask != null && !mask[o]) {
                    continue;
                }
                int a = RaterEffects.find(parent, index[0][o]);
                int b = RaterEffects.find(parent, nc + index[2][o]);
                seen[index[0][o]] = true;
                seen[nc + index[2][o]] = true;
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
            int[] raters = new int[parent.length];
            long[] smallest = new long[parent.length];
            Arrays.fill(smallest, Long.MAX_VALUE);
            for (int o = 0; o < n; o++) {
                if (mask == null || mask[o]) {
                    size[RaterEffects.find(parent, index[0][o])]++;
                }
            }
            for (int node = 0; node < parent.length; node++) {
                if (!seen[node]) {
                    continue;
                }
                int root = RaterEffects.find(parent, node);
                if (node < nc) {
                    smallest[root] = Math.min(smallest[root], dense[0].ids()[node]);
                } else {
                    raters[root]++;
                }
            }
            int best = -1;
            for (int node = 0; node < parent.length; node++) {
                if (!seen[node] || parent[node] != node || raters[node] < (twoRaters ? 2 : 1)) {
                    continue;
                }
                if (best < 0 || size[node] > size[best] || (size[node] == size[best] && (raters[node] > raters[best]
                        || (raters[node] == raters[best] && smallest[node] < smallest[best])))) {
                    best = node;
                }
            }
            if (best < 0) {
                return null;
            }
            boolean[] in = new boolean[nc];
            for (int c = 0; c < nc; c++) {
                in[c] = seen[c] && RaterEffects.find(parent, c) == best;
            }
            return in;
        }

        // ---- Joint maximum likelihood ----

        /** Estimation indexes, ratings in candidate order and the Newton iterations. False if not identified. */
        private boolean estimate() {
            int[][] at = new int[3][];
            int[] sizes = new int[3];
            for (int f = 0; f < 3; f++) {
                at[f] = new int[dense[f].size()];
                Arrays.fill(at[f], -1);
            }
            int na = 0;
            for (int o = 0; o < n; o++) {
                if (active[o]) {
                    na++;
                    for (int f = 1; f < 3; f++) {
                        if (at[f][index[f][o]] < 0) {
                            at[f][index[f][o]] = sizes[f]++;
                        }
                    }
                }
            }
            // Candidates are numbered in dense order, so that their ratings can be laid out group by group.
            for (int c = 0; c < dense[0].size(); c++) {
                for (int g = groups[0].start()[c]; g < groups[0].start()[c + 1]; g++) {
                    if (active[groups[0].order()[g]]) {
                        at[0][c] = sizes[0]++;
                        break;
                    }
                }
            }
            Sample s = new Sample(sizes[0], sizes[1], sizes[2], top, na);
            int fill = 0;
            for (int c = 0; c < dense[0].size(); c++) {
                if (at[0][c] < 0) {
                    continue;
                }
                s.start[at[0][c]] = fill;
                for (int g = groups[0].start()[c]; g < groups[0].start()[c + 1]; g++) {
                    int o = groups[0].order()[g];
                    if (active[o]) {
                        s.criterion[fill] = at[1][index[1][o]];
                        s.rater[fill] = at[2][index[2][o]];
                        s.x[fill] = category[o];
                        fill++;
                    }
                }
            }
            s.start[sizes[0]] = fill;
            Jmle jmle = new Jmle(s);
            if (!jmle.solve(options)) {
                notes.add(jmle.iterations == 0
                        ? "The fitted ratings do not separate the criteria, raters and rating levels from one "
                                + "another (the information matrix is singular): nothing is measured."
                        : "The estimates run off to infinity after " + jmle.iterations + " iterations: the "
                                + "ratings are too few or too patterned for finite measures; nothing is measured.");
                return false;
            }
            converged = jmle.converged;
            iterations = jmle.iterations;
            lastResidual = jmle.residual;
            lastChange = jmle.change;
            if (!converged) {
                notes.add("The estimates did not converge in " + iterations + " iterations (largest score "
                        + "residual " + String.format("%.4g", lastResidual) + "); treat them as provisional.");
            }
            double[][] theta = {jmle.b, jmle.d, jmle.c};
            for (int f = 0; f < 3; f++) {
                for (int e = 0; e < at[f].length; e++) {
                    if (at[f][e] >= 0) {
                        measure[f][e] = theta[f][at[f][e]];
                        hasMeasure[f][e] = true;
                    }
                }
            }
            thresholds = jmle.f;
            return true;
        }

        /**
         * Measures extreme elements (score moved inwards by the adjustment) and elements linked only through them,
         * one at a time against everything else, in rounds until no measure moves.
         */
        private void measureSetAside() {
            List<int[]> pending = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                for (int e = 0; e < status[f].length; e++) {
                    Status st = status[f][e];
                    if (st == Status.EXTREME_MINIMUM || st == Status.EXTREME_MAXIMUM
                            || st == Status.LINKED_THROUGH_EXTREMES) {
                        pending.add(new int[] {f, e});
                        measure[f][e] = 0;
                        hasMeasure[f][e] = true;
                    }
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            // An element linked only through extreme elements may have an extreme score itself once its ratings are
            // counted in the categories of the fitted scale.
            for (int[] fe : pending) {
                Status extreme = extremeStatus(fe[0], fe[1], fitted);
                if (extreme != null) {
                    status[fe[0]][fe[1]] = extreme;
                }
            }
            Scale scale = new Scale(thresholds);
            double[] p = new double[top + 1];
            for (int round = 0; round < 500; round++) {
                double change = 0;
                for (int[] fe : pending) {
                    int f = fe[0];
                    int e = fe[1];
                    double updated = solveOne(f, e, target(f, e, fitted), fitted, scale, p, measure[0], measure[1],
                            measure[2]);
                    change = Math.max(change, Math.abs(updated - measure[f][e]));
                    measure[f][e] = updated;
                }
                if (change < 1e-10) {
                    break;
                }
            }
        }

        /**
         * The raw score, in categories, of element e of facet f over the ratings in {@code mask}, moved inwards by
         * the extreme-score adjustment when it is the lowest or highest possible.
         */
        private double target(int f, int e, boolean[] mask) {
            long sum = 0;
            int count = 0;
            for (int g = groups[f].start()[e]; g < groups[f].start()[e + 1]; g++) {
                int o = groups[f].order()[g];
                if (mask[o]) {
                    sum += category[o];
                    count++;
                }
            }
            if (sum == 0) {
                return options.extremeAdjustment();
            }
            if (sum == (long) count * top) {
                return sum - options.extremeAdjustment();
            }
            return sum;
        }

        /** Which end an element's ratings in {@code mask} are all at, if they are; else null. */
        private Status extremeStatus(int f, int e, boolean[] mask) {
            boolean allLow = true;
            boolean allHigh = true;
            for (int g = groups[f].start()[e]; g < groups[f].start()[e + 1]; g++) {
                int o = groups[f].order()[g];
                if (mask[o]) {
                    allLow &= category[o] == 0;
                    allHigh &= category[o] == top;
                }
            }
            return allLow ? Status.EXTREME_MINIMUM : allHigh ? Status.EXTREME_MAXIMUM : null;
        }

        /**
         * Solves Σ E(rating) = target for element e of facet f over its ratings in {@code mask}, the other elements
         * held at b, d, c: Newton steps of at most 1 logit, kept inside a bracket that the signs of the residual
         * narrow, bisecting when a step would leave it.
         */
        private double solveOne(int f, int e, double target, boolean[] mask, Scale scale, double[] p, double[] b,
                double[] d, double[] c) {
            double sign = f == 0 ? 1 : -1;
            double theta = f == 0 ? b[e] : f == 1 ? d[e] : c[e];
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            for (int iteration = 0; iteration < 200; iteration++) {
                double expected = 0;
                double information = 0;
                for (int g = groups[f].start()[e]; g < groups[f].start()[e + 1]; g++) {
                    int o = groups[f].order()[g];
                    if (!mask[o]) {
                        continue;
                    }
                    // η with this element's own term replaced by θ.
                    double eta = (f == 0 ? theta : b[index[0][o]]) - (f == 1 ? theta : d[index[1][o]])
                            - (f == 2 ? theta : c[index[2][o]]);
                    scale.fill(eta, p);
                    double mean = 0;
                    double square = 0;
                    for (int k = 1; k <= top; k++) {
                        mean += k * p[k];
                        square += (double) k * k * p[k];
                    }
                    expected += mean;
                    information += square - mean * mean;
                }
                // g(θ) = expected − target rises with θ for candidates and falls for criteria and raters.
                double gap = sign * (expected - target);
                if (gap > 0) {
                    hi = Math.min(hi, theta);
                } else {
                    lo = Math.max(lo, theta);
                }
                double step = information > 0 ? -gap / information : gap > 0 ? -MAX_STEP : MAX_STEP;
                step = Math.max(-MAX_STEP, Math.min(MAX_STEP, step));
                if (Math.abs(step) < 1e-13) {
                    return theta;
                }
                double next = theta + step;
                if (next <= lo || next >= hi) {
                    // Newton left the bracket (both ends are finite then): bisect instead.
                    next = (lo + hi) / 2;
                }
                theta = next;
            }
            return theta;
        }

        // ---- Results ----

        private Fit result(boolean estimated) {
            int[][] count = new int[3][];
            long[][] raw = new long[3][];
            for (int f = 0; f < 3; f++) {
                count[f] = new int[dense[f].size()];
                raw[f] = new long[dense[f].size()];
            }
            for (int o = 0; o < n; o++) {
                for (int f = 0; f < 3; f++) {
                    count[f][index[f][o]]++;
                    raw[f][index[f][o]] += level[o];
                }
            }
            if (!estimated) {
                int[] used = new int[maxLevel - minLevel + 1];
                for (int o = 0; o < n; o++) {
                    used[level[o] - minLevel] += fitted != null && fitted[o] ? 1 : 0;
                }
                List<Category> categories = new ArrayList<>();
                for (int l = minLevel; l <= maxLevel; l++) {
                    categories.add(new Category(l, used[l - minLevel], false, null, null, null));
                }
                Map<Integer, Rater> raters = new LinkedHashMap<>();
                Map<Integer, Element> candidates = unmeasured(0, count, raw);
                Map<Integer, Element> criteria = unmeasured(1, count, raw);
                for (Element e : unmeasured(2, count, raw).values()) {
                    raters.put(e.id(), new Rater(e, "not measured", false, false, null));
                }
                Separation none = new Separation(0, null, null, null, null);
                return new Fit(false, false, 0, null, null, List.copyOf(notes), null,
                        Collections.unmodifiableMap(candidates), Collections.unmodifiableMap(criteria),
                        Collections.unmodifiableMap(raters), List.copyOf(categories), none, none, none);
            }
            Statistics stats = statistics(thresholds, measure);
            double[][] fair = fairAverages();
            Correction correction = options.biasCorrection() ? correct(stats) : null;
            Map<Integer, Element>[] elements = elements(count, raw, stats, fair, correction);
            Map<Integer, Rater> raters = new LinkedHashMap<>();
            for (int r : dense[2].sortedOrder()) {
                raters.put(dense[2].ids()[r], rater(elements[2].get(dense[2].ids()[r]), r, stats));
            }
            List<Category> categories = categories(stats, correction == null ? null : correction.thresholds());
            return new Fit(true, converged, iterations, finite(lastResidual), finite(lastChange), List.copyOf(notes),
                    correction == null ? null : correction.factor(), Collections.unmodifiableMap(elements[0]),
                    Collections.unmodifiableMap(elements[1]),
                    Collections.unmodifiableMap(raters), List.copyOf(categories), separation(0, stats),
                    separation(1, stats), separation(2, stats));
        }

        /**
         * The (L − 1)/L correction, L the estimated ratings per jointly estimated candidate: criteria, raters and
         * thresholds (and their S.E.s) scaled, candidates re-measured against them. Null, with a note, if L < 2.
         */
        private Correction correct(Statistics stats) {
            int candidates = 0;
            int ratings = 0;
            for (int o = 0; o < n; o++) {
                ratings += active[o] ? 1 : 0;
            }
            for (Status st : status[0]) {
                candidates += st == Status.FITTED ? 1 : 0;
            }
            double length = (double) ratings / candidates;
            if (length < 2) {
                notes.add("Bias correction needs at least two ratings per candidate on average: not applied.");
                return null;
            }
            double factor = (length - 1) / length;
            double[][] corrected = new double[3][];
            double[][] se = new double[3][];
            double[] f = new double[thresholds.length];
            for (int k = 1; k <= top; k++) {
                f[k] = factor * thresholds[k];
            }
            for (int facet = 1; facet < 3; facet++) {
                corrected[facet] = new double[measure[facet].length];
                se[facet] = new double[measure[facet].length];
                for (int e = 0; e < measure[facet].length; e++) {
                    corrected[facet][e] = factor * measure[facet][e];
                    se[facet][e] = factor * stats.se[facet][e];
                }
            }
            corrected[0] = measure[0].clone();
            Scale scale = new Scale(f);
            double[] p = new double[top + 1];
            for (int c = 0; c < measure[0].length; c++) {
                if (hasMeasure[0][c]) {
                    // The same ratings and score as the uncorrected measure: the estimated ones if estimated jointly.
                    boolean[] mask = status[0][c] == Status.FITTED ? active : fitted;
                    corrected[0][c] = solveOne(0, c, target(0, c, mask), mask, scale, p, corrected[0], corrected[1],
                            corrected[2]);
                }
            }
            se[0] = statistics(f, corrected).se[0];
            return new Correction(factor, corrected, se, f);
        }

        private Map<Integer, Element> unmeasured(int f, int[][] count, long[][] raw) {
            Map<Integer, Element> out = new LinkedHashMap<>();
            for (int e : dense[f].sortedOrder()) {
                out.put(dense[f].ids()[e], new Element(dense[f].ids()[e], Status.NOT_MEASURED, count[f][e], raw[f][e],
                        (double) raw[f][e] / count[f][e], null, null, null, null, null, null, null, null, null));
            }
            return out;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Map<Integer, Element>[] elements(int[][] count, long[][] raw, Statistics stats, double[][] fair,
                Correction correction) {
            Map<Integer, Element>[] out = new Map[3];
            for (int f = 0; f < 3; f++) {
                out[f] = new LinkedHashMap<>();
                for (int e : dense[f].sortedOrder()) {
                    int id = dense[f].ids()[e];
                    double average = (double) raw[f][e] / count[f][e];
                    if (!hasMeasure[f][e]) {
                        out[f].put(id, new Element(id, Status.NOT_MEASURED, count[f][e], raw[f][e], average, null,
                                null, null, null, null, null, null, null, null));
                        continue;
                    }
                    boolean extreme = status[f][e] == Status.EXTREME_MINIMUM
                            || status[f][e] == Status.EXTREME_MAXIMUM;
                    Double infit = extreme ? null : finite(stats.infit[f][e]);
                    Double outfit = extreme ? null : finite(stats.outfit[f][e]);
                    Double infitZ = extreme || !options.standardizedFit() ? null : finite(stats.infitZ[f][e]);
                    Double outfitZ = extreme || !options.standardizedFit() ? null : finite(stats.outfitZ[f][e]);
                    out[f].put(id, new Element(id, status[f][e], count[f][e], raw[f][e], average, measure[f][e],
                            finite(stats.se[f][e]), fair[f][e], infit, outfit, infitZ, outfitZ,
                            correction == null ? null : correction.measure()[f][e],
                            correction == null ? null : finite(correction.se()[f][e])));
                }
            }
            return out;
        }

        private Rater rater(Element e, int r, Statistics stats) {
            if (!e.measured()) {
                return new Rater(e, "not measured: shares no candidates with the raters compared", false, false,
                        null);
            }
            if (e.extreme()) {
                String where = e.status() == Status.EXTREME_MINIMUM ? "lowest" : "highest";
                return new Rater(e, "every rating at the " + where + " level in use: no fit to read", false, false,
                        null);
            }
            CentralTendency central = null;
            if (top >= 2 && stats.ratings[2][r] > 0) {
                double expected = stats.middleExpected[r];
                double variance = stats.middleVariance[r];
                int observed = stats.middleObserved[r];
                Double z = variance > 0 ? (observed - expected) / Math.sqrt(variance) : null;
                boolean flagged = z != null && z >= CENTRAL_Z
                        && observed - expected >= CENTRAL_EXCESS * stats.ratings[2][r];
                central = new CentralTendency(stats.ratings[2][r], observed, expected, z, flagged);
            }
            boolean erratic = e.infit() != null && (e.infit() > ERRATIC || e.outfit() > ERRATIC);
            boolean predictable = !erratic && e.infit() != null && (e.infit() < PREDICTABLE
                    || e.outfit() < PREDICTABLE);
            String reading = erratic ? "erratic (noisy)"
                    : predictable ? "too predictable: may be halo or central tendency" : "fits";
            if (central != null && central.flagged()) {
                reading += "; uses the middle levels far more than the model expects (central tendency)";
            }
            return new Rater(e, reading, erratic, predictable, central);
        }

        private List<Category> categories(Statistics stats, double[] correctedThresholds) {
            int[] used = new int[maxLevel - minLevel + 1];
            for (int o = 0; o < n; o++) {
                used[level[o] - minLevel] += fitted[o] ? 1 : 0;
            }
            List<Category> out = new ArrayList<>();
            for (int x = 0; x < used.length; x++) {
                int k = rankOf[x];
                boolean step = k >= 1;
                out.add(new Category(x + minLevel, used[x], k >= 0, step ? thresholds[k] : null,
                        step ? finite(1 / Math.sqrt(stats.thresholdInformation[k])) : null,
                        step && correctedThresholds != null ? correctedThresholds[k] : null));
            }
            return out;
        }

        private Separation separation(int f, Statistics stats) {
            int count = 0;
            double sum = 0;
            double squares = 0;
            double errors = 0;
            for (int e = 0; e < measure[f].length; e++) {
                if (hasMeasure[f][e] && status[f][e] != Status.EXTREME_MINIMUM
                        && status[f][e] != Status.EXTREME_MAXIMUM) {
                    count++;
                    sum += measure[f][e];
                    squares += measure[f][e] * measure[f][e];
                    errors += stats.se[f][e] * stats.se[f][e];
                }
            }
            if (count < 2) {
                return new Separation(count, null, null, null, null);
            }
            double mean = sum / count;
            double variance = Math.max(0, squares / count - mean * mean);
            double mse = errors / count;
            double trueVariance = Math.max(0, variance - mse);
            double rmse = Math.sqrt(mse);
            double g = Math.sqrt(trueVariance) / rmse;
            return new Separation(count, rmse, Math.sqrt(trueVariance), g, g * g / (1 + g * g));
        }

        /** Fair-M averages: expected rating on the original levels with the other facets at their mean measure. */
        private double[][] fairAverages() {
            double[] mean = new double[3];
            for (int f = 0; f < 3; f++) {
                int count = 0;
                for (int e = 0; e < measure[f].length; e++) {
                    if (hasMeasure[f][e]) {
                        mean[f] += measure[f][e];
                        count++;
                    }
                }
                mean[f] /= count;
            }
            Scale scale = new Scale(thresholds);
            double[] p = new double[top + 1];
            double[][] fair = new double[3][];
            for (int f = 0; f < 3; f++) {
                fair[f] = new double[measure[f].length];
                for (int e = 0; e < measure[f].length; e++) {
                    if (!hasMeasure[f][e]) {
                        continue;
                    }
                    double eta = (f == 0 ? measure[0][e] : mean[0]) - (f == 1 ? measure[1][e] : mean[1])
                            - (f == 2 ? measure[2][e] : mean[2]);
                    scale.fill(eta, p);
                    double expected = 0;
                    for (int k = 0; k <= top; k++) {
                        expected += p[k] * (modelLevel[k] + minLevel);
                    }
                    fair[f][e] = expected;
                }
            }
            return fair;
        }

        /** Fit, information and category statistics at the given measures, in one pass over the fitted ratings. */
        private Statistics statistics(double[] f, double[][] theta) {
            Statistics s = new Statistics(dense, top);
            Scale scale = new Scale(f);
            double[] p = new double[top + 1];
            boolean[][] setAside = new boolean[3][];
            for (int facet = 0; facet < 3; facet++) {
                setAside[facet] = new boolean[status[facet].length];
                for (int e = 0; e < status[facet].length; e++) {
                    setAside[facet][e] = status[facet][e] != Status.FITTED;
                }
            }
            for (int o = 0; o < n; o++) {
                if (!fitted[o]) {
                    continue;
                }
                int cand = index[0][o];
                int crit = index[1][o];
                int rat = index[2][o];
                double eta = theta[0][cand] - theta[1][crit] - theta[2][rat];
                scale.fill(eta, p);
                double mean = 0;
                for (int k = 1; k <= top; k++) {
                    mean += k * p[k];
                }
                double variance = 0;
                double fourth = 0;
                double middle = 0;
                for (int k = 0; k <= top; k++) {
                    double dev = k - mean;
                    variance += dev * dev * p[k];
                    fourth += dev * dev * dev * dev * p[k];
                    middle += k > 0 && k < top ? p[k] : 0;
                }
                if (active[o]) {
                    double tail = 0;
                    for (int k = top; k >= 1; k--) {
                        tail += p[k];
                        s.thresholdInformation[k] += tail * (1 - tail);
                    }
                }
                double residual = category[o] - mean;
                int[] element = {cand, crit, rat};
                for (int facet = 0; facet < 3; facet++) {
                    int e = element[facet];
                    if (!active[o] && !setAside[facet][e]) {
                        continue;
                    }
                    s.information[facet][e] += variance;
                    s.ratings[facet][e]++;
                    s.squaredResidual[facet][e] += residual * residual;
                    s.squaredZ[facet][e] += residual * residual / variance;
                    s.outfitQ[facet][e] += fourth / (variance * variance);
                    s.infitQ[facet][e] += fourth - variance * variance;
                }
                if (active[o] || setAside[2][rat]) {
                    s.middleObserved[rat] += category[o] > 0 && category[o] < top ? 1 : 0;
                    s.middleExpected[rat] += middle;
                    s.middleVariance[rat] += middle * (1 - middle);
                }
            }
            s.finish();
            return s;
        }
    }

    /** Bias-corrected measures and S.E.s by facet, the factor applied, and the corrected thresholds. */
    private record Correction(double factor, double[][] measure, double[][] se, double[] thresholds) {
    }

    /** Per-element sums of one statistics pass, and the fit statistics made from them. */
    private static final class Statistics {
        final double[][] information = new double[3][];
        final int[][] ratings = new int[3][];
        final double[][] squaredResidual = new double[3][];
        final double[][] squaredZ = new double[3][];
        final double[][] outfitQ = new double[3][];
        final double[][] infitQ = new double[3][];
        final double[][] se = new double[3][];
        final double[][] infit = new double[3][];
        final double[][] outfit = new double[3][];
        final double[][] infitZ = new double[3][];
        final double[][] outfitZ = new double[3][];
        final double[] thresholdInformation;
        final int[] middleObserved;
        final double[] middleExpected;
        final double[] middleVariance;

        Statistics(RaterEffects.Dense[] dense, int top) {
            for (int f = 0; f < 3; f++) {
                int size = dense[f].size();
                information[f] = new double[size];
                ratings[f] = new int[size];
                squaredResidual[f] = new double[size];
                squaredZ[f] = new double[size];
                outfitQ[f] = new double[size];
                infitQ[f] = new double[size];
                se[f] = new double[size];
                infit[f] = new double[size];
                outfit[f] = new double[size];
                infitZ[f] = new double[size];
                outfitZ[f] = new double[size];
            }
            thresholdInformation = new double[top + 1];
            middleObserved = new int[dense[2].size()];
            middleExpected = new double[dense[2].size()];
            middleVariance = new double[dense[2].size()];
        }

        void finish() {
            for (int f = 0; f < 3; f++) {
                for (int e = 0; e < se[f].length; e++) {
                    int count = ratings[f][e];
                    double w = information[f][e];
                    se[f][e] = count == 0 ? Double.NaN : 1 / Math.sqrt(w);
                    outfit[f][e] = count == 0 ? Double.NaN : squaredZ[f][e] / count;
                    infit[f][e] = count == 0 ? Double.NaN : squaredResidual[f][e] / w;
                    double qOut = outfitQ[f][e] / ((double) count * count) - 1.0 / count;
                    double qIn = infitQ[f][e] / (w * w);
                    outfitZ[f][e] = zstd(outfit[f][e], qOut);
                    infitZ[f][e] = zstd(infit[f][e], qIn);
                }
            }
        }

        /** Wilson–Hilferty: t = (MS^⅓ − 1)(3/q) + q/3, q the model SD of the mean-square; NaN if q² ≤ 0. */
        private static double zstd(double meanSquare, double qSquared) {
            if (!(qSquared > 0) || !Double.isFinite(meanSquare)) {
                return Double.NaN;
            }
            double q = Math.sqrt(qSquared);
            return (Math.cbrt(meanSquare) - 1) * (3 / q) + q / 3;
        }
    }

    /** The estimated ratings in candidate order, over estimation indexes. */
    private static final class Sample {
        final int candidates;
        final int criteria;
        final int raters;
        final int top;
        final int[] start;
        final int[] criterion;
        final int[] rater;
        final int[] x;

        Sample(int candidates, int criteria, int raters, int top, int ratings) {
            this.candidates = candidates;
            this.criteria = criteria;
            this.raters = raters;
            this.top = top;
            this.start = new int[candidates + 1];
            this.criterion = new int[ratings];
            this.rater = new int[ratings];
            this.x = new int[ratings];
        }
    }

    /**
     * Newton–Raphson on the joint log-likelihood. Parameters: candidates b, criteria d, raters c, thresholds f[1..m].
     * Per rating with η = b − d − c, model mean E, variance W and G_k = P(x ≥ k): score b: x − E; d, c: −(x − E);
     * f_k: G_k − [x ≥ k]. Information: (η, η) W; (η, f_k) −a_k with a_k = Σ_{j≥k} j P_j − E G_k; (f_j, f_k)
     * G_max(j,k) − G_j G_k; mapped through ∂η/∂(b, d, c) = (1, −1, −1).
     */
    private static final class Jmle {
        final Sample s;
        final double[] b;
        final double[] d;
        final double[] c;
        final double[] f;
        final int p;
        boolean converged;
        int iterations;
        double residual;
        double change = Double.POSITIVE_INFINITY;
        // Per pass.
        private double logLikelihood;
        private final double[] gradB;
        private final double[] infoB;
        private final double[] weight;
        private final double[] crossF;
        private final double[][] schur;
        private final double[] gradS;
        private final double[] reduced;

        Jmle(Sample s) {
            this.s = s;
            this.b = new double[s.candidates];
            this.d = new double[s.criteria];
            this.c = new double[s.raters];
            this.f = new double[s.top + 1];
            this.p = s.criteria + s.raters + s.top;
            this.gradB = new double[s.candidates];
            this.infoB = new double[s.candidates];
            this.weight = new double[s.x.length];
            this.crossF = new double[s.candidates * s.top];
            this.schur = new double[p][p];
            this.gradS = new double[p];
            this.reduced = new double[p];
        }

        boolean solve(Options options) {
            start();
            pass();
            for (iterations = 0; iterations < options.maxIterations(); iterations++) {
                if (residual < options.maxScoreResidual() && change < options.maxChange()) {
                    converged = true;
                    return true;
                }
                double[] stepS = newtonStructural();
                if (stepS == null) {
                    return false;
                }
                double[] stepB = newtonCandidates(stepS);
                double largest = 0;
                for (double v : stepS) {
                    largest = Math.max(largest, Math.abs(v));
                }
                for (double v : stepB) {
                    largest = Math.max(largest, Math.abs(v));
                }
                double scale = largest > MAX_STEP ? MAX_STEP / largest : 1;
                double before = logLikelihood;
                double[] b0 = b.clone();
                double[] d0 = d.clone();
                double[] c0 = c.clone();
                double[] f0 = f.clone();
                for (int halving = 0; ; halving++) {
                    apply(b0, d0, c0, f0, stepB, stepS, scale);
                    pass();
                    if (logLikelihood >= before - 1e-10 * Math.abs(before) || halving == 40) {
                        break;
                    }
                    scale /= 2;
                }
                change = largest * scale;
            }
            converged = residual < options.maxScoreResidual() && change < options.maxChange();
            return true;
        }

        private void start() {
            long[] counts = new long[s.top + 1];
            for (int x : s.x) {
                counts[x]++;
            }
            double mean = 0;
            for (int k = 1; k <= s.top; k++) {
                f[k] = Math.log((double) counts[k - 1] / counts[k]);
                mean += f[k] / s.top;
            }
            for (int k = 1; k <= s.top; k++) {
                f[k] -= mean;
            }
            for (int n = 0; n < s.candidates; n++) {
                double score = 0;
                int count = s.start[n + 1] - s.start[n];
                for (int o = s.start[n]; o < s.start[n + 1]; o++) {
                    score += s.x[o];
                }
                b[n] = Math.log((score + 0.5) / ((double) count * s.top - score + 0.5));
            }
        }

        private void apply(double[] b0, double[] d0, double[] c0, double[] f0, double[] stepB, double[] stepS,
                double scale) {
            for (int n = 0; n < b.length; n++) {
                b[n] = b0[n] + scale * stepB[n];
            }
            for (int i = 0; i < d.length; i++) {
                d[i] = d0[i] + scale * stepS[i];
            }
            for (int j = 0; j < c.length; j++) {
                c[j] = c0[j] + scale * stepS[d.length + j];
            }
            for (int k = 1; k < f.length; k++) {
                f[k] = f0[k] + scale * stepS[d.length + c.length + k - 1];
            }
            // Keep the constraints exact against rounding: a shift of d, c or f is a shift of every η, so b absorbs it.
            double shift = mean(d, 0) + mean(c, 0) + mean(f, 1);
            subtractMean(d, 0);
            subtractMean(c, 0);
            subtractMean(f, 1);
            for (int n = 0; n < b.length; n++) {
                b[n] -= shift;
            }
        }

        private static double mean(double[] v, int from) {
            double sum = 0;
            for (int i = from; i < v.length; i++) {
                sum += v[i];
            }
            return v.length > from ? sum / (v.length - from) : 0;
        }

        private static void subtractMean(double[] v, int from) {
            double m = mean(v, from);
            for (int i = from; i < v.length; i++) {
                v[i] -= m;
            }
        }

        /**
         * One pass over the ratings: log-likelihood, scores, the candidates' information and, with the candidates
         * absorbed, the information and score of the criteria, raters and thresholds (Schur complement).
         */
        private void pass() {
            int m = s.top;
            int nd = s.criteria;
            int nr = s.raters;
            int fOffset = s.criteria + s.raters - 1;
            Scale scale = new Scale(f);
            double[] prob = new double[m + 1];
            double[] tail = new double[m + 1];
            double[] a = new double[m + 1];
            double[] r = new double[p];
            int[] touched = new int[p];
            boolean[] isTouched = new boolean[p];
            double[] rawS = new double[p];
            // Information of the criteria, raters and thresholds, gathered in compact arrays and added to the Schur
            // complement at the end: diagonal of criteria and raters, criterion × rater, (criterion or rater) ×
            // threshold and threshold × threshold (upper triangle).
            double[] diagonal = new double[nd + nr];
            double[] crossed = new double[nd * nr];
            double[] withF = new double[(nd + nr) * m];
            double[] ff = new double[m * m];
            for (double[] row : schur) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(reduced, 0);
            logLikelihood = 0;
            double worst = 0;
            for (int n = 0; n < s.candidates; n++) {
                int used = 0;
                double grad = 0;
                double info = 0;
                for (int k = 1; k <= m; k++) {
                    int idx = fOffset + k;
                    touched[used++] = idx;
                    isTouched[idx] = true;
                }
                for (int o = s.start[n]; o < s.start[n + 1]; o++) {
                    int i = s.criterion[o];
                    int rater = s.rater[o];
                    int j = nd + rater;
                    int x = s.x[o];
                    double eta = b[n] - d[i] - c[rater];
                    double logZ = scale.fillLog(eta, prob);
                    logLikelihood += x * eta - scale.cum[x] - logZ;
                    double mean = 0;
                    double square = 0;
                    for (int k = 1; k <= m; k++) {
                        mean += k * prob[k];
                        square += (double) k * k * prob[k];
                    }
                    double w = square - mean * mean;
                    weight[o] = w;
                    double up = 0;
                    double upScore = 0;
                    for (int k = m; k >= 1; k--) {
                        up += prob[k];
                        upScore += k * prob[k];
                        tail[k] = up;
                        a[k] = upScore - mean * up;
                    }
                    double res = x - mean;
                    grad += res;
                    info += w;
                    rawS[i] -= res;
                    rawS[j] -= res;
                    if (!isTouched[i]) {
                        isTouched[i] = true;
                        touched[used++] = i;
                    }
                    if (!isTouched[j]) {
                        isTouched[j] = true;
                        touched[used++] = j;
                    }
                    r[i] -= w;
                    r[j] -= w;
                    diagonal[i] += w;
                    diagonal[j] += w;
                    crossed[i * nr + rater] += w;
                    int rowI = i * m - 1;
                    int rowJ = j * m - 1;
                    for (int k = 1; k <= m; k++) {
                        rawS[fOffset + k] += tail[k] - (x >= k ? 1 : 0);
                        r[fOffset + k] -= a[k];
                        withF[rowI + k] += a[k];
                        withF[rowJ + k] += a[k];
                        int rowK = (k - 1) * m - 1;
                        double tk = tail[k];
                        for (int h = k; h <= m; h++) {
                            ff[rowK + h] += tail[h] - tk * tail[h];
                        }
                    }
                }
                gradB[n] = grad;
                infoB[n] = info;
                worst = Math.max(worst, Math.abs(grad));
                for (int k = 1; k <= m; k++) {
                    crossF[n * m + k - 1] = -r[fOffset + k];
                }
                // Absorb the candidate: S −= r r' / info, g' −= r grad / info.
                for (int x = 0; x < used; x++) {
                    int u = touched[x];
                    double ru = r[u] / info;
                    reduced[u] -= ru * grad;
                    double[] row = schur[u];
                    for (int y = 0; y < used; y++) {
                        int v = touched[y];
                        row[v] -= ru * r[v];
                    }
                }
                for (int x = 0; x < used; x++) {
                    r[touched[x]] = 0;
                    isTouched[touched[x]] = false;
                }
            }
            for (int u = 0; u < nd + nr; u++) {
                schur[u][u] += diagonal[u];
                for (int k = 1; k <= m; k++) {
                    schur[u][fOffset + k] += withF[u * m + k - 1];
                    schur[fOffset + k][u] += withF[u * m + k - 1];
                }
            }
            for (int i = 0; i < nd; i++) {
                for (int j = 0; j < nr; j++) {
                    schur[i][nd + j] += crossed[i * nr + j];
                    schur[nd + j][i] += crossed[i * nr + j];
                }
            }
            for (int k = 1; k <= m; k++) {
                for (int h = k; h <= m; h++) {
                    schur[fOffset + k][fOffset + h] += ff[(k - 1) * m + h - 1];
                    if (h != k) {
                        schur[fOffset + h][fOffset + k] += ff[(k - 1) * m + h - 1];
                    }
                }
            }
            for (int u = 0; u < p; u++) {
                reduced[u] += rawS[u];
                worst = Math.max(worst, Math.abs(rawS[u]));
            }
            residual = worst;
        }

        /** Solves (S + HH') Δ = g' for the criteria, raters and thresholds; null if S is not positive definite. */
        private double[] newtonStructural() {
            double[][] a = new double[p][p];
            int[] block = new int[p];
            for (int u = 0; u < p; u++) {
                block[u] = u < s.criteria ? 0 : u < s.criteria + s.raters ? 1 : 2;
            }
            for (int u = 0; u < p; u++) {
                for (int v = 0; v < p; v++) {
                    a[u][v] = schur[u][v] + (block[u] == block[v] ? 1 : 0);
                }
            }
            double[][] l = Cholesky.factor(a);
            return l == null ? null : Cholesky.solve(l, reduced);
        }

        /** Each candidate's step given the structural step: Δb = (grad − r·Δs) / info. */
        private double[] newtonCandidates(double[] stepS) {
            int m = s.top;
            int fOffset = s.criteria + s.raters - 1;
            double[] step = new double[s.candidates];
            for (int n = 0; n < s.candidates; n++) {
                double cross = 0;
                for (int o = s.start[n]; o < s.start[n + 1]; o++) {
                    cross -= weight[o] * (stepS[s.criterion[o]] + stepS[s.criteria + s.rater[o]]);
                }
                for (int k = 1; k <= m; k++) {
                    cross -= crossF[n * m + k - 1] * stepS[fOffset + k];
                }
                step[n] = (gradB[n] - cross) / infoB[n];
            }
            return step;
        }
    }

    /**
     * The rating scale at given thresholds, for category probabilities P_k ∝ exp(kη − Φ_k), Φ_k = F_1 + … + F_k
     * (Φ_0 = 0). With y = e^η they are (e^−Φ_k) y^k / Σ: one exponential per rating; far from the thresholds, where
     * powers of y could overflow, the log-sum-exp form is used instead.
     */
    private static final class Scale {
        final int top;
        final double[] cum;
        final double[] weight;
        final boolean fast;

        Scale(double[] f) {
            top = f.length - 1;
            cum = new double[f.length];
            weight = new double[f.length];
            boolean small = true;
            for (int k = 1; k < f.length; k++) {
                cum[k] = cum[k - 1] + f[k];
                small &= Math.abs(cum[k]) < 300;
            }
            for (int k = 0; k < f.length; k++) {
                weight[k] = Math.exp(-cum[k]);
            }
            fast = small;
        }

        void fill(double eta, double[] p) {
            if (fast && Math.abs(eta) * top < 300) {
                normalise(p, powers(eta, p));
            } else {
                slow(eta, p);
            }
        }

        /** As {@link #fill}, returning the log of the normaliser Σ exp(kη − Φ_k). */
        double fillLog(double eta, double[] p) {
            if (fast && Math.abs(eta) * top < 300) {
                double sum = powers(eta, p);
                normalise(p, sum);
                return Math.log(sum);
            }
            return slow(eta, p);
        }

        private double powers(double eta, double[] p) {
            double y = Math.exp(eta);
            double power = 1;
            double sum = 0;
            for (int k = 0; k <= top; k++) {
                p[k] = weight[k] * power;
                sum += p[k];
                power *= y;
            }
            return sum;
        }

        private void normalise(double[] p, double sum) {
            double inverse = 1 / sum;
            for (int k = 0; k <= top; k++) {
                p[k] *= inverse;
            }
        }

        private double slow(double eta, double[] p) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k <= top; k++) {
                p[k] = k * eta - cum[k];
                max = Math.max(max, p[k]);
            }
            double sum = 0;
            for (int k = 0; k <= top; k++) {
                p[k] = Math.exp(p[k] - max);
                sum += p[k];
            }
            normalise(p, sum);
            return max + Math.log(sum);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

}
