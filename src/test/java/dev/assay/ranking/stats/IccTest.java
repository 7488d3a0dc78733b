package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Shrout &amp; Fleiss (1979), Table 2: six targets rated by four judges. Published coefficients (their
 * Table 4): ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91. The
 * interval bounds are also those printed by R's {@code psych::ICC} for this data, and were recomputed
 * independently with SciPy ({@code docs/validation/independent.py}).
 */
class IccTest {

    static final double[][] SHROUT_FLEISS = {
            {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};

    private static void check(Interval actual, double estimate, double lower, double upper) {
        assertThat(actual.estimate()).isCloseTo(estimate, within(1e-6));
        assertThat(actual.lower()).isCloseTo(lower, within(1e-6));
        assertThat(actual.upper()).isCloseTo(upper, within(1e-6));
    }

    @Test
    void reproducesShroutAndFleissTableFourWithIntervals() {
        Icc.Result r = Icc.compute(SHROUT_FLEISS);
        check(r.icc11(), 0.165742, -0.132932, 0.722560);
        check(r.icc21(), 0.289764, 0.018787, 0.761084);
        check(r.icc31(), 0.714841, 0.342465, 0.945858);
        check(r.icc1k(), 0.442797, -0.884442, 0.912415);
        check(r.icc2k(), 0.620051, 0.071137, 0.927232);
        check(r.icc3k(), 0.909316, 0.675675, 0.985892);
        // The published two-decimal values.
        assertThat(r.icc11().estimate()).isCloseTo(0.17, within(0.005));
        assertThat(r.icc21().estimate()).isCloseTo(0.29, within(0.005));
        assertThat(r.icc31().estimate()).isCloseTo(0.71, within(0.005));
        assertThat(r.icc1k().estimate()).isCloseTo(0.44, within(0.005));
        assertThat(r.icc2k().estimate()).isCloseTo(0.62, within(0.005));
        assertThat(r.icc3k().estimate()).isCloseTo(0.91, within(0.005));
    }

    @Test
    void boundsStayFiniteWhenTheSatterthwaiteDegreesOfFreedomFallBelowOne() {
        // Raters who disagree so much that v = 0.124 and the upper 2.5% point of F(4, v) is 5.6e24.
        // Reference values from SciPy (docs/validation/independent.py, "low degrees of freedom").
        Icc.Result r = Icc.compute(new double[][] {{4, 4, 1, 5}, {1, 5, 2, 4}, {4, 5, 3, 2}, {4, 5, 3, 1}, {4, 4, 1, 4}});
        check(r.icc21(), -0.1924528302, -0.2165543792, 0.1018690695);
        check(r.icc2k(), -1.821428571, -2.472527473, 0.3120971417);
        check(r.icc11(), -0.3044375645, -0.3256144107, -0.1187945976);
        check(r.icc3k(), -9.714285714, -43.15580663, -0.2243276356);
    }

    @Test
    void fQuantilesFarInTheTailKeepTheirPrecision() {
        // SciPy: f.ppf(.975, 4, 0.1240201921) = 5.600977174e24. For F(2, 1), P(F > x) = (1 + 2x)^(-1/2),
        // so a tail of 1e-12 lies at x = (1e24 - 1) / 2 ≈ 5e23.
        assertThat(Distributions.fQuantile(0.975, 4, 0.1240201921) / 5.600977174e24).isCloseTo(1, within(1e-6));
        assertThat(Distributions.fQuantile(1 - 1e-12, 2, 1) / 5e23).isCloseTo(1, within(1e-3));
        assertThat(Distributions.fCdf(Distributions.fQuantile(0.975, 3, 20), 3, 20)).isCloseTo(0.975, within(1e-12));
    }

    @Test
    void handComputedTwoByTwo() {
        // Targets (1,2) and (3,4): grand mean 2.5, MSR = 4, MSC = 1, MSE = 0, MSW = 0.5.
        Icc.Result r = Icc.compute(new double[][] {{1, 2}, {3, 4}});
        assertThat(r.msr()).isCloseTo(4, within(1e-12));
        assertThat(r.msc()).isCloseTo(1, within(1e-12));
        assertThat(r.mse()).isCloseTo(0, within(1e-12));
        assertThat(r.msw()).isCloseTo(0.5, within(1e-12));
        assertThat(r.icc11().estimate()).isCloseTo(3.5 / 4.5, within(1e-12));
        assertThat(r.icc31().estimate()).isCloseTo(1, within(1e-12));
        // Absolute agreement is lowered by the constant offset between the raters.
        assertThat(r.icc21().estimate()).isCloseTo(4.0 / (4 + 2 * 1 / 2.0), within(1e-12));
    }

    @Test
    void refusesIncompleteOrTooSmallMatrices() {
        assertThatThrownBy(() -> Icc.compute(new double[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Icc.compute(new double[][] {{1}, {2}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Icc.compute(new double[][] {{1, Double.NaN}, {2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Krippendorff");
    }
}
