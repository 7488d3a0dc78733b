package dev.assay.taskbank;

/** What the task bank grid is filtered by; {@code null} fields do not filter. */
public record TaskFilter(String text, String roleKey, TaskKind kind, TaskStatus status, String tag,
        ExposureFilter exposure) {

    public static TaskFilter none() {
        return new TaskFilter(null, null, null, null, null, null);
    }
}
