package dev.assay.review.internal;

import dev.assay.review.Disagreement;
import dev.assay.review.ScoreCell;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds where submitted reviews of one submission disagree: a spread of two or more levels on a cell. */
public final class Disagreements {

    /** Two or more levels apart on any criterion flags the submission. */
    public static final int THRESHOLD = 2;

    private static final Comparator<ScoreCell.Cell> ORDER = Comparator.comparingInt(ScoreCell.Cell::taskPosition)
            .thenComparing(ScoreCell.Cell::criterionKey);

    private Disagreements() {
    }

    /** @param scorecards the cells of each submitted scorecard (one list per reviewer) */
    public static List<Disagreement> of(Collection<List<ScoreCell>> scorecards) {
        Map<ScoreCell.Cell, List<Integer>> levels = new TreeMap<>(ORDER);
        for (List<ScoreCell> card : scorecards) {
            for (ScoreCell score : card) {
                levels.computeIfAbsent(score.cell(), c -> new ArrayList<>()).add(score.level());
            }
        }
        List<Disagreement> found = new ArrayList<>();
        levels.forEach((cell, given) -> {
            if (given.size() > 1 && Collections.max(given) - Collections.min(given) >= THRESHOLD) {
                found.add(new Disagreement(cell, given));
            }
        });
        return found;
    }
}
