package dev.assay.taskbank;

import java.util.List;

/** A job role with its current rubric and the history of rubric versions, newest first. */
public record RoleDetail(long id, String key, String name, String description, long version,
        List<RubricView> rubricVersions) {

    public RubricView currentRubric() {
        return rubricVersions.getFirst();
    }
}
