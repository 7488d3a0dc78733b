package dev.assay.review.internal;

import dev.assay.review.Disagreement;
import dev.assay.review.ScoreCell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the review module words what happened, for the audit log and the flag. */
public final class ReviewWording {

    private ReviewWording() {
    }

    public static String describe(List<Disagreement> found, Function<ScoreCell.Cell, String> names) {
        return found.stream().sorted(Comparator.comparingInt(Disagreement::spread).reversed())
                .map(d -> names.apply(d.cell()) + " (levels "
                        + d.levels().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; ", "Reviews differ by 2 or more levels on ", "."));
    }

    public static String subject(Submission s) {
        return "submission " + s.getCandidateCode();
    }

    public static String levels(List<ScoreCell> cells, Function<ScoreCell.Cell, String> names) {
        return cells.stream().map(c -> names.apply(c.cell()) + " = " + (c.level() == 0 ? "–" : c.level()))
                .collect(Collectors.joining(", "));
    }

    /** What changed between two scorecards, cell by cell ("Task 1 · Critique of AI output: 2 → 4"). */
    public static String changes(List<ScoreCell> before, List<ScoreCell> after, Function<ScoreCell.Cell, String> names) {
        Map<ScoreCell.Cell, Integer> old = new HashMap<>();
        before.forEach(c -> old.put(c.cell(), c.level()));
        List<String> changed = new ArrayList<>();
        for (ScoreCell c : after) {
            Integer was = old.get(c.cell());
            if (was == null || was != c.level()) {
                changed.add(names.apply(c.cell()) + ": "
                        + (was == null ? "–" : was) + " → " + c.level());
            }
        }
        return changed.isEmpty() ? "No level changed." : String.join(", ", changed) + ".";
    }
}
