package dev.assay.ranking.stats;

/**
 * Tests of whether two groups' rates differ, for a 2 × 2 table of favourable and unfavourable outcomes:
 * <pre>
 *              favourable   not
 *   group          a         b
 *   reference      c         d
 * </pre>
 * Fisher's exact test holds at any size; the two-proportion z test only where every expected count is at
 * least five (Cochran's rule), and says so by returning null otherwise.
 */
public final class ContingencyTests {

    /** The least expected count in every cell for the z test's normal approximation to hold. */
    public static final double MIN_EXPECTED = 5;

    private ContingencyTests() {
    }

    /**
     * Fisher's exact test, two-sided: the probability, with all margins fixed (hypergeometric), of a table at
     * most as likely as the one observed. Tables within a relative 1e-7 of the observed probability count as
     * equally likely, as R's {@code fisher.test} does, so rounding cannot drop a tied table.
     */
    public static double fisherTwoSided(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("Counts cannot be negative");
        }
        int row1 = a + b;
        int col1 = a + c;
        int n = a + b + c + d;
        int lo = Math.max(0, col1 - (n - row1));
        int hi = Math.min(row1, col1);
        if (lo == hi) {
            return 1;
        }
        double[] logFactorial = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double constant = logFactorial[row1] + logFactorial[n - row1] + logFactorial[col1] + logFactorial[n - col1]
                - logFactorial[n];
        double observed = logHypergeometric(a, row1, col1, n, constant, logFactorial);
        double p = 0;
        double total = 0;
        for (int x = lo; x <= hi; x++) {
            double px = Math.exp(logHypergeometric(x, row1, col1, n, constant, logFactorial) - observed);
            total += px;
            if (px <= 1 + 1e-7) {
                p += px;
            }
        }
        return Math.min(1, p / total);
    }

    private static double logHypergeometric(int x, int row1, int col1, int n, double constant, double[] lf) {
        return constant - lf[x] - lf[row1 - x] - lf[col1 - x] - lf[n - row1 - col1 + x];
    }

    /** The pooled two-proportion z statistic and its two-sided p-value. */
    public record ZTest(double z, double p) {
    }

    /**
     * The two-proportion z test with the pooled proportion, group rate minus reference rate (negative when the
     * group's rate is lower); null when an expected count is under {@link #MIN_EXPECTED} or nobody, or
     * everybody, had the favourable outcome (no variance to test against).
     */
    public static ZTest twoProportionZ(int a, int b, int c, int d) {
        int n1 = a + b;
        int n2 = c + d;
        int n = n1 + n2;
        int favourable = a + c;
        if (n1 == 0 || n2 == 0 || favourable == 0 || favourable == n) {
            return null;
        }
        double minRow = Math.min(n1, n2);
        double minCol = Math.min(favourable, n - favourable);
        if (minRow * minCol / n < MIN_EXPECTED) {
            return null;
        }
        double pooled = (double) favourable / n;
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double z = ((double) a / n1 - (double) c / n2) / se;
        return new ZTest(z, Distributions.normalTwoSided(z));
    }
}
