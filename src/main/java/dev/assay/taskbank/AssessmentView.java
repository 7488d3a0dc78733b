package dev.assay.taskbank;

import java.time.Instant;
import java.util.List;

/** An assessment with its slots, as its editor shows it. */
public record AssessmentView(long id, String title, long roleId, String roleKey, String roleName,
        long rubricVersionId, int rubricVersionNumber, int totalMinutes, String intro,
        boolean accommodationsAllowed, AssessmentStatus status, List<SlotView> slots, Instant updatedAt) {

    public AssessmentSpec spec() {
        return new AssessmentSpec(title, roleId, totalMinutes, intro, accommodationsAllowed,
                slots.stream().map(SlotView::spec).toList());
    }

    public int taskCount() {
        return slots.stream().mapToInt(s -> s.spec().count()).sum();
    }
}
