package dev.assay.taskbank;

import java.time.Instant;

/** An assessment as the assessments list shows it. */
public record AssessmentSummary(long id, String title, String roleName, AssessmentStatus status, int taskCount,
        int totalMinutes, Instant updatedAt) {
}
