package dev.assay.attempt;

import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Limits every answer must respect, and what a reviewer would find missing from one. */
public final class AnswerRules {

    private AnswerRules() {
    }

    /** Whether the answer is of the task's kind (it holds the part that kind of task asks for). */
    public static boolean fits(TaskKind kind, Answer answer) {
        return switch (kind) {
            case WORKFLOW_DESIGN -> answer.workflow() != null;
            case AUTOMATION_PLAN -> answer.automation() != null;
            case AI_OUTPUT_CRITIQUE -> answer.critique() != null;
            case AI_COLLABORATION -> answer.collaboration() != null;
        };
    }

    /** Why an answer cannot be stored (too long, too many items), or nothing. Nothing is ever cut silently. */
    public static List<String> oversize(TaskKind kind, Answer answer) {
        List<String> problems = new ArrayList<>();
        switch (kind) {
            case WORKFLOW_DESIGN -> {
                Answer.Workflow w = answer.workflow();
                if (w.steps().size() > Answer.MAX_STEPS) {
                    problems.add("A workflow can have at most " + Answer.MAX_STEPS + " steps.");
                }
                for (int i = 0; i < w.steps().size(); i++) {
                    Answer.Step s = w.steps().get(i);
                    check(problems, "Step " + (i + 1), s.description(), s.inputs(), s.outputs(), s.checkpoint(), s.rationale());
                }
                check(problems, "Risks", w.risks());
            }
            case AUTOMATION_PLAN -> {
                Answer.Automation a = answer.automation();
                if (a.savings().values().stream().anyMatch(v -> v != null && v.length() > Answer.MAX_SHORT)) {
                    problems.add("A weekly saving can be at most " + Answer.MAX_SHORT + " characters.");
                }
                check(problems, "Your plan", a.specification(), a.failureHandling(), a.privacy(), a.handoff(),
                        a.keepManual());
            }
            case AI_OUTPUT_CRITIQUE -> {
                Answer.Critique c = answer.critique();
                if (c.flags().size() > Answer.MAX_FLAGS) {
                    problems.add("You can flag at most " + Answer.MAX_FLAGS + " times.");
                }
                for (Answer.Flag f : c.flags()) {
                    check(problems, "Flag on segment " + f.segment(), f.explanation());
                }
                check(problems, "Your review", c.corrected(), c.verdictReason());
            }
            case AI_COLLABORATION -> check(problems, "Your work", answer.collaboration().deliverable(),
                    answer.collaboration().checks());
        }
        return problems;
    }

    /** The parts of an answer still empty, as things for the candidate to do, in words they understand. */
    public static List<String> unanswered(TaskKind kind, Answer answer, TaskContent task) {
        List<String> missing = new ArrayList<>();
        switch (kind) {
            case WORKFLOW_DESIGN -> {
                Answer.Workflow w = answer.workflow();
                if (w.steps().isEmpty()) {
                    missing.add("add workflow steps");
                } else if (w.steps().stream().anyMatch(s -> blank(s.description()) || s.actor() == null)) {
                    missing.add("give every step a description and an actor");
                }
                if (blank(w.risks())) {
                    missing.add("write the summary of risks");
                }
            }
            case AUTOMATION_PLAN -> {
                Answer.Automation a = answer.automation();
                if (a.ranked().isEmpty()) {
                    missing.add("choose the activities to automate");
                } else if (a.ranked().stream().anyMatch(entry -> blank(a.saving(entry)))) {
                    missing.add("estimate the weekly saving for each chosen activity");
                }
                if (blank(a.specification())) {
                    missing.add("write the specification or prompt");
                }
                if (blank(a.failureHandling()) || blank(a.privacy()) || blank(a.handoff())) {
                    missing.add("cover failure handling, privacy and hand-off");
                }
            }
            case AI_OUTPUT_CRITIQUE -> {
                Answer.Critique c = answer.critique();
                if (c.flags().isEmpty()) {
                    missing.add("flag the segments you would change");
                }
                if (blank(c.corrected())) {
                    missing.add("write the corrected version");
                }
                if (c.verdict() == null || blank(c.verdictReason())) {
                    missing.add("give your verdict and its reason");
                }
            }
            case AI_COLLABORATION -> {
                if (blank(answer.collaboration().deliverable())) {
                    missing.add("write your deliverable");
                }
                if (blank(answer.collaboration().checks())) {
                    missing.add("note what you checked and why");
                }
            }
        }
        return missing;
    }

    private static void check(List<String> problems, String where, String... texts) {
        if (Stream.of(texts).anyMatch(t -> t != null && t.length() > Answer.MAX_TEXT)) {
            problems.add(String.format("%s: a field is longer than %,d characters. Shorten it; nothing was cut.",
                    where, Answer.MAX_TEXT));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
