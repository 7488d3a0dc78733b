package dev.assay.taskbank;

import dev.assay.taskbank.TaskContent.AiCritique;
import dev.assay.taskbank.TaskContent.PlantedFlaw;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merging and splitting segments of a critique task while keeping the planted flaws pointing at the
 * same text: segment numbers after the edit point shift, and a flaw on a split segment covers all parts.
 */
public final class SegmentEdits {

    private SegmentEdits() {
    }

    /** Merges segment {@code number} (from 1) with the one after it. */
    public static AiCritique mergeWithNext(AiCritique critique, int number) {
        List<String> segments = new ArrayList<>(critique.segments());
        if (number < 1 || number >= segments.size()) {
            throw new TaskBankException("Segment " + number + " has no next segment to merge with.");
        }
        String merged = segments.get(number - 1).strip() + " " + segments.get(number).strip();
        segments.set(number - 1, merged);
        segments.remove(number);
        List<PlantedFlaw> flaws = critique.flaws().stream()
                .map(f -> new PlantedFlaw(renumber(f.segments(), s -> s <= number ? List.of(s) : List.of(s - 1)),
                        f.category(), f.explanation()))
                .toList();
        return new AiCritique(critique.scenario(), critique.prompt(), segments, flaws, critique.guidance());
    }

    /** Replaces segment {@code number} (from 1) by the given parts, in order. */
    public static AiCritique split(AiCritique critique, int number, List<String> parts) {
        List<String> segments = new ArrayList<>(critique.segments());
        List<String> clean = parts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (number < 1 || number > segments.size() || clean.isEmpty()) {
            throw new TaskBankException("Segment " + number + " cannot be split that way.");
        }
        int extra = clean.size() - 1;
        segments.remove(number - 1);
        segments.addAll(number - 1, clean);
        List<PlantedFlaw> flaws = critique.flaws().stream()
                .map(f -> new PlantedFlaw(renumber(f.segments(), s -> {
                    if (s < number) {
                        return List.of(s);
                    }
                    if (s > number) {
                        return List.of(s + extra);
                    }
                    List<Integer> all = new ArrayList<>();
                    for (int i = 0; i <= extra; i++) {
                        all.add(number + i);
                    }
                    return all;
                }), f.category(), f.explanation()))
                .toList();
        return new AiCritique(critique.scenario(), critique.prompt(), segments, flaws, critique.guidance());
    }

    private static List<Integer> renumber(List<Integer> segments, java.util.function.IntFunction<List<Integer>> map) {
        Set<Integer> out = new LinkedHashSet<>();
        for (Integer s : segments) {
            out.addAll(map.apply(s));
        }
        return List.copyOf(out);
    }
}
