package dev.assay.review;

import java.util.ArrayList;
import java.util.List;

/**
 * How a panel guards its scores beyond the number of reviews.
 *
 * @param escalate            when a submission's reviews disagree by two or more levels, assign one more reviewer
 *                            (the least-loaded eligible one) at once instead of waiting for a recruiter
 * @param calibrationRequired reviewers see live reviews only after scoring the assessment's calibration set and
 *                            meeting the pass rule
 * @param withinOnePercent    pass rule: at least this share of the set's cells within one level of the key
 * @param maxOff              pass rule: no cell this many levels or more from the key
 * @param driftEvery          about one hidden calibration item per this many live reviews assigned (0: none)
 */
public record PanelRules(boolean escalate, boolean calibrationRequired, int withinOnePercent, int maxOff,
        int driftEvery) {

    public static final PanelRules DEFAULT = new PanelRules(false, false, 80, 3, 0);
    public static final int MIN_WITHIN_ONE = 50;
    public static final int MIN_MAX_OFF = 2;
    public static final int MAX_MAX_OFF = 4;
    public static final int MIN_DRIFT = 3;
    public static final int MAX_DRIFT = 100;

    /** Everything wrong with these rules, in words a recruiter can act on. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (withinOnePercent < MIN_WITHIN_ONE || withinOnePercent > 100) {
            problems.add("The share within one level must be between " + MIN_WITHIN_ONE + "% and 100%.");
        }
        if (maxOff < MIN_MAX_OFF || maxOff > MAX_MAX_OFF) {
            problems.add("The largest allowed miss must be between " + MIN_MAX_OFF + " and " + MAX_MAX_OFF + " levels.");
        }
        if (driftEvery != 0 && (driftEvery < MIN_DRIFT || driftEvery > MAX_DRIFT)) {
            problems.add("Drift checks come every " + MIN_DRIFT + " to " + MAX_DRIFT + " live reviews, or 0 for none.");
        }
        return problems;
    }

    /** The pass rule in words: "at least 80% of cells within one level of the key and none 3 or more away". */
    public String passRule() {
        return "at least " + withinOnePercent + "% of cells within one level of the key and none " + maxOff
                + " or more levels away";
    }
}
