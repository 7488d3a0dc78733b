package dev.assay.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.review.ReviewException;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorecard's own rules: a draft may be incomplete but must fit its form; a submission must be complete. */
class ScorecardRevisionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final ScoreCell.Cell WORKFLOW = new ScoreCell.Cell(0, "workflow");
    private static final ScoreCell.Cell CRITIQUE = new ScoreCell.Cell(1, "critique");
    private static final ScorecardForm FORM = new ScorecardForm(List.of(WORKFLOW, CRITIQUE),
            c -> "Task " + (c.taskPosition() + 1) + " · " + c.criterionKey());

    private static ScorecardInput input(String comment, ScoreCell... cells) {
        return new ScorecardInput(List.of(cells), comment);
    }

    @Test
    void aDraftMayBeIncompleteAndChangesInPlace() {
        ScorecardRevision draft = new ScorecardRevision(7, 1, FORM, input("", new ScoreCell(0, "workflow", 3, "")), NOW);
        draft.write(FORM, input("Half done", new ScoreCell(0, "workflow", 4, ""), new ScoreCell(1, "critique", 0, "")),
                NOW.plusSeconds(60));
        assertThat(draft.isSubmitted()).isFalse();
        assertThat(draft.cells()).extracting(ScoreCell::level).containsExactly(4, 0);
        assertThat(draft.getOverallComment()).isEqualTo("Half done");
        assertThat(draft.getSavedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aDraftThatDoesNotFitTheFormIsRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> new ScorecardRevision(7, 1, FORM, input("",
                new ScoreCell(0, "workflow", 6, ""), new ScoreCell(3, "invented", 2, ""),
                new ScoreCell(1, "critique", 2, "x".repeat(20_001))), NOW))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("Levels run from 1 to 5 (Task 1 · workflow)")
                .hasMessageContaining("no criterion 'invented' on task 4")
                .hasMessageContaining("The justification for Task 2 · critique is longer than");
        ScorecardRevision draft = new ScorecardRevision(7, 1, FORM, input(""), NOW);
        assertThatThrownBy(() -> draft.write(FORM, input("", new ScoreCell(0, "workflow", 2, ""),
                new ScoreCell(0, "workflow", 3, "")), NOW))
                .hasMessageContaining("Task 1 · workflow is scored twice");
    }

    @Test
    void anIncompleteSubmissionIsRefusedAndStaysADraft() {
        ScorecardRevision draft = new ScorecardRevision(7, 1, FORM, input("",
                new ScoreCell(0, "workflow", 5, " ")), NOW);
        assertThatThrownBy(() -> draft.submit(FORM, false, null, NOW))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("Choose a level for Task 2 · critique.")
                .hasMessageContaining("Levels 1 and 5 need a justification: Task 1 · workflow.")
                .hasMessageContaining("Write an overall comment.");
        assertThat(draft.isSubmitted()).isFalse();
    }

    @Test
    void aCompleteScorecardIsSubmittedAndNeverChangesAgain() {
        ScorecardRevision card = new ScorecardRevision(7, 1, FORM, input("Solid work.",
                new ScoreCell(0, "workflow", 5, "Every step has an owner and a check."),
                new ScoreCell(1, "critique", 3, "")), NOW);
        card.submit(FORM, false, "ignored on a first submission", NOW.plusSeconds(5));
        assertThat(card.isSubmitted()).isTrue();
        assertThat(card.getSubmittedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(card.getReason()).as("a first submission has no reason").isNull();
        assertThatThrownBy(() -> card.write(FORM, input("Changed"), NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> card.submit(FORM, false, null, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRevisionOfASubmittedScorecardNeedsAReasonWithinItsLimit() {
        ScorecardInput complete = input("Fine.", new ScoreCell(0, "workflow", 3, ""), new ScoreCell(1, "critique", 2, ""));
        ScorecardRevision second = new ScorecardRevision(7, 2, FORM, complete, NOW);
        assertThatThrownBy(() -> second.submit(FORM, true, "  ", NOW))
                .hasMessageContaining("Say why you are changing a submitted scorecard");
        assertThatThrownBy(() -> second.submit(FORM, true, "x".repeat(2_001), NOW))
                .hasMessageContaining("Keep the reason under 2,000 characters.");
        second.submit(FORM, true, "  Misread task 2.  ", NOW);
        assertThat(second.getReason()).isEqualTo("Misread task 2.");
    }
}
