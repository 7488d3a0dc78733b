package dev.assay.taskbank;

import java.util.List;

/** Everything an author sets on an assessment. */
public record AssessmentSpec(String title, Long roleId, int totalMinutes, String intro,
        boolean accommodationsAllowed, List<SlotSpec> slots) {

    public AssessmentSpec {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}
