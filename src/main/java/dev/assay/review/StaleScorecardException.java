package dev.assay.review;

/**
 * The scorecard (or the submission's reconciliation) changed since the person loaded it, in another window
 * or by someone else. Nothing was overwritten; they reload and re-apply their change.
 */
public class StaleScorecardException extends ReviewException {

    public StaleScorecardException(String message) {
        super(message);
    }
}
