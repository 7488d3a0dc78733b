package dev.assay.review;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.CollaborationEvidence.Outcome;
import dev.assay.staff.StaffMember;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.TaskKind;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reviewer's sheet of an AI-collaboration task: the transcript as the candidate had it and the evidence
 * (the candidate handed in the assistant's flawed draft as it was, so both planted flaws reached the
 * deliverable), blind as the rest of the sheet.
 */
class CollaborationReviewIT extends DatabaseTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    dev.assay.ranking.RankingService rankings;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theReviewerSeesTheTranscriptAndWhichPlantedFlawsReachedTheDeliverable() {
        AssessmentView a = fixtures.collaborationAssessment();
        StaffMember reviewer = fixtures.reviewer("Collab Reviewer");
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted candidate = fixtures.submit(a, "Dana Draftpaste");
        long assignment = as(reviewer, () -> reviews.queue()).stream()
                .filter(i -> i.candidateCode().equals(candidate.code())).findFirst().orElseThrow().assignmentId();

        ScoringSheet sheet = as(reviewer, () -> reviews.sheet(assignment));
        ScoringSheet.SheetTask task = sheet.tasks().stream()
                .filter(t -> t.version().kind() == TaskKind.AI_COLLABORATION).findFirst().orElseThrow();
        assertThat(task.transcript()).hasSize(1);
        assertThat(task.transcript().getFirst().intentKey()).isEqualTo("draft-summary");
        CollaborationEvidence evidence = task.evidence();
        assertThat(evidence.flaws()).extracting(CollaborationEvidence.FlawTrace::outcome)
                .containsExactly(Outcome.REACHED, Outcome.REACHED);
        assertThat(evidence.flaws().getFirst().category().label()).isEqualTo("Wrong calculation");
        assertThat(evidence.copiedShare()).isEqualTo(1.0);
        // The other task has neither.
        ScoringSheet.SheetTask other = sheet.tasks().stream()
                .filter(t -> t.version().kind() != TaskKind.AI_COLLABORATION).findFirst().orElseThrow();
        assertThat(other.transcript()).isEmpty();
        assertThat(other.evidence()).isNull();
        // Blind: nothing in the transcript or the evidence names the candidate.
        assertThat(task.transcript().toString() + evidence).doesNotContain("Dana").doesNotContain("Draftpaste");

        // The summary stored after submission goes into the ranking's export (once scored).
        fixtures.scoreAll(reviewer, assignment, 2, "Shipped the assistant's errors.");
        for (int i = 0; i < 200 && jdbc.queryForObject("SELECT COUNT(*) FROM collaboration_summary c JOIN review_submission "
                + "s ON s.attempt_id = c.attempt_id WHERE s.invitation_id = ?", Integer.class,
                candidate.invitationId()) == 0; i++) {
            sleep(50);
        }
        String csv = recruiter(() -> rankings.csv(a.id(), 0.95));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",AI flaws served,AI flaws in deliverable,AI flaws corrected,Assistant messages,"
                + "Messages asking to check,Share copied from assistant");
        assertThat(lines[1]).contains(candidate.code()).endsWith(",2,2,0,1,0,1.000");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
