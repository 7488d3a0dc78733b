package dev.assay.taskbank.internal;

import dev.assay.taskbank.TaskDetail;
import dev.assay.taskbank.TaskSummary;
import dev.assay.taskbank.TaskVersionInfo;

/** Maps tasks to the records views use. */
public final class TaskViews {

    private TaskViews() {
    }

    public static TaskSummary summary(Task t) {
        TaskVersion latest = t.getLatestVersion();
        TaskVersion published = t.getPublishedVersion();
        return new TaskSummary(t.getId(), t.getKey(), t.getKind(), latest.getTitle(), latest.getDifficulty(),
                latest.getTimeLimitMinutes(), latest.getRoleKeys(), latest.getTags(), t.status(), t.hasDraftChanges(),
                latest.getNumber(), published == null ? null : published.getNumber(),
                published == null ? null : published.getId(), t.getExposureCount(), t.getExposureLimit(),
                t.getUpdatedAt());
    }

    public static TaskDetail detail(Task t) {
        return new TaskDetail(summary(t), t.getLatestVersion().content(), t.getVersion(),
                t.getVersions().reversed().stream()
                        .map(v -> new TaskVersionInfo(v.getId(), v.getNumber(), v.isPublished(), v.getContentHash(),
                                v.getCreatedAt(), v.getCreatedBy(), v.getPublishedAt(), v.getPublishedBy()))
                        .toList());
    }
}
