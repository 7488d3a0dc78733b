package dev.assay.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {

    private static Map<Long, Integer> panel(long... reviewers) {
        Map<Long, Integer> p = new HashMap<>();
        for (long r : reviewers) {
            p.put(r, 0);
        }
        return p;
    }

    @Test
    void reviewsAreSpreadEvenlyAndNoSubmissionGetsTheSameReviewerTwice() {
        AssignmentPlanner planner = new AssignmentPlanner(panel(1, 2, 3, 4), new Random(7));

        for (int submission = 0; submission < 101; submission++) {
            AssignmentPlanner.Plan plan = planner.plan(2, List.of(), List.of(), false);
            assertThat(plan.reviewers()).hasSize(2).doesNotHaveDuplicates();
            assertThat(plan.shortfall()).isZero();
        }

        IntSummaryStatistics loads = LongStream.of(1, 2, 3, 4).mapToInt(planner::loadOf).summaryStatistics();
        assertThat(loads.getSum()).isEqualTo(202);
        assertThat(loads.getMax() - loads.getMin()).isLessThanOrEqualTo(1);
    }

    @Test
    void reviewersAlreadyAssignedOrInConflictAreNeverChosen() {
        AssignmentPlanner planner = new AssignmentPlanner(panel(1, 2, 3), new Random(1));

        AssignmentPlanner.Plan topUp = planner.plan(2, List.of(1L), List.of(2L), false);

        assertThat(topUp.reviewers()).containsExactly(3L);
        AssignmentPlanner.Plan tooFew = planner.plan(3, List.of(), List.of(1L, 3L), false);
        assertThat(tooFew.reviewers()).containsExactly(2L);
        assertThat(tooFew.shortfall()).isEqualTo(2);
    }

    @Test
    void theLinkingSetIsReviewedByEveryoneOnThePanelWithoutAConflict() {
        AssignmentPlanner planner = new AssignmentPlanner(panel(1, 2, 3, 4), new Random(3));

        assertThat(planner.plan(2, List.of(), List.of(4L), true).reviewers()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(planner.plan(2, List.of(2L), List.of(), true).reviewers()).containsExactlyInAnyOrder(1L, 3L, 4L);
    }

    @Test
    void theLeastLoadedReviewerIsChosenFirst() {
        Map<Long, Integer> busy = new HashMap<>(Map.of(1L, 9, 2L, 0, 3L, 4));
        AssignmentPlanner planner = new AssignmentPlanner(busy, new Random(5));

        assertThat(planner.plan(1, List.of(), List.of(), false).reviewers()).containsExactly(2L);
    }

    @Test
    void eachReviewerGetsAStableQueueOrderOfTheirOwnUnrelatedToArrival() {
        List<Long> arrival = new ArrayList<>(LongStream.rangeClosed(1, 30).boxed().toList());

        List<Long> forA = AssignmentPlanner.queueOrder(11, arrival);
        List<Long> forB = AssignmentPlanner.queueOrder(12, arrival);

        assertThat(forA).containsExactlyInAnyOrderElementsOf(arrival).isNotEqualTo(arrival);
        assertThat(forA).isEqualTo(AssignmentPlanner.queueOrder(11, arrival));
        assertThat(forA).isNotEqualTo(forB);
        assertThat(Set.copyOf(forA.subList(0, 10))).isNotEqualTo(Set.copyOf(arrival.subList(0, 10)));
    }
}
