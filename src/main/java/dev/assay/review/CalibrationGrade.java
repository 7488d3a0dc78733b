package dev.assay.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewer's calibration scorecard against the key: per task × criterion their level, the key level, and how far
 * apart they are; and, over the cells, the share within one level and the largest miss.
 *
 * @param cells       in the order of the key
 * @param withinOne   share of cells within one level of the key, 0–1 (1 for no cells)
 * @param largestMiss the largest |level − key| over the cells
 */
public record CalibrationGrade(List<Cell> cells, double withinOne, int largestMiss) {

    /** One cell: the reviewer's level (0 if they left it out), the key and its rationale. */
    public record Cell(ScoreCell.Cell cell, int level, int key, String rationale) {

        public int miss() {
            return level == 0 ? Integer.MAX_VALUE : Math.abs(level - key);
        }
    }

    /** A key level and why. */
    public record Key(ScoreCell.Cell cell, int level, String rationale) {
    }

    /** Grades the levels given against the key; cells of the key that were not scored count as misses. */
    public static CalibrationGrade of(List<ScoreCell> given, List<Key> key) {
        Map<ScoreCell.Cell, Integer> levels = new HashMap<>();
        given.forEach(c -> levels.put(c.cell(), c.level()));
        List<Cell> cells = new ArrayList<>();
        int within = 0;
        int largest = 0;
        for (Key k : key) {
            Cell c = new Cell(k.cell(), levels.getOrDefault(k.cell(), 0), k.level(), k.rationale());
            cells.add(c);
            within += c.miss() <= 1 ? 1 : 0;
            largest = Math.max(largest, c.level() == 0 ? 4 : c.miss());
        }
        return new CalibrationGrade(List.copyOf(cells), cells.isEmpty() ? 1 : within / (double) cells.size(), largest);
    }

    /** Several scorecards (a round of the set) pooled: every cell of every item counts once. */
    public static CalibrationGrade pooled(List<CalibrationGrade> grades) {
        List<Cell> cells = new ArrayList<>();
        grades.forEach(g -> cells.addAll(g.cells()));
        int within = (int) cells.stream().filter(c -> c.miss() <= 1).count();
        int largest = cells.stream().mapToInt(c -> c.level() == 0 ? 4 : c.miss()).max().orElse(0);
        return new CalibrationGrade(List.copyOf(cells), cells.isEmpty() ? 1 : within / (double) cells.size(), largest);
    }

    /** Whether this meets the panel's pass rule. */
    public boolean passes(PanelRules rules) {
        return !cells.isEmpty() && withinOne * 100 >= rules.withinOnePercent() - 1e-9 && largestMiss < rules.maxOff();
    }
}
