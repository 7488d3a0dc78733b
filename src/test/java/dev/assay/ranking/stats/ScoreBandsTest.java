package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.ScoreBands.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreBandsTest {

    @Test
    void zMatchesTheNormalTable() {
        assertThat(ScoreBands.z(0.95)).isCloseTo(1.959964, within(1e-6));
        assertThat(ScoreBands.z(0.90)).isCloseTo(1.644854, within(1e-6));
        assertThat(ScoreBands.z(0.99)).isCloseTo(2.575829, within(1e-6));
    }

    @Test
    void candidatesWithinTheErrorOfTheBandsTopShareABand() {
        // SE 0.1 each: the difference's SE is 0.1414, so at 95% scores within 0.277 of the top share its band.
        List<ScoreBands.Banded> bands = ScoreBands.assign(List.of(new Scored(1, 4.0, 0.1), new Scored(2, 3.8, 0.1),
                new Scored(3, 3.7, 0.1), new Scored(4, 3.5, 0.1), new Scored(5, 2.0, 0.1)), 0.95);
        assertThat(bands).extracting(ScoreBands.Banded::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(bands).extracting(ScoreBands.Banded::band).containsExactly(1, 1, 2, 2, 3);
        assertThat(bands).extracting(ScoreBands.Banded::position).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void wideUncertaintyPutsEveryoneInOneBandAndNoneSplitsEveryone() {
        List<Scored> scores = List.of(new Scored(1, 4.0, 1.0), new Scored(2, 3.0, 1.0), new Scored(3, 2.0, 1.0));
        assertThat(ScoreBands.assign(scores, 0.95)).extracting(ScoreBands.Banded::band).containsOnly(1);
        List<Scored> exact = List.of(new Scored(1, 4.0, 0), new Scored(2, 3.0, 0), new Scored(3, 2.0, 0));
        assertThat(ScoreBands.assign(exact, 0.95)).extracting(ScoreBands.Banded::band).containsExactly(1, 2, 3);
    }

    @Test
    void withoutAnyStandardErrorNoBandsAreFormed() {
        // Four candidates, each scored by one reviewer: nothing says how far apart scores must be.
        double nan = Double.NaN;
        List<ScoreBands.Banded> bands = ScoreBands.assign(List.of(new Scored(1, 4.0, nan), new Scored(2, 3.0, nan),
                new Scored(3, 2.5, nan), new Scored(4, 2.0, nan)), 0.95);
        assertThat(bands).extracting(ScoreBands.Banded::band).containsOnly(ScoreBands.NO_BAND);
        assertThat(bands).extracting(ScoreBands.Banded::position).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> ScoreBands.assign(List.of(new Scored(1, 4.0, 0.2), new Scored(2, 3.0, nan)), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only 1 of 2");
    }

    @Test
    void aScoreThatIsNotANumberIsRefusedInsteadOfSortedFirst() {
        assertThatThrownBy(() -> ScoreBands.assign(List.of(new Scored(1, 4.0, 0.1), new Scored(2, Double.NaN, 0.1),
                new Scored(3, 2.0, 0.1)), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Candidate 2 has no numeric score");
        assertThatThrownBy(() -> ScoreBands.assign(List.of(new Scored(1, Double.POSITIVE_INFINITY, 0.1)), 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreBands.assign(List.of(new Scored(1, 3.0, -0.1)), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid standard error");
    }
}
