package dev.assay.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.review.Disagreement;
import dev.assay.review.Resolution;
import dev.assay.review.ReviewException;
import dev.assay.review.ScoreCell;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The submission's flag: raised once when reviews disagree, settled by a revision, an extra review or a reconciliation. */
class SubmissionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final ScoreCell.Cell CELL = new ScoreCell.Cell(0, "critique");
    private static final List<Disagreement> APART = List.of(new Disagreement(CELL, List.of(1, 4)));
    private static final Function<ScoreCell.Cell, String> NAMES = c -> "Task 1 · Critique";

    private static Submission submission() {
        return new Submission(11, 12, 13, "C-7F3K", NOW);
    }

    private static Submission flagged() {
        Submission s = submission();
        assertThat(s.followReviews(APART, 2, true, false, () -> "Reviews differ", "system", NOW))
                .isEqualTo(Submission.FlagChange.FLAGGED);
        return s;
    }

    @Test
    void disagreeingReviewsFlagTheSubmissionOnce() {
        Submission s = flagged();
        assertThat(s.isOpenFlag()).isTrue();
        assertThat(s.getFlagDetail()).isEqualTo("Reviews differ");
        assertThat(s.followReviews(APART, 2, true, false, () -> "again", "system", NOW.plusSeconds(9)))
                .as("an open flag is not raised again").isEqualTo(Submission.FlagChange.NONE);
        assertThat(s.getFlaggedAt()).isEqualTo(NOW);
    }

    @Test
    void agreeingReviewsLeaveAnUnflaggedSubmissionAlone() {
        Submission s = submission();
        assertThat(s.followReviews(List.of(), 2, true, false, () -> "unused", "system", NOW))
                .isEqualTo(Submission.FlagChange.NONE);
        assertThat(s.isFlagged()).isFalse();
    }

    @Test
    void aRevisionThatBringsTheReviewsTogetherSettlesTheFlag() {
        Submission s = flagged();
        assertThat(s.followReviews(List.of(), 2, true, false, () -> "unused", "vera@assay.example", NOW))
                .isEqualTo(Submission.FlagChange.AGREED_AFTER_REVISION);
        assertThat(s.getResolution()).isEqualTo(Resolution.REVISED);
        assertThat(s.getResolvedBy()).isEqualTo("vera@assay.example");
        assertThat(s.followReviews(APART, 2, true, false, () -> "later", "system", NOW))
                .as("a settled flag is not raised again").isEqualTo(Submission.FlagChange.NONE);
    }

    @Test
    void anExtraReviewSettlesTheFlagOnlyOnceEveryReviewIsIn() {
        Submission s = flagged();
        assertThat(s.followReviews(APART, 3, false, true, () -> "", "system", NOW)).isEqualTo(Submission.FlagChange.NONE);
        assertThat(s.followReviews(APART, 3, true, true, () -> "", "system", NOW))
                .isEqualTo(Submission.FlagChange.EXTRA_REVIEW_IN);
        assertThat(s.getResolution()).isEqualTo(Resolution.EXTRA_REVIEW);
        assertThat(s.getResolutionReason()).contains("all 3 reviews count");
    }

    @Test
    void aReconciliationNeedsALevelForEveryDisputedCellAndAReason() {
        Submission s = flagged();
        assertThatThrownBy(() -> s.reconcile(APART, Map.of(CELL, 6), " ", NAMES, "vera", NOW))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("Choose the agreed level for Task 1 · Critique.")
                .hasMessageContaining("Explain how you reached the reconciled score.");
        assertThat(s.isOpenFlag()).isTrue();
        Reconciliation r = s.reconcile(APART, Map.of(CELL, 3), " We re-read the memo together. ", NAMES, "vera", NOW);
        assertThat(r.getLevels()).singleElement().satisfies(a -> assertThat(a.getLevel()).isEqualTo(3));
        assertThat(r.getReason()).isEqualTo("We re-read the memo together.");
        assertThat(s.getResolution()).isEqualTo(Resolution.RECONCILED);
        assertThat(s.isOpenFlag()).isFalse();
    }

    @Test
    void thereIsNothingToReconcileWithoutAnOpenFlag() {
        assertThatThrownBy(() -> submission().reconcile(APART, Map.of(CELL, 3), "Because.", NAMES, "vera", NOW))
                .hasMessage("This submission has no open disagreement to reconcile.");
    }
}
