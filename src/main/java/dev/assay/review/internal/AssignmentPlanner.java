package dev.assay.review.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chooses reviewers for a submission. The rules: each submission gets the required number of independent
 * reviews, never twice from the same reviewer; reviewers with a declared conflict of interest are left
 * out; work goes to whoever has the fewest reviews so far (ties broken at random, so nobody is always
 * first); and every panel member reviews a submission in the linking set, so their severities can be
 * compared later.
 */
public final class AssignmentPlanner {

    /** The reviewers chosen, and how many reviews are still missing because too few reviewers are eligible. */
    public record Plan(List<Long> reviewers, int shortfall) {
    }

    private final Map<Long, Integer> load = new HashMap<>();
    private final Random random;

    /**
     * @param panel  the panel's reviewers with the number of reviews each already has
     * @param random breaks ties between equally loaded reviewers
     */
    public AssignmentPlanner(Map<Long, Integer> panel, Random random) {
        this.load.putAll(panel);
        this.random = random;
    }

    /**
     * Plans the reviews for one submission and counts them against the chosen reviewers' load.
     *
     * @param required    independent reviews each submission gets
     * @param already     reviewers already assigned to this submission
     * @param conflicted  reviewers excluded from this candidate
     * @param linking     whether the submission is in the linking set (reviewed by everyone on the panel)
     */
    public Plan plan(int required, Collection<Long> already, Collection<Long> conflicted, boolean linking) {
        Set<Long> excluded = new HashSet<>(already);
        excluded.addAll(conflicted);
        List<Long> eligible = new ArrayList<>(load.keySet().stream().filter(r -> !excluded.contains(r)).toList());
        int wanted = linking ? eligible.size() : Math.max(0, required - already.size());
        java.util.Collections.shuffle(eligible, random);
        // Stable sort after the shuffle: fewest reviews first, random among equals.
        eligible.sort(Comparator.comparingInt(load::get));
        List<Long> chosen = new ArrayList<>(eligible.subList(0, Math.min(wanted, eligible.size())));
        chosen.forEach(r -> load.merge(r, 1, Integer::sum));
        int shortfall = linking ? 0 : Math.max(0, required - already.size() - chosen.size());
        return new Plan(List.copyOf(chosen), shortfall);
    }

    public int loadOf(long reviewer) {
        return load.getOrDefault(reviewer, 0);
    }

    /**
     * A reviewer's queue in an order of its own: random with respect to when submissions arrived (against
     * order and fatigue effects) but stable, so the queue does not reshuffle between visits.
     */
    public static List<Long> queueOrder(long reviewer, Collection<Long> assignmentIds) {
        List<Long> ordered = new ArrayList<>(assignmentIds);
        ordered.sort(Comparator.comparingLong(id -> mix(reviewer * 0x9E3779B97F4A7C15L + id)));
        return ordered;
    }

    /** A fixed bit mixer (SplitMix64's finaliser), so the order is the same on every machine and run. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
