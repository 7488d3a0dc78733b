package dev.assay.taskbank;

import java.util.ArrayList;
import java.util.List;

/**
 * One rubric criterion: what it measures, its weight, and a behaviourally anchored description of
 * each level 1–5 ({@code levels.get(0)} is level 1). Levels 2 and 4 may be blank, meaning "between".
 */
public record RubricCriterion(String key, String name, String measures, int weight, List<String> levels) {

    public static final int LEVELS = 5;

    public RubricCriterion {
        List<String> padded = new ArrayList<>(levels == null ? List.of() : levels);
        while (padded.size() < LEVELS) {
            padded.add("");
        }
        levels = List.copyOf(padded.stream().map(l -> l == null ? "" : l).toList());
    }

    /** The anchor text for a level 1–5; for an unwritten even level, a note that it lies between. */
    public String anchor(int level) {
        String text = levels.get(level - 1);
        if (!text.isBlank()) {
            return text;
        }
        return "Between level " + (level - 1) + " and level " + (level + 1) + ".";
    }
}
