package dev.assay.review;

import java.time.Instant;
import java.util.List;

/**
 * Where a reviewer stands with an assessment's calibration gate.
 *
 * @param required  whether the panel requires calibration before live reviews
 * @param passed    whether a completed round met the pass rule
 * @param round     the current (or last) round, from 1; 0 before any
 * @param open      takes of the current round still to submit
 * @param lastRound the pooled grade of the last completed round, or null
 * @param rules     the panel's pass rule
 */
public record CalibrationStatus(long assessmentId, String assessmentTitle, boolean required, boolean passed,
        int round, int open, int items, CalibrationGrade lastRound, Instant passedAt, PanelRules rules) {

    /** Whether the reviewer may see live reviews of this assessment. */
    public boolean cleared() {
        return !required || passed;
    }

    /** Whether the last round was completed and failed, so a new round can be started. */
    public boolean canRetake() {
        return required && !passed && open == 0 && lastRound != null;
    }

    /** One line for the reviewer. */
    public String summary() {
        if (!required) {
            return "No calibration needed.";
        }
        if (passed) {
            return "Calibrated: you met the panel's rule; live reviews are open to you.";
        }
        if (open > 0) {
            return "Score the " + open + (open == 1 ? " calibration example" : " calibration examples")
                    + " in your queue to unlock live reviews (round " + round + "). The rule: " + rules.passRule() + ".";
        }
        return lastRound == null ? "Calibration is being prepared."
                : String.format(java.util.Locale.ROOT, "Round %d: %.0f%% of cells within one level, largest miss %d "
                        + "(the rule: %s). Read the feedback on each example, then try again.", round,
                        lastRound.withinOne() * 100, lastRound.largestMiss(), rules.passRule());
    }

    /** Recruiter-facing history of a reviewer's calibration and drift checks. */
    public record ReviewerRecord(long reviewerId, String reviewerName, boolean passed, int rounds,
            CalibrationGrade lastRound, List<DriftPoint> drift) {
    }

    /** One hidden drift check: when it was scored and the share of cells within one level of the key. */
    public record DriftPoint(Instant scoredAt, String itemLabel, double withinOne, int largestMiss) {
    }
}
