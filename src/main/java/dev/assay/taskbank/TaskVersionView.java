package dev.assay.taskbank;

/** One exact task version, as an attempt shows it and a reviewer scores it. */
public record TaskVersionView(long versionId, long taskId, String taskKey, int number, TaskKind kind,
        String contentHash, TaskContent content) {
}
