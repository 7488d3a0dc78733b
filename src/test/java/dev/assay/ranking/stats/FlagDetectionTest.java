package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.FlagDetection.Flag;
import dev.assay.ranking.stats.FlagDetection.Flaw;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagDetectionTest {

    private static final List<Flaw> FLAWS = List.of(new Flaw(Set.of(1), "wrong-calculation"),
            new Flaw(Set.of(3, 4), "logical-gap"), new Flaw(Set.of(6), "privacy-leak"));

    @Test
    void overlapCountsAndCategoryIsReportedSeparately() {
        // Hits: segment 1 (right category), segment 4 (wrong category); segment 2 is a false alarm.
        FlagDetection.Result r = FlagDetection.score(List.of(new Flag(1, "wrong-calculation"),
                new Flag(4, "fabricated-fact"), new Flag(2, "tone-unfit")), FLAWS);
        assertThat(r.hits()).isEqualTo(2);
        assertThat(r.found()).isEqualTo(2);
        assertThat(r.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.foundWithCategory()).isEqualTo(1);
        assertThat(r.categoryRecall()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void twoFlagsOnOneFlawFindItOnceButBothAreHits() {
        FlagDetection.Result r = FlagDetection.score(List.of(new Flag(3, "logical-gap"), new Flag(4, "logical-gap")),
                FLAWS);
        assertThat(r.found()).isEqualTo(1);
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.f1()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void noFlagsScoreZeroNotNaN() {
        FlagDetection.Result r = FlagDetection.score(List.of(), FLAWS);
        assertThat(r.precision()).isZero();
        assertThat(r.recall()).isZero();
        assertThat(r.f1()).isZero();
    }
}
