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
    MANUAL("Reassigned"),
    /** Added automatically because the submission's reviews disagreed by two or more levels. */
    ESCALATION("Escalation"),
    /** A calibration item the reviewer scores before live work; never counts toward a candidate. */
    CALIBRATION("Calibration"),
    /**
     * A calibration item slipped into a live queue to check for drift; shown to the reviewer as a panel review
     * and never counted toward a candidate.
     */
    DRIFT("Panel");

    private final String label;

    AssignmentOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
