package dev.assay.review;

import dev.assay.attempt.Answer;
import dev.assay.taskbank.FlawCategory;
import dev.assay.taskbank.TaskContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The automatic check of a critique answer against the flaws its author planted: which flaws the
 * candidate found (a flag on any of the flaw's segments), whether they also named the right category,
 * which they missed, and which flags point at no planted flaw. Evidence for the reviewer, who still scores:
 * a "false alarm" may be a real problem the author did not plant.
 */
public record FlagCheck(List<FlawResult> flaws, List<Answer.Flag> falseAlarms) {

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
        return new FlagCheck(List.copyOf(results), falseAlarms);
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
}
