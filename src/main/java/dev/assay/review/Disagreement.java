package dev.assay.review;

import java.util.Collections;
import java.util.List;

/** A task × criterion on which submitted reviews differ by two or more levels; the levels given, in order. */
public record Disagreement(ScoreCell.Cell cell, List<Integer> levels) {

    public Disagreement {
        levels = List.copyOf(levels);
    }

    public int spread() {
        return Collections.max(levels) - Collections.min(levels);
    }
}
