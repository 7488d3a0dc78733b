package dev.assay.taskbank;

/** What saving a rubric did: edited the current version in place, or created a new one. */
public record RubricSaved(RubricView rubric, boolean newVersion, int previousNumber) {
}
