package dev.assay.ranking.stats;

/**
 * The standardised mean difference between a group and a reference group (Cohen's d with the pooled standard
 * deviation): d = (mean − reference mean) / s_pooled, s_pooled² = ((n₁ − 1)s₁² + (n₂ − 1)s₂²) / (n₁ + n₂ − 2).
 * Negative when the group scores lower. Its approximate 95% interval uses the large-sample standard error
 * √((n₁ + n₂)/(n₁n₂) + d²/(2(n₁ + n₂))) (Hedges &amp; Olkin 1985, eq. 5.14).
 *
 * @param note why d could not be computed, or null
 */
public record StandardisedDifference(int n, double mean, int referenceN, double referenceMean, Double d,
        Double lower, Double upper, String note) {

    /** d for {@code group} against {@code reference}; undefined (with a note) for groups under two or no spread. */
    public static StandardisedDifference of(double[] group, double[] reference) {
        if (group.length == 0 || reference.length == 0) {
            throw new IllegalArgumentException("Both groups need at least one score");
        }
        double m1 = mean(group);
        double m2 = mean(reference);
        int n1 = group.length;
        int n2 = reference.length;
        if (n1 < 2 || n2 < 2) {
            return new StandardisedDifference(n1, m1, n2, m2, null, null, null,
                    "needs at least two scores in each group");
        }
        double pooled = Math.sqrt(((n1 - 1) * variance(group, m1) + (n2 - 1) * variance(reference, m2))
                / (n1 + n2 - 2));
        if (!(pooled > 1e-12)) {
            return new StandardisedDifference(n1, m1, n2, m2, null, null, null,
                    "every score is the same, so there is no spread to compare with");
        }
        double d = (m1 - m2) / pooled;
        double se = Math.sqrt((double) (n1 + n2) / ((double) n1 * n2) + d * d / (2.0 * (n1 + n2)));
        return new StandardisedDifference(n1, m1, n2, m2, d, d - 1.959963984540054 * se, d + 1.959963984540054 * se,
                null);
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }
}
