package dev.assay.ranking;

import java.time.Instant;
import java.util.List;

/**
 * What a candidate may be told about how they were assessed (EU AI Act Art. 86, or simply their request): the
 * tasks, the rubric's criteria and weights, their own levels against the panel's range, the severity correction,
 * their band, and the human decision with its stated reason. Nothing about any other candidate but ranges over
 * many, and no reviewer's or recruiter's identity.
 *
 * @param provisional whether reviews are still to come (the figures may change)
 */
public record CandidateExplanation(long submissionId, String assessmentTitle, String candidate, boolean provisional,
        List<Task> tasks, List<Criterion> criteria, int reviews, double raw, double adjusted,
        boolean adjustedBySeverity, int band, long bands, int candidates, double confidence, Decision decision) {

    /** The fewest candidates whose range is shown: fewer would describe individual people. */
    public static final int MIN_RANGE = 5;

    /** A task and its kind. */
    public record Task(String title, String kind) {
    }

    /**
     * A rubric criterion: what it measures, its share of the score, the candidate's mean level, and the middle
     * half of the panel's levels (lower quartile, median, upper quartile), or null with fewer than
     * {@link #MIN_RANGE} candidates scored on it.
     */
    public record Criterion(String name, double weightShare, Double level, Double lowerQuartile, Double median,
            Double upperQuartile) {
    }

    /** The current decision: its outcome, when it was made and the reason a person gave (or null). */
    public record Decision(String outcome, Instant decidedAt, String reason) {
    }
}
