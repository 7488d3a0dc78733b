package dev.assay.review;

/** Why a review was assigned. */
public enum AssignmentOrigin {
    /** One of the submission's required independent reviews, chosen by load. */
    PANEL("Panel"),
    /** The submission is in the linking set, which every panel member reviews. */
    LINKING("Linking set"),
    /** An extra review a recruiter asked for, usually to settle a disagreement. */
    EXTRA("Extra review"),
    /** A recruiter moved the review to this reviewer by hand. */
    MANUAL("Reassigned");

    private final String label;

    AssignmentOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
