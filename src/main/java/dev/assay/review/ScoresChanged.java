package dev.assay.review;

/**
 * A person changed what an assessment's ranking rests on: a scorecard submitted or revised, a
 * reconciliation, an assignment made or withdrawn, the review closed. Published in the transaction of the
 * change and delivered after it commits (through the event publication registry), so ranking can recompute
 * its snapshot in the background.
 */
public record ScoresChanged(long assessmentId) {
}
