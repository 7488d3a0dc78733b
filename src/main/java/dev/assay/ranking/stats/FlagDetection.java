package dev.assay.ranking.stats;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How well a candidate's flags match the flaws planted in an AI artifact. A flag counts when its segment
 * is one of a flaw's segments; a flaw is found when at least one flag counts for it.
 * <ul>
 *   <li>precision = flags that hit a planted flaw / all flags (0 when there are no flags);</li>
 *   <li>recall = planted flaws found / planted flaws;</li>
 *   <li>F1 = 2 · precision · recall / (precision + recall) (0 when both are 0);</li>
 *   <li>category recall = flaws found by a flag of the flaw's own category / planted flaws, reported
 *       separately so a right spot with a wrong label is visible.</li>
 * </ul>
 */
public final class FlagDetection {

    /** A candidate's flag: the segment and the category they chose. */
    public record Flag(int segment, String category) {
    }

    /** A planted flaw: its segments and category. */
    public record Flaw(Set<Integer> segments, String category) {
    }

    public record Result(int flags, int hits, int flaws, int found, int foundWithCategory, double precision,
            double recall, double f1, double categoryRecall) {
    }

    private FlagDetection() {
    }

    public static Result score(Collection<Flag> flags, List<Flaw> flaws) {
        int hits = (int) flags.stream().filter(f -> flaws.stream().anyMatch(w -> w.segments().contains(f.segment())))
                .count();
        int found = 0;
        int foundWithCategory = 0;
        for (Flaw w : flaws) {
            List<Flag> on = flags.stream().filter(f -> w.segments().contains(f.segment())).toList();
            if (!on.isEmpty()) {
                found++;
                if (on.stream().anyMatch(f -> f.category() != null && f.category().equals(w.category()))) {
                    foundWithCategory++;
                }
            }
        }
        double precision = flags.isEmpty() ? 0 : (double) hits / flags.size();
        double recall = flaws.isEmpty() ? 0 : (double) found / flaws.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double categoryRecall = flaws.isEmpty() ? 0 : (double) foundWithCategory / flaws.size();
        return new Result(flags.size(), hits, flaws.size(), found, foundWithCategory, precision, recall, f1,
                categoryRecall);
    }
}
