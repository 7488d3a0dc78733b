package dev.assay.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scorecard still needs before it can be submitted: a level on every criterion of every task, a
 * justification for each 1 and 5, an overall comment, and (for a change to a submitted scorecard) a reason.
 * The service refuses a submission with gaps; the scoring view uses the same gaps to mark each field.
 */
public record ScorecardGaps(List<ScoreCell.Cell> missingLevels, List<ScoreCell.Cell> unjustified,
        boolean commentMissing, boolean reasonMissing) {

    public ScorecardGaps {
        missingLevels = List.copyOf(missingLevels);
        unjustified = List.copyOf(unjustified);
    }

    public static ScorecardGaps of(ScoringSheet sheet, ScorecardInput input, String reason) {
        return of(required(sheet), input.scores(), input.overallComment(), sheet.lastSubmitted() != null, reason);
    }

    /** Every cell a scorecard of this sheet must fill in, in sheet order. */
    public static List<ScoreCell.Cell> required(ScoringSheet sheet) {
        List<ScoreCell.Cell> cells = new ArrayList<>();
        for (ScoringSheet.SheetTask t : sheet.tasks()) {
            for (String key : t.criterionKeys()) {
                cells.add(new ScoreCell.Cell(t.position(), key));
            }
        }
        return cells;
    }

    /**
     * @param required every cell that needs a level
     * @param revising whether this replaces a submitted scorecard (then a reason is needed)
     */
    public static ScorecardGaps of(List<ScoreCell.Cell> required, List<ScoreCell> given, String overallComment,
            boolean revising, String reason) {
        Map<ScoreCell.Cell, ScoreCell> byCell = new HashMap<>();
        given.forEach(c -> byCell.put(c.cell(), c));
        List<ScoreCell.Cell> missing = new ArrayList<>();
        List<ScoreCell.Cell> unjustified = new ArrayList<>();
        for (ScoreCell.Cell cell : required) {
            ScoreCell c = byCell.get(cell);
            if (c == null || c.level() == 0) {
                missing.add(cell);
            } else if (ScorecardRules.needsJustification(c.level()) && c.justification().isBlank()) {
                unjustified.add(cell);
            }
        }
        boolean needsReason = revising && (reason == null || reason.isBlank());
        return new ScorecardGaps(missing, unjustified, overallComment == null || overallComment.isBlank(),
                needsReason);
    }

    public boolean isEmpty() {
        return missingLevels.isEmpty() && unjustified.isEmpty() && !commentMissing && !reasonMissing;
    }

    public int count() {
        return missingLevels.size() + unjustified.size() + (commentMissing ? 1 : 0) + (reasonMissing ? 1 : 0);
    }

    /** The gaps in sentences, naming each task and criterion as the sheet shows them. */
    public List<String> messages(ScoringSheet sheet) {
        return messages(sheet::describe);
    }

    /** The gaps in sentences, naming each task and criterion with {@code names}. */
    public List<String> messages(java.util.function.Function<ScoreCell.Cell, String> names) {
        List<String> problems = new ArrayList<>();
        if (!missingLevels.isEmpty()) {
            problems.add("Choose a level for " + String.join(", ", missingLevels.stream().map(names).toList())
                    + ".");
        }
        if (!unjustified.isEmpty()) {
            problems.add("Levels 1 and 5 need a justification: " + String.join(", ", unjustified.stream()
                    .map(names).toList()) + ".");
        }
        if (commentMissing) {
            problems.add("Write an overall comment.");
        }
        if (reasonMissing) {
            problems.add("Say why you are changing a submitted scorecard; the reason is kept with the revision.");
        }
        return problems;
    }
}
