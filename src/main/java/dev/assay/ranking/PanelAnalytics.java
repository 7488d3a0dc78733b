package dev.assay.ranking;

import dev.assay.ranking.stats.Interval;
import java.util.List;

/**
 * How far an assessment's panel can be trusted: reliability per criterion and overall (Krippendorff's
 * alpha, interval level, with bootstrap intervals), ICC on the linking set when there is one, and each
 * reviewer's severity, agreement with the rest of the panel and involvement in flagged disagreements.
 */
public record PanelAnalytics(List<CriterionReliability> criteria, CriterionReliability overall, Linking linking,
        List<ReviewerStats> reviewers, List<Double> adjustedScores, DecisionStudy decisionStudy) {

    /** The reliability a recruiter can expect for other panel sizes. */
    public static final double TARGET_G = 0.80;

    /**
     * "How many reviewers do we need?": the panel's variance components (generalizability theory, reviewers nested in
     * candidates, crossed with tasks) and the expected G and Φ for 1–5 reviewers per submission and 1–N tasks.
     *
     * @param estimated  false when the components could not be estimated ({@code reading} says why, points empty)
     * @param tasks      the number of tasks the submissions have now
     * @param reading    one sentence for the page
     * @param components σ² per source, as Brennan writes them ("p", "t", "pt", "r:p", "rt:p,e"); null if not estimated
     */
    public record DecisionStudy(boolean estimated, int tasks, String reading, List<VarianceComponent> components,
            List<Point> points) {
    }

    /** One variance component. */
    public record VarianceComponent(String source, Double estimate) {
    }

    /** Expected G (relative) and Φ (absolute) for this many reviewers per submission and tasks. */
    public record Point(int reviewers, int tasks, Double g, Double phi) {
    }

    /** Usual reading of alpha (Krippendorff): .800 reliable, .667 the floor for tentative conclusions. */
    public enum Verdict {
        RELIABLE("Reliable"), TENTATIVE("Tentative"), NOT_RELIABLE("Not reliable"), TOO_FEW("Too few ratings");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Verdict of(Interval alpha, int units) {
            if (alpha == null || Double.isNaN(alpha.estimate()) || units < 3) {
                return TOO_FEW;
            }
            return alpha.estimate() >= 0.8 ? RELIABLE : alpha.estimate() >= 0.667 ? TENTATIVE : NOT_RELIABLE;
        }
    }

    /** Alpha for one criterion (or overall), over units each scored by two or more reviewers. */
    public record CriterionReliability(String key, String name, Interval alpha, int units, Verdict verdict) {
    }

    /**
     * ICC over the linking set (submissions every panel member scored), on reviewers' weighted scores; null
     * values with a note when the set is too small.
     */
    public record Linking(int submissions, int reviewers, Interval icc21, Interval icc2k, String note) {
    }

    /** One reviewer: how many reviews, severity, agreement (Pearson r with the other reviewers' mean). */
    public record ReviewerStats(long reviewerId, String name, int reviews, Double severity, Double severityError,
            Double agreement, int flaggedReviews) {
    }
}
