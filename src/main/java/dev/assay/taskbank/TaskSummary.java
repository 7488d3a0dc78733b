package dev.assay.taskbank;

import java.time.Instant;
import java.util.Set;

/** A task as the task bank grid shows it, described by its latest version. */
public record TaskSummary(long id, String key, TaskKind kind, String title, Difficulty difficulty,
        int timeLimitMinutes, Set<String> roleKeys, Set<String> tags, TaskStatus status, boolean draftChanges,
        int latestVersion, Integer publishedVersion, Long publishedVersionId, int exposureCount,
        Integer exposureLimit, Instant updatedAt) {

    public boolean atExposureLimit() {
        return exposureLimit != null && exposureCount >= exposureLimit;
    }
}
