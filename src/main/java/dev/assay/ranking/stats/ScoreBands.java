package dev.assay.ranking.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Score banding by the standard error of the difference (Cascio, Outtz, Zedeck &amp; Goldstein, "Statistical
 * implications of six methods of test score use in personnel selection", Human Performance 4(4), 1991):
 * candidates are taken from the top; a band holds everyone whose score cannot be told apart from the
 * band's top score at the chosen confidence, |s_top − s_i| ≤ z · √(SE_top² + SE_i²); the first candidate
 * outside starts the next band.
 */
public final class ScoreBands {

    /** A candidate's score and its standard error; {@code id} is the caller's. */
    public record Scored(long id, double score, double standardError) {
    }

    /** The band of every candidate when bands cannot be formed (no score has a standard error). */
    public static final int NO_BAND = 0;

    /** The candidate with its band (1 = top; {@link #NO_BAND} if none) and its strict position (1 = highest). */
    public record Banded(long id, double score, double standardError, int band, int position) {
    }

    private ScoreBands() {
    }

    /** z for a two-sided confidence level, e.g. 1.96 for 0.95 (Acklam's rational approximation). */
    public static double z(double confidence) {
        return normalQuantile(1 - (1 - confidence) / 2);
    }

    /**
     * Bands the scores, best first. A score must be a finite number (a NaN would sort first and swallow every
     * band); a standard error must be a non-negative number, or NaN for "unknown".
     *
     * <p>When no score has a known standard error (no candidate was scored by two reviewers, so nothing says how
     * far apart two scores must be), bands cannot be formed: every candidate gets band {@link #NO_BAND} and only
     * their position. When some errors are known and others not, the unknown ones are refused, since the bands
     * would treat those scores as exact.
     */
    public static List<Banded> assign(List<Scored> scores, double confidence) {
        int known = 0;
        for (Scored s : scores) {
            if (!Double.isFinite(s.score())) {
                throw new IllegalArgumentException("Candidate " + s.id() + " has no numeric score (" + s.score()
                        + "); scores must be finite to be ranked");
            }
            if (s.standardError() < 0 || Double.isInfinite(s.standardError())) {
                throw new IllegalArgumentException("Candidate " + s.id() + " has an invalid standard error ("
                        + s.standardError() + ")");
            }
            known += Double.isNaN(s.standardError()) ? 0 : 1;
        }
        if (known > 0 && known < scores.size()) {
            throw new IllegalArgumentException("Only " + known + " of " + scores.size()
                    + " scores have a standard error; bands need all of them or none");
        }
        boolean formed = known > 0;
        double z = z(confidence);
        List<Scored> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::id));
        List<Banded> out = new ArrayList<>(sorted.size());
        int band = 0;
        Scored top = null;
        for (int i = 0; i < sorted.size(); i++) {
            Scored s = sorted.get(i);
            if (formed && (top == null || top.score() - s.score() > z * Math.sqrt(
                    top.standardError() * top.standardError() + s.standardError() * s.standardError()))) {
                band++;
                top = s;
            }
            out.add(new Banded(s.id(), s.score(), s.standardError(), band, i + 1));
        }
        return out;
    }

    /** The standard normal quantile (P. J. Acklam's algorithm, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
