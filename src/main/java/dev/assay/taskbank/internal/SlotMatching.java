package dev.assay.taskbank.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills an assessment's slots with distinct tasks. Each slot needs a number of tasks from its own
 * candidate list; pools may overlap and a task may be used only once per candidate. This is bipartite
 * matching (slot places on one side, tasks on the other), solved with augmenting paths, so a fill is
 * found whenever one exists, however the pools overlap. Candidates are tried in the order given, so a
 * shuffled order gives a random fill.
 */
public final class SlotMatching {

    private SlotMatching() {
    }

    /**
     * The tasks for each slot, or empty if the slots cannot all be filled with distinct tasks.
     *
     * @param counts     how many tasks each slot needs
     * @param candidates for each slot, the ids of the tasks it may use, in order of preference
     */
    public static Optional<List<List<Long>>> assign(List<Integer> counts, List<List<Long>> candidates) {
        List<Integer> placeSlot = new ArrayList<>();
        for (int s = 0; s < counts.size(); s++) {
            for (int i = 0; i < counts.get(s); i++) {
                placeSlot.add(s);
            }
        }
        Map<Long, Integer> taskToPlace = new HashMap<>();
        for (int place = 0; place < placeSlot.size(); place++) {
            if (!augment(place, placeSlot, candidates, taskToPlace, new HashMap<>())) {
                return Optional.empty();
            }
        }
        List<List<Long>> result = new ArrayList<>();
        for (int s = 0; s < counts.size(); s++) {
            result.add(new ArrayList<>());
        }
        Long[] placeTask = new Long[placeSlot.size()];
        taskToPlace.forEach((task, place) -> placeTask[place] = task);
        for (int place = 0; place < placeSlot.size(); place++) {
            result.get(placeSlot.get(place)).add(placeTask[place]);
        }
        return Optional.of(result);
    }

    /** The largest number of slot places that can be filled with distinct tasks. */
    public static int maxFilled(List<Integer> counts, List<List<Long>> candidates) {
        List<Integer> placeSlot = new ArrayList<>();
        for (int s = 0; s < counts.size(); s++) {
            for (int i = 0; i < counts.get(s); i++) {
                placeSlot.add(s);
            }
        }
        Map<Long, Integer> taskToPlace = new HashMap<>();
        int filled = 0;
        for (int place = 0; place < placeSlot.size(); place++) {
            if (augment(place, placeSlot, candidates, taskToPlace, new HashMap<>())) {
                filled++;
            }
        }
        return filled;
    }

    private static boolean augment(int place, List<Integer> placeSlot, List<List<Long>> candidates,
            Map<Long, Integer> taskToPlace, Map<Long, Boolean> seen) {
        for (Long task : candidates.get(placeSlot.get(place))) {
            if (seen.putIfAbsent(task, Boolean.TRUE) != null) {
                continue;
            }
            Integer holder = taskToPlace.get(task);
            if (holder == null || augment(holder, placeSlot, candidates, taskToPlace, seen)) {
                taskToPlace.put(task, place);
                return true;
            }
        }
        return false;
    }
}
