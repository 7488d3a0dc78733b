package dev.assay.review;

import static org.assertj.core.api.Assertions.assertThat;

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
}
