package dev.assay.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.Disagreement;
import dev.assay.review.ScoreCell;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisagreementsTest {

    private static ScoreCell cell(int task, String key, int level) {
        return new ScoreCell(task, key, level, "");
    }

    @Test
    void twoLevelsApartOnAnyCellIsADisagreementOneLevelIsNot() {
        List<Disagreement> found = Disagreements.of(List.of(
                List.of(cell(0, "a", 2), cell(0, "b", 3), cell(1, "a", 5)),
                List.of(cell(0, "a", 4), cell(0, "b", 4), cell(1, "a", 4))));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.cell()).isEqualTo(new ScoreCell.Cell(0, "a"));
            assertThat(d.levels()).containsExactly(2, 4);
            assertThat(d.spread()).isEqualTo(2);
        });
    }

    @Test
    void spreadIsMeasuredAcrossAllReviewersAndCellsAreOrdered() {
        List<Disagreement> found = Disagreements.of(List.of(
                List.of(cell(2, "z", 3), cell(0, "m", 1)),
                List.of(cell(2, "z", 4), cell(0, "m", 2)),
                List.of(cell(2, "z", 5), cell(0, "m", 5))));
        assertThat(found).extracting(Disagreement::cell)
                .containsExactly(new ScoreCell.Cell(0, "m"), new ScoreCell.Cell(2, "z"));
        assertThat(found.get(0).spread()).isEqualTo(4);
    }

    @Test
    void aSingleScorecardOrACellOnlyOneReviewerScoredCannotDisagree() {
        assertThat(Disagreements.of(List.of(List.of(cell(0, "a", 1))))).isEmpty();
        assertThat(Disagreements.of(List.of(List.of(cell(0, "a", 1)), List.of(cell(0, "b", 5))))).isEmpty();
        assertThat(Disagreements.of(List.of())).isEmpty();
    }
}
