package dev.assay.taskbank;

/**
 * One slot of an assessment as an author defines it: a fixed task version ({@code taskVersionId}), or
 * {@code count} tasks picked at random from published tasks of {@code roleKey}, optionally narrowed by
 * kind, tag and difficulty.
 */
public record SlotSpec(Long taskVersionId, int count, String roleKey, TaskKind kind, String tag,
        Difficulty difficulty) {

    public static SlotSpec fixed(long taskVersionId) {
        return new SlotSpec(taskVersionId, 1, null, null, null, null);
    }

    public static SlotSpec random(int count, String roleKey, TaskKind kind, String tag, Difficulty difficulty) {
        return new SlotSpec(null, count, roleKey, kind, tag, difficulty);
    }

    public boolean isFixed() {
        return taskVersionId != null;
    }
}
