package dev.assay.ranking;

import dev.assay.ranking.stats.ScoreBands;
import java.util.List;
import java.util.Map;

/**
 * An assessment's ranking: candidates best first with raw and severity-adjusted weighted scores, their
 * standard errors and bands, plus what the adjustment rests on.
 *
 * @param identitiesVisible whether the review is closed (names shown); otherwise candidates are codes
 * @param severityNote      why severity could not be (fully) estimated, or null
 */
public record AssessmentRanking(long assessmentId, String assessmentTitle, boolean identitiesVisible,
        double confidence, List<Criterion> criteria, List<Candidate> candidates, List<Reviewer> reviewers,
        boolean severityEstimated, String severityNote, int unscored) {

    /** A rubric criterion with its share of the weight. */
    public record Criterion(String key, String name, double weightShare) {
    }

    /**
     * One ranked candidate. {@code pendingReviews} are assigned reviews not yet submitted: while there are any,
     * the scores and band are provisional.
     */
    public record Candidate(long submissionId, String candidateCode, String name, String email, int band,
            int position, double raw, double rawSe, double adjusted, double adjustedSe, boolean adjustedBySeverity,
            int reviews, int pendingReviews, Map<String, Double> criterionMeans, boolean flagged, String resolution) {

        /** The candidate as the page may show them: the name once revealed, else the code. */
        public String label() {
            return name == null ? candidateCode : name;
        }

        /** Whether every assigned review is in, so the band is final. */
        public boolean complete() {
            return pendingReviews == 0;
        }

        /** The disagreement flag in words: empty, how it was resolved, open, or left open when review closed. */
        public String disagreement(boolean reviewClosed) {
            if (!flagged) {
                return "";
            }
            return resolution != null ? resolution : reviewClosed ? "Unresolved at close" : "Open";
        }
    }

    /** A reviewer's severity (positive = harsher than the panel's average reviewer). */
    public record Reviewer(long reviewerId, String name, int reviews, Double severity, Double severityError) {
    }

    /** How many bands there are (0 when they could not be formed). */
    public long bandCount() {
        return candidates.stream().mapToInt(Candidate::band).filter(b -> b != ScoreBands.NO_BAND).distinct().count();
    }

    /**
     * Whether the candidates could be banded: false when no score has a standard error because no candidate was
     * scored by two reviewers (every band is then {@link ScoreBands#NO_BAND}).
     */
    public boolean bandsFormed() {
        return candidates.isEmpty() || candidates.getFirst().band() != ScoreBands.NO_BAND;
    }

    /** What the page says when bands could not be formed. */
    public static final String NO_BANDS = "Bands cannot be formed yet: no candidate has been scored by two reviewers, "
            + "so no score has a known error and nothing says which differences are real. Candidates are listed by "
            + "score only; give some of them a second reviewer to form bands.";
}
