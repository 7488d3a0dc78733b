package dev.assay.taskbank;

/** An assessment is built as a draft, opened for invitations, and closed when hiring for it ends. */
public enum AssessmentStatus {
    DRAFT("Draft"),
    OPEN("Open"),
    CLOSED("Closed");

    private final String label;

    AssessmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
