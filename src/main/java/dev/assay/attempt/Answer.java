package dev.assay.attempt;

import dev.assay.taskbank.FlawCategory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A candidate's answer to one task. Exactly one of the parts is set, matching the task's kind.
 * Every free-text field holds at most {@link #MAX_TEXT} characters.
 */
public record Answer(Workflow workflow, Automation automation, Critique critique, Collaboration collaboration) {

    /** An answer to a task of one of the first three kinds. */
    public Answer(Workflow workflow, Automation automation, Critique critique) {
        this(workflow, automation, critique, null);
    }

    public static final int MAX_TEXT = 20_000;
    /** Short answers, such as a weekly saving. */
    public static final int MAX_SHORT = 200;
    public static final int MAX_STEPS = 30;
    public static final int MAX_FLAGS = 80;

    /** Workflow design: ordered steps, and a short summary of risks. */
    public record Workflow(List<Step> steps, String risks) {
        public Workflow {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    public enum Actor {
        HUMAN("Human"), AI_ASSISTANT("AI assistant"), AUTOMATION("Automation"), HUMAN_AND_AI("Human + AI");

        private final String label;

        Actor(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Step(String description, Actor actor, String inputs, String outputs, String checkpoint,
            String rationale) {
    }

    /**
     * Automation plan: the work-log activities chosen for automation, most valuable first (as positions in
     * the log, from 0), the candidate's rough weekly time saving for each (keyed by log position, free text
     * such as "45 min"), the specification or prompt for the top one, and how failures, privacy and
     * hand-off are handled.
     */
    public record Automation(List<Integer> ranked, Map<Integer, String> savings, String specification,
            String failureHandling, String privacy, String handoff, String keepManual) {
        public Automation {
            ranked = ranked == null ? List.of() : List.copyOf(ranked);
            savings = savings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(savings));
            keepManual = keepManual == null ? "" : keepManual;
        }

        public Automation(List<Integer> ranked, Map<Integer, String> savings, String specification,
                String failureHandling, String privacy, String handoff) {
            this(ranked, savings, specification, failureHandling, privacy, handoff, "");
        }

        public Automation(List<Integer> ranked, String specification, String failureHandling, String privacy,
                String handoff) {
            this(ranked, Map.of(), specification, failureHandling, privacy, handoff, "");
        }

        /** The saving written for a log entry, or an empty string. */
        public String saving(int entry) {
            return savings.getOrDefault(entry, "");
        }
    }

    public enum Verdict {
        FIT_TO_SEND("Fit to send"), FIT_AFTER_FIXES("Fit after fixes"), NOT_USABLE("Not usable");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A flagged segment (numbered from 1, as shown), with the category and the candidate's explanation. */
    public record Flag(int segment, FlawCategory category, String explanation) {
    }

    /** AI-output critique: flags, a corrected version, and a verdict with its reason. */
    public record Critique(List<Flag> flags, String corrected, Verdict verdict, String verdictReason) {
        public Critique {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /**
     * AI collaboration: the deliverable the candidate hands in, and their note on what they checked and why.
     * The conversation with the assistant is kept apart, turn by turn ({@link AssistantTurn}).
     */
    public record Collaboration(String deliverable, String checks) {
        public Collaboration {
            deliverable = deliverable == null ? "" : deliverable;
            checks = checks == null ? "" : checks;
        }
    }

    public static Answer empty(dev.assay.taskbank.TaskKind kind) {
        return switch (kind) {
            case WORKFLOW_DESIGN -> new Answer(new Workflow(List.of(), ""), null, null);
            case AUTOMATION_PLAN -> new Answer(null, new Automation(List.of(), Map.of(), "", "", "", "", ""), null);
            case AI_OUTPUT_CRITIQUE -> new Answer(null, null, new Critique(List.of(), "", null, ""));
            case AI_COLLABORATION -> new Answer(null, null, null, new Collaboration("", ""));
        };
    }
}
