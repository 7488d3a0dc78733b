package dev.assay.review;

/**
 * One score on a scorecard: the level 1–5 a reviewer gave one rubric criterion on one task (tasks by their
 * position in the attempt, from 0), and the reviewer's justification. In a draft, level 0 means "not
 * chosen yet" (the justification may already be written); a submitted scorecard has a level on every cell.
 */
public record ScoreCell(int taskPosition, String criterionKey, int level, String justification) {

    public ScoreCell {
        justification = justification == null ? "" : justification;
    }

    /** The cell's address, to match cells of different scorecards. */
    public Cell cell() {
        return new Cell(taskPosition, criterionKey);
    }

    /** A task × criterion position on the scoring grid. */
    public record Cell(int taskPosition, String criterionKey) {
    }
}
