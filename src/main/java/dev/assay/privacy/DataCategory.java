package dev.assay.privacy;

/** The kinds of candidate data with a retention period of their own, counted from when the assessment closed. */
public enum DataCategory {
    PERSONAL_DATA("personal-data", "Names and emails, messages, requests and written reasons about the candidate"),
    ANSWERS("answers", "Answers and reviewers' written comments"),
    TRANSCRIPTS("transcripts", "Assistant conversations"),
    SIGNALS("signals", "Time, paste and focus counts"),
    SELF_IDENTIFICATION("self-identification", "Self-identification answers");

    private final String key;
    private final String label;

    DataCategory(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The setting's name under {@code assay.retention.}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
