package dev.assay.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationGradeTest {

    private static CalibrationGrade.Key key(int task, String criterion, int level) {
        return new CalibrationGrade.Key(new ScoreCell.Cell(task, criterion), level, "why");
    }

    private static ScoreCell given(int task, String criterion, int level) {
        return new ScoreCell(task, criterion, level, "");
    }

    @Test
    void gradesEachCellAgainstTheKeyAndCountsAnUnscoredCellAsFourLevelsOff() {
        List<CalibrationGrade.Key> key = List.of(key(0, "workflow", 4), key(0, "automation", 2), key(1, "critique", 3),
                key(1, "communication", 5));
        CalibrationGrade g = CalibrationGrade.of(List.of(given(0, "workflow", 4), given(0, "automation", 3),
                given(1, "critique", 1)), key);
        assertThat(g.cells()).extracting(CalibrationGrade.Cell::miss).containsExactly(0, 1, 2, Integer.MAX_VALUE);
        assertThat(g.withinOne()).isEqualTo(0.5);
        assertThat(g.largestMiss()).isEqualTo(4);
        assertThat(g.cells().get(3).level()).isZero();
    }

    @Test
    void aRoundPoolsEveryCellAndPassesAtTheRuleExactly() {
        PanelRules rules = new PanelRules(false, true, 80, 3, 0);
        // Item A: 4 of 5 cells within one level; item B: 4 of 5. Pooled 8 of 10 = 80%: passes, largest miss 2.
        CalibrationGrade a = CalibrationGrade.of(List.of(given(0, "a", 3), given(0, "b", 3), given(0, "c", 3),
                given(0, "d", 3), given(0, "e", 5)), List.of(key(0, "a", 3), key(0, "b", 4), key(0, "c", 2),
                key(0, "d", 3), key(0, "e", 3)));
        CalibrationGrade b = CalibrationGrade.of(List.of(given(0, "a", 1), given(0, "b", 2), given(0, "c", 2),
                given(0, "d", 2), given(0, "e", 2)), List.of(key(0, "a", 3), key(0, "b", 2), key(0, "c", 2),
                key(0, "d", 2), key(0, "e", 2)));
        CalibrationGrade round = CalibrationGrade.pooled(List.of(a, b));
        assertThat(round.cells()).hasSize(10);
        assertThat(round.withinOne()).isEqualTo(0.8);
        assertThat(round.largestMiss()).isEqualTo(2);
        assertThat(round.passes(rules)).isTrue();
        assertThat(round.passes(new PanelRules(false, true, 85, 3, 0))).isFalse();
        assertThat(round.passes(new PanelRules(false, true, 80, 2, 0))).as("a miss of 2 reaches the maximum").isFalse();
        assertThat(CalibrationGrade.pooled(List.of()).passes(rules)).as("nothing scored never passes").isFalse();
    }

    @Test
    void rulesOutOfRangeAreRefusedInWords() {
        assertThat(new PanelRules(false, true, 40, 1, 2).problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("between 50% and 100%"))
                .anySatisfy(p -> assertThat(p).contains("between 2 and 4 levels"))
                .anySatisfy(p -> assertThat(p).contains("every 3 to 100 live reviews"));
        assertThat(PanelRules.DEFAULT.problems()).isEmpty();
        assertThat(PanelRules.DEFAULT.passRule()).isEqualTo("at least 80% of cells within one level of the key and "
                + "none 3 or more levels away");
    }
}
