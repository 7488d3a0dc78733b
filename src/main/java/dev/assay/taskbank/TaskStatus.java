package dev.assay.taskbank;

/** Where a task is in its life: only published, unretired tasks can go into assessments. */
public enum TaskStatus {
    DRAFT("Draft"),
    PUBLISHED("Published"),
    RETIRED("Retired");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
