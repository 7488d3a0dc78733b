package dev.assay.ranking.stats;

/**
 * Intraclass correlations for n targets (submissions) each rated by the same k raters, in the forms of
 * Shrout &amp; Fleiss (1979) and McGraw &amp; Wong (1996), with 95% confidence intervals.
 *
 * <p>From the two-way ANOVA of the n × k matrix: MSR (between targets), MSC (between raters), MSE
 * (residual) and MSW (within targets, = (SSC + SSE) / (n(k − 1))).
 * <ul>
 *   <li>ICC(1,1) = (MSR − MSW) / (MSR + (k − 1) MSW); ICC(1,k) = (MSR − MSW) / MSR — one-way random.</li>
 *   <li>ICC(2,1) = (MSR − MSE) / (MSR + (k − 1) MSE + k (MSC − MSE) / n); ICC(2,k) = (MSR − MSE) /
 *       (MSR + (MSC − MSE) / n) — two-way random, absolute agreement.</li>
 *   <li>ICC(3,1) = (MSR − MSE) / (MSR + (k − 1) MSE); ICC(3,k) = (MSR − MSE) / MSR — two-way mixed,
 *       consistency.</li>
 * </ul>
 * Intervals: exact F intervals for ICC(1,·) and ICC(3,·); for ICC(2,·) the Satterthwaite approximation
 * of McGraw &amp; Wong (1996, Table 7), with the average-measure bounds obtained from the single-measure
 * bounds by the Spearman–Brown formula, as R's {@code psych::ICC} does.
 */
public final class Icc {

    /** The six coefficients and the ANOVA they come from. */
    public record Result(int targets, int raters, double msr, double msc, double mse, double msw,
            Interval icc11, Interval icc21, Interval icc31, Interval icc1k, Interval icc2k, Interval icc3k) {
    }

    private Icc() {
    }

    /**
     * @param ratings one row per target, one column per rater; complete (no missing values), at least 2 × 2
     */
    public static Result compute(double[][] ratings) {
        int n = ratings.length;
        if (n < 2) {
            throw new IllegalArgumentException("ICC needs at least two rated targets");
        }
        int k = ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("ICC needs at least two raters");
        }
        double grand = 0;
        double[] rowMeans = new double[n];
        double[] colMeans = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new IllegalArgumentException("Every target needs a rating from every rater");
            }
            for (int j = 0; j < k; j++) {
                double x = ratings[i][j];
                if (Double.isNaN(x)) {
                    throw new IllegalArgumentException("ICC needs a complete matrix; use Krippendorff's alpha for missing ratings");
                }
                grand += x;
                rowMeans[i] += x / k;
                colMeans[j] += x / n;
            }
        }
        grand /= n * k;
        double ssr = 0;
        for (double m : rowMeans) {
            ssr += k * (m - grand) * (m - grand);
        }
        double ssc = 0;
        for (double m : colMeans) {
            ssc += n * (m - grand) * (m - grand);
        }
        double sst = 0;
        for (double[] row : ratings) {
            for (double x : row) {
                sst += (x - grand) * (x - grand);
            }
        }
        double sse = sst - ssr - ssc;
        double msr = ssr / (n - 1);
        double msc = ssc / (k - 1);
        double mse = sse / ((double) (n - 1) * (k - 1));
        double msw = (ssc + sse) / ((double) n * (k - 1));
        double q = 0.975;

        // ICC(1): one-way random.
        double f1 = msr / msw;
        double f1l = f1 / Distributions.fQuantile(q, n - 1, (double) n * (k - 1));
        double f1u = f1 * Distributions.fQuantile(q, (double) n * (k - 1), n - 1);
        Interval icc11 = new Interval((msr - msw) / (msr + (k - 1) * msw), (f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1));
        Interval icc1k = new Interval((msr - msw) / msr, 1 - 1 / f1l, 1 - 1 / f1u);

        // ICC(3): two-way mixed, consistency.
        double f3 = msr / mse;
        double df3 = (double) (n - 1) * (k - 1);
        double f3l = f3 / Distributions.fQuantile(q, n - 1, df3);
        double f3u = f3 * Distributions.fQuantile(q, df3, n - 1);
        Interval icc31 = new Interval((msr - mse) / (msr + (k - 1) * mse), (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1));
        Interval icc3k = new Interval((msr - mse) / msr, 1 - 1 / f3l, 1 - 1 / f3u);

        // ICC(2): two-way random, absolute agreement; Satterthwaite degrees of freedom.
        double rho = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
        double a = k * rho / (n * (1 - rho));
        double b = 1 + k * rho * (n - 1) / (n * (1 - rho));
        double v = Math.pow(a * msc + b * mse, 2)
                / (Math.pow(a * msc, 2) / (k - 1) + Math.pow(b * mse, 2) / df3);
        double fl = Distributions.fQuantile(q, n - 1, v);
        double fu = Distributions.fQuantile(q, v, n - 1);
        double lower = n * (msr - fl * mse) / (fl * (k * msc + (k * n - k - n) * mse) + n * msr);
        double upper = n * (fu * msr - mse) / (k * msc + (k * n - k - n) * mse + n * fu * msr);
        Interval icc21 = new Interval(rho, lower, upper);
        Interval icc2k = new Interval((msr - mse) / (msr + (msc - mse) / n), spearmanBrown(lower, k),
                spearmanBrown(upper, k));
        return new Result(n, k, msr, msc, mse, msw, icc11, icc21, icc31, icc1k, icc2k, icc3k);
    }

    /** The reliability of the mean of k ratings, given the single-rating reliability r. */
    public static double spearmanBrown(double r, int k) {
        return k * r / (1 + (k - 1) * r);
    }
}
