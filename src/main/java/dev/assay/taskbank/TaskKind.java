package dev.assay.taskbank;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of work-sample task, each testing one of the skills Assay measures. */
public enum TaskKind {
    WORKFLOW_DESIGN("workflow-design", "Workflow design", "Designs a workflow as ordered steps with actors and checks"),
    AUTOMATION_PLAN("automation-plan", "Automation plan", "Spots repetitive work in a week's log and plans its automation"),
    AI_OUTPUT_CRITIQUE("ai-output-critique", "AI-output critique", "Finds the flaws in an AI-generated artifact and fixes it"),
    AI_COLLABORATION("ai-collaboration", "AI collaboration", "Does real work with an AI assistant and catches its mistakes");

    private final String code;
    private final String label;
    private final String summary;

    TaskKind(String code, String label, String summary) {
        this.code = code;
        this.label = label;
        this.summary = summary;
    }

    /** The name used in task bank files. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String summary() {
        return summary;
    }

    public static Optional<TaskKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
