package dev.assay.review;

/** A submission's place in review, as the review board shows it. */
public enum ReviewState {
    /** Fewer reviewers than the panel requires (no panel yet, or too few eligible reviewers). */
    UNASSIGNED("Unassigned"),
    /** Reviewers assigned; not every review is submitted. */
    IN_PROGRESS("In progress"),
    /** Every review is in and they differ by two or more levels somewhere, with no resolution yet. */
    FLAGGED("Flagged"),
    /** Every review is in, and they agree or their disagreement was resolved. */
    COMPLETE("Complete");

    private final String label;

    ReviewState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
