package dev.assay.ranking.stats;

import java.util.function.DoublePredicate;

/**
 * The few distribution functions the statistics need: the regularised incomplete beta function (Lentz's
 * continued fraction, as in Press et al., Numerical Recipes, 3rd ed., §6.4) and, from it, the F
 * distribution's CDF, upper tail and quantiles; the regularised incomplete gamma function (series and continued fraction,
 * ibid. §6.2) and, from it, the standard normal's two-sided tail.
 */
public final class Distributions {

    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;

    private Distributions() {
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, n = 9). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** The regularised incomplete beta function I_x(a, b). */
    public static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    /** P(F ≤ f) for an F distribution with the given degrees of freedom (which may be fractional). */
    public static double fCdf(double f, double df1, double df2) {
        if (f <= 0) {
            return 0;
        }
        return regularizedBeta(df1 * f / (df1 * f + df2), df1 / 2, df2 / 2);
    }

    /**
     * P(F &gt; f), computed from the complementary beta, I_{df2 / (df1 f + df2)}(df2 / 2, df1 / 2), so that
     * a small upper tail keeps its relative precision instead of being lost in 1 − (something close to 1).
     */
    public static double fSurvival(double f, double df1, double df2) {
        if (f <= 0) {
            return 1;
        }
        return regularizedBeta(df2 / (df1 * f + df2), df2 / 2, df1 / 2);
    }

    /**
     * The p-quantile of the F distribution, to 1e-12 relative precision. Upper quantiles are solved on the
     * upper tail (see {@link #fSurvival}) and bracketed by doubling up to 1e300, then bisected on a log scale:
     * with fractional degrees of freedom below 1 (as the Satterthwaite approximation gives) the 97.5% point
     * can exceed 1e24.
     */
    public static double fQuantile(double p, double df1, double df2) {
        if (!(p > 0 && p < 1) || !(df1 > 0) || !(df2 > 0)) {
            throw new IllegalArgumentException("p must be in (0, 1) and the degrees of freedom positive");
        }
        boolean upper = p > 0.5;
        double tail = 1 - p;
        // below(x): the quantile lies above x.
        DoublePredicate below = upper
                ? x -> fSurvival(x, df1, df2) > tail
                : x -> fCdf(x, df1, df2) < p;
        double lo = 1;
        double hi = 1;
        while (below.test(hi)) {
            lo = hi;
            hi *= 2;
            if (hi > 1e300) {
                return Double.POSITIVE_INFINITY;
            }
        }
        while (!below.test(lo)) {
            hi = lo;
            lo /= 2;
            if (lo < 1e-300) {
                return 0;
            }
        }
        // Now lo < quantile ≤ hi, both positive: bisect the logarithm.
        for (int i = 0; i < 400 && hi - lo > 1e-13 * hi; i++) {
            double mid = Math.sqrt(lo) * Math.sqrt(hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (below.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo) * Math.sqrt(hi);
    }

    /** The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0 and x ≥ 0. */
    public static double regularizedGammaQ(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("a must be positive and x not negative");
        }
        if (x == 0) {
            return 1;
        }
        double front = Math.exp(-x + a * Math.log(x) - logGamma(a));
        if (x < a + 1) {
            // The series for P(a, x), then Q = 1 − P.
            double ap = a;
            double sum = 1 / a;
            double term = sum;
            for (int n = 0; n < 10_000 && Math.abs(term) >= Math.abs(sum) * EPS; n++) {
                ap += 1;
                term *= x / ap;
                sum += term;
            }
            return Math.max(0, 1 - sum * front);
        }
        // The continued fraction for Q(a, x), by Lentz's method.
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return front * h;
    }

    /** P(|Z| ≥ |z|) for a standard normal Z: the two-sided p-value of a z statistic (Q(½, z²/2)). */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z must be a number");
        }
        return Double.isInfinite(z) ? 0 : regularizedGammaQ(0.5, z * z / 2);
    }
}
