package dev.assay.taskbank;

import java.util.List;

/**
 * Everything a task version says: the fields every task has, plus the section for its kind (exactly
 * one of {@code workflow}, {@code automation}, {@code critique} is set). Roles and criteria are
 * referred to by key, so content is portable between installations and its hash is the same everywhere.
 */
public record TaskContent(
        String title,
        List<String> roles,
        List<String> criteria,
        Difficulty difficulty,
        int timeLimitMinutes,
        List<String> tags,
        String instructions,
        WorkflowDesign workflow,
        AutomationPlan automation,
        AiCritique critique) {

    public TaskContent {
        title = text(title);
        instructions = text(instructions);
        roles = roles == null ? List.of() : List.copyOf(roles);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Workflow design: the candidate designs the workflow as ordered steps. */
    public record WorkflowDesign(String scenario, String goal, List<String> constraints, List<String> tools,
            String strongAnswer) {
        public WorkflowDesign {
            scenario = text(scenario);
            goal = text(goal);
            strongAnswer = text(strongAnswer);
            constraints = constraints == null ? List.of() : List.copyOf(constraints);
            tools = tools == null ? List.of() : List.copyOf(tools);
        }
    }

    /** Automation plan: a week's work log with repetitive work hidden in it. */
    public record AutomationPlan(String scenario, List<WorkLogEntry> workLog, String guidance) {
        public AutomationPlan {
            scenario = text(scenario);
            guidance = text(guidance);
            workLog = workLog == null ? List.of() : List.copyOf(workLog);
        }
    }

    /**
     * One activity in a work log. {@code repetitive} marks the hidden repetitive work for reviewers and
     * is never shown to candidates.
     */
    public record WorkLogEntry(String day, String activity, int minutes, boolean repetitive) {
        public WorkLogEntry {
            day = text(day);
            activity = text(activity);
        }

        public static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    }

    /** AI-output critique: an AI artifact in numbered segments, with flaws planted by the author. */
    public record AiCritique(String scenario, String prompt, List<String> segments, List<PlantedFlaw> flaws,
            String guidance) {
        public AiCritique {
            scenario = text(scenario);
            prompt = text(prompt);
            guidance = text(guidance);
            segments = segments == null ? List.of() : List.copyOf(segments);
            flaws = flaws == null ? List.of() : List.copyOf(flaws);
        }
    }

    /** A flaw the author planted: which segments (numbered from 1) hold it, its category, and why. */
    public record PlantedFlaw(List<Integer> segments, FlawCategory category, String explanation) {
        public PlantedFlaw {
            explanation = text(explanation);
            segments = segments == null ? List.of() : List.copyOf(segments);
        }
    }

    /**
     * Missing text is stored as empty text, so the same content always has the same canonical form and
     * hash, whether it came from the editor, from code or from a file.
     */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    public TaskKind kind() {
        if (critique != null) {
            return TaskKind.AI_OUTPUT_CRITIQUE;
        }
        if (automation != null) {
            return TaskKind.AUTOMATION_PLAN;
        }
        return TaskKind.WORKFLOW_DESIGN;
    }

    /** An empty draft of the given kind, as a new task starts. */
    public static TaskContent blank(TaskKind kind) {
        return new TaskContent("", List.of(), List.of(), Difficulty.INTERMEDIATE, 30, List.of(), "",
                kind == TaskKind.WORKFLOW_DESIGN ? new WorkflowDesign("", "", List.of(), List.of(), "") : null,
                kind == TaskKind.AUTOMATION_PLAN ? new AutomationPlan("", List.of(), "") : null,
                kind == TaskKind.AI_OUTPUT_CRITIQUE ? new AiCritique("", "", List.of(), List.of(), "") : null);
    }
}
