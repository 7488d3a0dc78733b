package dev.assay.ranking;

import java.time.Instant;
import java.util.Map;

/**
 * An assessment's ranking, analytics and rank-card figures as computed from one scores version, stored so
 * that the ranking page and rank cards read instead of recompute. Holds no candidate identity.
 *
 * @param scoresVersion the review's scores version it was computed from (at least)
 * @param computeMillis how long the computation took, for operations
 * @param cards         per ranked submission, what its rank card shows beyond the ranking's row
 */
record RankingSnapshot(long scoresVersion, Instant computedAt, long computeMillis, AssessmentRanking ranking,
        PanelAnalytics analytics, Map<Long, CardFigures> cards) {

    /**
     * @param taskMeans   mean level per task position
     * @param reviewerRaw each reviewer's weighted score of the candidate, by reviewer account id
     */
    record CardFigures(long attemptId, Map<Integer, Double> taskMeans, Map<Long, Double> reviewerRaw) {
    }
}
