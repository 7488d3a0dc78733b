package dev.assay.taskbank;

import java.util.List;

/** A task with the content of its latest version (the open draft, if any) and its version history. */
public record TaskDetail(TaskSummary summary, TaskContent content, long lockVersion, List<TaskVersionInfo> versions) {

    public long id() {
        return summary.id();
    }

    public TaskKind kind() {
        return summary.kind();
    }

    public boolean editingDraft() {
        return summary.status() == TaskStatus.DRAFT || summary.draftChanges();
    }
}
