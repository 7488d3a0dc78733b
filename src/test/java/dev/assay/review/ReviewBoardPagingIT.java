package dev.assay.review;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.staff.StaffMember;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The board's counts cover every submission while its rows come a page at a time, in order of submission. */
class ReviewBoardPagingIT extends DatabaseTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Test
    void countsCoverEverySubmissionAndPagesFollowTheOrderOfSubmission() {
        AssessmentView a = fixtures.assessment();
        StaffMember one = fixtures.reviewer("Paging One");
        StaffMember two = fixtures.reviewer("Paging Two");
        recruiter(() -> panels.savePanel(a.id(), Set.of(one.id(), two.id()), 2, 0, 5, -1));
        List<ReviewFixtures.Submitted> submitted = List.of(fixtures.submit(a, "Page Person A"),
                fixtures.submit(a, "Page Person B"), fixtures.submit(a, "Page Person C"),
                fixtures.submit(a, "Page Person D"));
        QueueItem first = as(one, () -> reviews.queue()).stream()
                .filter(i -> i.candidateCode().equals(submitted.getFirst().code())).findFirst().orElseThrow();
        QueueItem second = as(two, () -> reviews.queue()).stream()
                .filter(i -> i.candidateCode().equals(submitted.getFirst().code())).findFirst().orElseThrow();
        fixtures.scoreAll(one, first.assignmentId(), 3, "Fine.");
        fixtures.scoreAll(two, second.assignmentId(), 3, "Fine.");

        ReviewBoard board = recruiter(() -> panels.board(a.id()));
        assertThat(board.counts().total()).isEqualTo(4);
        assertThat(board.count(ReviewState.COMPLETE)).isEqualTo(1);
        assertThat(board.count(ReviewState.IN_PROGRESS)).isEqualTo(3);
        assertThat(board.count(ReviewState.UNASSIGNED) + board.count(ReviewState.FLAGGED)).isZero();
        assertThat(board.complete()).isTrue();
        assertThat(board.workload()).extracting(ReviewBoard.Workload::assigned).containsExactly(4, 4);
        assertThat(board.workload()).extracting(ReviewBoard.Workload::submitted).containsExactly(1, 1);

        List<ReviewBoard.Row> middle = recruiter(() -> panels.boardPage(a.id(), 1, 2));
        assertThat(middle).extracting(ReviewBoard.Row::candidateCode)
                .containsExactly(submitted.get(1).code(), submitted.get(2).code());
        assertThat(middle).extracting(ReviewBoard.Row::candidateName)
                .containsExactly("Page Person B", "Page Person C");
        assertThat(recruiter(() -> panels.boardPage(a.id(), 0, 1))).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(ReviewState.COMPLETE));
        assertThat(recruiter(() -> panels.boardPage(a.id(), 4, 10))).isEmpty();
    }
}
