/**
 * A candidate's attempt: the tasks drawn for them, the server-fixed deadline, their answers saved as they
 * type, and submission. Public: {@link dev.assay.attempt.AttemptService} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attempts",
        allowedDependencies = {
                "base", "base :: ui", "taskbank", "taskbank :: port", "taskbank :: brief", "invitation",
                "invitation :: port", "assistant"})
package dev.assay.attempt;
