package dev.assay.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.attempt.Answer;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.TaskContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagCheckTest {

    private static final TaskContent.AiCritique MEMO = new TaskContent.AiCritique("s", "p",
            List.of("one", "two", "three", "four", "five"),
            List.of(new TaskContent.PlantedFlaw(List.of(1), FlawCategory.WRONG_CALCULATION, "20%, not 25%."),
                    new TaskContent.PlantedFlaw(List.of(3, 4), FlawCategory.LOGICAL_GAP, "Cause not shown."),
                    new TaskContent.PlantedFlaw(List.of(5), FlawCategory.PRIVACY_LEAK, "Names a customer.")),
            "");

    @Test
    void aFlagOnAnySegmentOfAFlawFindsItAndTheCategoryIsJudgedSeparately() {
        FlagCheck check = FlagCheck.of(MEMO, List.of(
                new Answer.Flag(1, FlawCategory.WRONG_CALCULATION, "Wrong percentage."),
                new Answer.Flag(4, FlawCategory.FABRICATED_FACT, "Made up."),
                new Answer.Flag(2, FlawCategory.TONE_UNFIT, "Too casual.")));
        assertThat(check.found()).isEqualTo(2);
        assertThat(check.missed()).isEqualTo(1);
        assertThat(check.categoryMatches()).isEqualTo(1);
        assertThat(check.flaws().get(0).categoryMatched()).isTrue();
        assertThat(check.flaws().get(1).found()).isTrue();
        assertThat(check.flaws().get(1).categoryMatched()).isFalse();
        assertThat(check.flaws().get(2).found()).isFalse();
        assertThat(check.falseAlarms()).extracting(Answer.Flag::segment).containsExactly(2);
    }

    @Test
    void noFlagsMissEverythingAndRaiseNoAlarms() {
        FlagCheck check = FlagCheck.of(MEMO, List.of());
        assertThat(check.found()).isZero();
        assertThat(check.missed()).isEqualTo(3);
        assertThat(check.falseAlarms()).isEmpty();
    }

    @Test
    void hitsPrecisionRecallAndF1CountEveryFlagAndEachFlawOnce() {
        // Hits: segment 1 (right category), segment 4 (wrong category); segment 2 is a false alarm.
        FlagCheck r = FlagCheck.of(MEMO, List.of(new Answer.Flag(1, FlawCategory.WRONG_CALCULATION, ""),
                new Answer.Flag(4, FlawCategory.FABRICATED_FACT, ""), new Answer.Flag(2, FlawCategory.TONE_UNFIT, "")));
        assertThat(r.hits()).isEqualTo(2);
        assertThat(r.found()).isEqualTo(2);
        assertThat(r.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.categoryMatches()).isEqualTo(1);
        assertThat(r.categoryRecall()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void twoFlagsOnOneFlawFindItOnceButBothAreHits() {
        FlagCheck r = FlagCheck.of(MEMO, List.of(new Answer.Flag(3, FlawCategory.LOGICAL_GAP, ""),
                new Answer.Flag(4, FlawCategory.LOGICAL_GAP, "")));
        assertThat(r.found()).isEqualTo(1);
        assertThat(r.hits()).isEqualTo(2);
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.f1()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void noFlagsScoreZeroNotNaN() {
        FlagCheck r = FlagCheck.of(MEMO, List.of());
        assertThat(r.precision()).isZero();
        assertThat(r.recall()).isZero();
        assertThat(r.f1()).isZero();
        assertThat(r.categoryRecall()).isZero();
    }
}
