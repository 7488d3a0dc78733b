package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.KrippendorffAlpha.Level;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers, twelve
 * units, with missing values. Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849. The
 * six-decimal values come from an independent brute-force computation over every pair of values
 * ({@code docs/validation/independent.py}).
 */
class KrippendorffAlphaTest {

    private static final double X = Double.NaN;

    /** One row per unit, one column per observer (A–D). */
    static final double[][] KRIPPENDORFF_2011 = {
            {1, 1, X, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
            {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {X, 5, 5, 5}, {X, X, 1, 1}, {X, 3, X, X}};

    @Test
    void reproducesThePublishedExampleWithMissingRatings() {
        assertThat(KrippendorffAlpha.compute(KRIPPENDORFF_2011, Level.NOMINAL)).isCloseTo(0.743421, within(1e-6));
        assertThat(KrippendorffAlpha.compute(KRIPPENDORFF_2011, Level.ORDINAL)).isCloseTo(0.815388, within(1e-6));
        assertThat(KrippendorffAlpha.compute(KRIPPENDORFF_2011, Level.INTERVAL)).isCloseTo(0.849107, within(1e-6));
    }

    @Test
    void handComputedSmallCases() {
        // Perfect agreement is 1 whatever the level.
        double[][] agree = {{1, 1}, {3, 3}, {5, 5}};
        assertThat(KrippendorffAlpha.compute(agree, Level.INTERVAL)).isCloseTo(1, within(1e-12));
        // Two units {1,2}, {1,2}: n = 4 values; D_o (interval) = (1/4)(2·1 + 2·1) = 1;
        // D_e = Σ n_c n_k δ² / (n(n−1)) = (2·2·1 + 2·2·1) / 12 = 2/3; α = 1 − 1.5 = −0.5.
        assertThat(KrippendorffAlpha.compute(new double[][] {{1, 2}, {1, 2}}, Level.INTERVAL))
                .isCloseTo(-0.5, within(1e-12));
        // A unit with a single rating contributes nothing: adding one changes nothing.
        double[][] withLonely = {{1, 1}, {3, 3}, {5, 5}, {2, X}};
        assertThat(KrippendorffAlpha.compute(withLonely, Level.INTERVAL)).isCloseTo(1, within(1e-12));
        // No variation at all: agreement cannot be told from chance.
        assertThat(KrippendorffAlpha.compute(new double[][] {{3, 3}, {3, 3}}, Level.NOMINAL)).isNaN();
    }

    @Test
    void bootstrapIntervalIsSeededAndBracketsTheEstimate() {
        Interval a = KrippendorffAlpha.withInterval(KRIPPENDORFF_2011, Level.INTERVAL, 2_000, 42);
        Interval b = KrippendorffAlpha.withInterval(KRIPPENDORFF_2011, Level.INTERVAL, 2_000, 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.estimate()).isCloseTo(0.849107, within(1e-6));
        assertThat(a.lower()).isLessThan(a.estimate());
        assertThat(a.upper()).isGreaterThan(a.estimate()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void thePreparedResamplingGivesExactlyWhatComputingTheResampledRowsGives() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        double[][] data = new double[150][4];
        for (double[] unit : data) {
            for (int r = 0; r < unit.length; r++) {
                unit[r] = random.nextInt(4) == 0 ? Double.NaN : 1 + random.nextInt(5);
            }
        }
        for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
            KrippendorffAlpha.Units units = new KrippendorffAlpha.Units(data, level);
            for (int replicate = 0; replicate < 50; replicate++) {
                int[] sample = new int[data.length];
                double[][] rows = new double[data.length][];
                for (int u = 0; u < data.length; u++) {
                    sample[u] = random.nextInt(data.length);
                    rows[u] = data[sample[u]];
                }
                assertThat(units.alpha(sample)).as(level + " replicate " + replicate)
                        .isCloseTo(KrippendorffAlpha.compute(rows, level), org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }
}
