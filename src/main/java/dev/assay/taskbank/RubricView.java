package dev.assay.taskbank;

import java.time.Instant;
import java.util.List;

/** One version of a role's rubric. A frozen version is in use by an assessment and never changes. */
public record RubricView(long id, int number, boolean frozen, String contentHash, Instant createdAt,
        List<RubricCriterion> criteria) {

    public RubricCriterion criterion(String key) {
        return criteria.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }
}
