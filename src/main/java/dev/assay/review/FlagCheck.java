package dev.assay.review;

import dev.assay.attempt.Answer;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskVersionView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The automatic check of a critique answer against the flaws its author planted: which flaws the
 * candidate found (a flag on any of the flaw's segments), whether they also named the right category,
 * which they missed, and which flags point at no planted flaw. Evidence for the reviewer, who still scores:
 * a "false alarm" may be a real problem the author did not plant.
 * <p>
 * The one place the check is made: the scoring sheet shows it per flaw, and the ranking's rank card reports its
 * figures. A flag counts when its segment is one of a flaw's segments; a flaw is found when at least one flag
 * counts for it.
 * <ul>
 *   <li>precision = flags that hit a planted flaw / all flags (0 when there are no flags);</li>
 *   <li>recall = planted flaws found / planted flaws;</li>
 *   <li>F1 = 2 · precision · recall / (precision + recall) (0 when both are 0);</li>
 *   <li>category recall = flaws found by a flag of the flaw's own category / planted flaws, reported
 *       separately so a right spot with a wrong label is visible.</li>
 * </ul>
 */
public record FlagCheck(List<FlawResult> flaws, List<Answer.Flag> falseAlarms, int flagCount) {

    /** One planted flaw and the candidate's flags on it. */
    public record FlawResult(int number, List<Integer> segments, FlawCategory category, String explanation,
            List<Answer.Flag> flags) {

        public boolean found() {
            return !flags.isEmpty();
        }

        public boolean categoryMatched() {
            return flags.stream().anyMatch(f -> f.category() == category);
        }
    }

    public static FlagCheck of(TaskContent.AiCritique critique, List<Answer.Flag> flags) {
        List<FlawResult> results = new ArrayList<>();
        Set<Integer> planted = new HashSet<>();
        int number = 1;
        for (TaskContent.PlantedFlaw flaw : critique.flaws()) {
            planted.addAll(flaw.segments());
            List<Answer.Flag> on = flags.stream().filter(f -> flaw.segments().contains(f.segment())).toList();
            results.add(new FlawResult(number++, flaw.segments(), flaw.category(), flaw.explanation(), on));
        }
        List<Answer.Flag> falseAlarms = flags.stream().filter(f -> !planted.contains(f.segment())).toList();
        return new FlagCheck(List.copyOf(results), falseAlarms, flags.size());
    }

    /**
     * The check of a candidate's answer to a task version, or null when the task is not an AI-output critique
     * (or has no artifact).
     */
    public static FlagCheck of(TaskVersionView version, Answer answer) {
        if (version.kind() != TaskKind.AI_OUTPUT_CRITIQUE || version.content().critique() == null) {
            return null;
        }
        return of(version.content().critique(), answer == null || answer.critique() == null ? List.of()
                : answer.critique().flags());
    }

    public long found() {
        return flaws.stream().filter(FlawResult::found).count();
    }

    public long missed() {
        return flaws.size() - found();
    }

    public long categoryMatches() {
        return flaws.stream().filter(FlawResult::categoryMatched).count();
    }

    /** Flags on a planted flaw (two flags on one flaw are two hits). */
    public int hits() {
        return flagCount - falseAlarms.size();
    }

    public double precision() {
        return flagCount == 0 ? 0 : (double) hits() / flagCount;
    }

    public double recall() {
        return flaws.isEmpty() ? 0 : (double) found() / flaws.size();
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double categoryRecall() {
        return flaws.isEmpty() ? 0 : (double) categoryMatches() / flaws.size();
    }
}
