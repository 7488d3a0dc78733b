package dev.assay.decision;

/** What a recruiter decided about a candidate. */
public enum Outcome {
    ADVANCE("Advance"),
    HOLD("Hold"),
    DECLINE("Decline");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
