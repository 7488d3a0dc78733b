package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.17 ({@code scipy.stats.f.ppf} and {@code .cdf}). */
class DistributionsTest {

    @Test
    void fQuantilesMatchScipyIncludingFractionalDegreesOfFreedom() {
        assertThat(Distributions.fQuantile(0.975, 5, 18)).isCloseTo(3.381967805875243, within(1e-9));
        assertThat(Distributions.fQuantile(0.975, 18, 5)).isCloseTo(6.361883204654352, within(1e-9));
        assertThat(Distributions.fQuantile(0.95, 3, 10)).isCloseTo(3.7082648190468435, within(1e-9));
        assertThat(Distributions.fQuantile(0.975, 5, 3.6)).isCloseTo(10.909498025350075, within(1e-7));
    }

    @Test
    void fCdfMatchesScipy() {
        assertThat(Distributions.fCdf(2.5, 4, 7.5)).isCloseTo(0.8689576429979174, within(1e-10));
        assertThat(Distributions.fCdf(0, 4, 7.5)).isZero();
    }
}
