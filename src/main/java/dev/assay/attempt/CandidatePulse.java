package dev.assay.attempt;

/**
 * What a candidate's open page checks every few seconds: whether the attempt is still in progress (started,
 * not submitted, not past its deadline and grace) and which page saves it.
 */
public record CandidatePulse(boolean inProgress, String activePage) {

    static final CandidatePulse CLOSED = new CandidatePulse(false, null);
}
