package dev.assay.ranking;

import java.util.List;

/**
 * An assessment's many-facet Rasch analysis for the ranking page: candidates ordered by their measure (logits, with
 * the model standard error and the fair average on the 1–5 scale), reviewers with severity and fit (infit and outfit
 * mean squares, a plain-words reading, the central-tendency check), and each facet's separation and reliability.
 * Candidates appear by code; nothing here names them.
 *
 * @param estimated false when nothing could be measured ({@code notes} say why)
 * @param millis    how long the fit took
 */
public record RaschView(long assessmentId, boolean estimated, boolean converged, int iterations, List<String> notes,
        List<CandidateMeasure> candidates, List<ReviewerFit> reviewers, Facet candidateFacet, Facet criterionFacet,
        Facet reviewerFacet, long millis) {

    /** A candidate's measure; {@code measure} null when not measured; {@code extreme} all lowest or all highest. */
    public record CandidateMeasure(long submissionId, String candidateCode, Double measure, Double standardError,
            Double fairAverage, double observedAverage, int ratings, boolean extreme) {
    }

    /** A reviewer's severity (logits, higher = harsher) and fit. */
    public record ReviewerFit(long reviewerId, String name, int ratings, Double severity, Double standardError,
            Double infit, Double outfit, Double fairAverage, String reading, boolean centralTendency) {
    }

    /** Separation index and reliability of a facet (null with fewer than two measured elements). */
    public record Facet(int elements, Double separation, Double reliability) {
    }
}
