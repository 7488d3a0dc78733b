package dev.assay.taskbank;

/** A job role as the roles list shows it. */
public record RoleSummary(long id, String key, String name, String description, int rubricVersion,
        int criteriaCount, long taskCount) {
}
