package dev.assay.taskbank.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotMatchingTest {

    @Test
    void overlappingPoolsAreFilledWithDistinctTasksWhenPossible() {
        // Slot 0 is a fixed task 1; slot 1 picks 2 of {1, 2, 3}; slot 2 picks 1 of {2, 3}.
        List<Integer> counts = List.of(1, 2, 1);
        List<List<Long>> pools = List.of(List.of(1L), List.of(1L, 2L, 3L), List.of(2L, 3L));

        assertThat(SlotMatching.assign(counts, pools)).isEmpty();
        assertThat(SlotMatching.maxFilled(counts, pools)).isEqualTo(3);

        List<List<Long>> wider = List.of(List.of(1L), List.of(1L, 2L, 3L, 4L), List.of(2L, 3L));
        List<List<Long>> fill = SlotMatching.assign(counts, wider).orElseThrow();
        assertThat(fill.get(0)).containsExactly(1L);
        assertThat(fill.get(1)).hasSize(2).doesNotContain(1L);
        assertThat(fill.get(2)).hasSize(1);
        assertThat(new HashSet<>(fill.stream().flatMap(List::stream).toList())).hasSize(4);
    }

    @Test
    void aGreedyFirstChoiceIsUndoneWhenALaterSlotNeedsItsTask() {
        // Slot 0 prefers task 1, but slot 1 can only use task 1: matching moves slot 0 to task 2.
        List<List<Long>> pools = List.of(List.of(1L, 2L), List.of(1L));

        assertThat(SlotMatching.assign(List.of(1, 1), pools).orElseThrow())
                .containsExactly(List.of(2L), List.of(1L));
    }

    @Test
    void aPoolSmallerThanItsPickCountCannotBeFilled() {
        assertThat(SlotMatching.assign(List.of(3), List.of(List.of(1L, 2L)))).isEmpty();
        assertThat(SlotMatching.maxFilled(List.of(3), List.of(List.of(1L, 2L)))).isEqualTo(2);
    }
}
