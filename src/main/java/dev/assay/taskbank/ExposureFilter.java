package dev.assay.taskbank;

/** Filters the task bank by how often tasks have been served to candidates. */
public enum ExposureFilter {
    NEVER_SERVED("Never served"),
    SERVED("Served at least once"),
    LIMITED("Has an exposure limit"),
    AT_LIMIT("Reached its limit");

    private final String label;

    ExposureFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
