package dev.assay.review.internal;

import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardGaps;
import dev.assay.review.ScorecardInput;
import dev.assay.review.ScorecardRules;
import dev.assay.review.ScoringSheet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a scorecard of one submission has to fill in: a level for each criterion of each task (the cells,
 * in sheet order), and how people name each cell. A scorecard is checked against its form.
 */
public record ScorecardForm(List<ScoreCell.Cell> cells, Function<ScoreCell.Cell, String> names) {

    public ScorecardForm {
        cells = List.copyOf(new LinkedHashSet<>(cells));
    }

    public static ScorecardForm of(ScoringSheet sheet) {
        return new ScorecardForm(ScorecardGaps.required(sheet), sheet::describe);
    }

    /**
     * Problems with what was entered at all, for a draft as much as a submission: a cell the form does not
     * have, a level outside 0–5 (0: not chosen yet), a cell scored twice, a text over its limit.
     */
    public List<String> shapeProblems(ScorecardInput input) {
        Set<ScoreCell.Cell> known = new HashSet<>(cells);
        List<String> problems = new ArrayList<>();
        Set<ScoreCell.Cell> seen = new HashSet<>();
        for (ScoreCell c : input.scores()) {
            if (!known.contains(c.cell())) {
                problems.add("This scorecard has no criterion '" + c.criterionKey() + "' on task "
                        + (c.taskPosition() + 1) + ".");
            } else if (c.level() != 0 && !ScorecardRules.isLevel(c.level())) {
                problems.add("Levels run from 1 to 5 (" + names.apply(c.cell()) + ").");
            } else if (!seen.add(c.cell())) {
                problems.add(names.apply(c.cell()) + " is scored twice.");
            }
            if (c.justification().length() > ScorecardRules.MAX_TEXT) {
                problems.add(String.format("The justification for %s is longer than %,d characters.",
                        names.apply(c.cell()), ScorecardRules.MAX_TEXT));
            }
        }
        if (input.overallComment().length() > ScorecardRules.MAX_TEXT) {
            problems.add(String.format("The overall comment is longer than %,d characters.", ScorecardRules.MAX_TEXT));
        }
        return problems;
    }
}
