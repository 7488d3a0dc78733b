package dev.assay.review;

/** How a flagged disagreement was settled. */
public enum Resolution {
    /** The reviewers agreed on a reconciled level for each disputed criterion, with a reason. */
    RECONCILED("Reconciled score"),
    /** An extra reviewer scored the submission. */
    EXTRA_REVIEW("Extra review"),
    /** A reviewer revised their scorecard (with a reason) and the reviews now agree within one level. */
    REVISED("Revised scores");

    private final String label;

    Resolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
