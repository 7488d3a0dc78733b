package dev.assay.taskbank;

/** One task given to one candidate: which slot of the assessment it fills and the exact version. */
public record DrawnTask(int slot, long taskId, long taskVersionId) {
}
