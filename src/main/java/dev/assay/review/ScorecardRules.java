package dev.assay.review;

import dev.assay.taskbank.RubricCriterion;

/**
 * The rules of a scorecard that the scoring view shows and the review's domain objects enforce, in one
 * place: levels run from 1 to {@value RubricCriterion#LEVELS} (0 on a draft means "not chosen yet"), the
 * extreme levels need a justification, and texts have limits.
 */
public final class ScorecardRules {

    /** The longest justification or overall comment. */
    public static final int MAX_TEXT = 20_000;

    /** The longest reason for revising a scorecard or for a reconciled level. */
    public static final int MAX_REASON = 2_000;

    private ScorecardRules() {
    }

    /** A level a scorecard can be submitted with. */
    public static boolean isLevel(int level) {
        return level >= 1 && level <= RubricCriterion.LEVELS;
    }

    /** Levels 1 and 5 say the most about a candidate, so they need a reason the panel can read. */
    public static boolean needsJustification(int level) {
        return level == 1 || level == RubricCriterion.LEVELS;
    }
}
