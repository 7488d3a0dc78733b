package dev.assay.review;

/** Where one reviewer's review of one submission is. */
public enum AssignmentStatus {
    ASSIGNED("Not started"),
    DRAFT("Draft saved"),
    SUBMITTED("Submitted"),
    /** Taken off this reviewer (reassigned, or a conflict of interest); kept for the record. */
    WITHDRAWN("Withdrawn");

    private final String label;

    AssignmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
