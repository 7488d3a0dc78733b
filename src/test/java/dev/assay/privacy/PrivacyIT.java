package dev.assay.privacy;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import dev.assay.ranking.RankingService;
import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.staff.StaffMember;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Subject access and erasure on the real database: the export holds everything about the candidate and nothing
 * about the reviewers; after erasure no table holds their name, email or words, levels and outcomes remain, the
 * ranking and rank card still work, and the audit chain still verifies.
 */
class PrivacyIT extends DatabaseTest {

    @Autowired
    PrivacyService privacy;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    DecisionService decisions;

    @Autowired
    RankingService rankings;

    @Autowired
    AuditLog audit;

    @Autowired
    RetentionJob retention;

    @Autowired
    dev.assay.taskbank.AssessmentService assessments;

    @Autowired
    JdbcTemplate jdbc;

    private static <T> T admin(java.util.function.Supplier<T> work) {
        return SystemAuthentication.callAs("ADMIN", work);
    }

    private long mentions(String text) {
        String like = "%" + text + "%";
        return jdbc.queryForObject("SELECT "
                + "(SELECT COUNT(*) FROM invitation WHERE candidate_name LIKE ? OR candidate_email LIKE ?) + "
                + "(SELECT COUNT(*) FROM outbox_message WHERE recipient LIKE ? OR subject LIKE ?) + "
                + "(SELECT COUNT(*) FROM attempt_task WHERE answer_json LIKE ?) + "
                + "(SELECT COUNT(*) FROM scorecard_revision WHERE overall_comment LIKE ?) + "
                + "(SELECT COUNT(*) FROM candidate_decision WHERE reason LIKE ?) + "
                + "(SELECT COUNT(*) FROM audit_entry WHERE details LIKE ? OR subject LIKE ? OR reason LIKE ?)",
                Long.class, like, like, like, like, like, like, like, like, like, like);
    }

    @Test
    void aCandidatesDataIsExportedThenErasedAndTheChainStillVerifies() {
        AssessmentView a = fixtures.assessment();
        StaffMember reviewer = fixtures.reviewer("Privacy Reviewer");
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted erin = fixtures.submit(a, "Erin Erasable");
        ReviewFixtures.Submitted other = fixtures.submit(a, "Olga Otherperson");
        for (QueueItem item : as(reviewer, () -> reviews.queue())) {
            boolean isErin = item.candidateCode().equals(erin.code());
            fixtures.scoreAll(reviewer, item.assignmentId(), isErin ? 4 : 3,
                    isErin ? "Erasable-marker comment on the workflow." : "Olga Otherperson's plan was sound.");
        }
        long erinSubmission = jdbc.queryForObject("SELECT id FROM review_submission WHERE invitation_id = ?",
                Long.class, erin.invitationId());
        recruiter(() -> decisions.record(a.id(), List.of(erinSubmission), Outcome.DECLINE,
                "Erasable-marker reason about Erin."));
        jdbc.update("INSERT INTO self_identification (invitation_id, assessment_id, sex, race_ethnicity, answered_at) "
                + "VALUES (?, ?, 'FEMALE', 'ASIAN', CURRENT_TIMESTAMP)", erin.invitationId(), a.id());
        jdbc.update("INSERT INTO self_identification_extra (invitation_id, question_key, assessment_id, answer) "
                + "VALUES (?, 'veteran', ?, 'Protected veteran')", erin.invitationId(), a.id());
        long levels = jdbc.queryForObject("SELECT COUNT(*) FROM scorecard_score", Long.class);

        String export = admin(() -> privacy.export(erin.email().toUpperCase()));
        assertThat(export).contains("Erin Erasable").contains(erin.email()).contains(erin.code())
                .contains("Pull the numbers").contains("Erasable-marker comment").contains("Erasable-marker reason")
                .contains("\"sex\" : \"FEMALE\"").contains("Protected veteran").contains("Reviewer 1")
                .doesNotContain("Privacy Reviewer").doesNotContain(reviewer.email()).doesNotContain("Olga");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'candidate.exported' "
                + "AND subject = ?", Long.class, "candidate " + erin.code())).isEqualTo(1);

        assertThatThrownBy(() -> admin(() -> privacy.erase(erin.email(), "someone@else.example", "Request")))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("Type the email address again");
        assertThatThrownBy(() -> admin(() -> privacy.erase(erin.email(), erin.email(), " ")))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("Say why");
        assertThat(mentions("Erin Erasable")).isPositive();

        assertThat(admin(() -> privacy.erase(erin.email(), " " + erin.email() + " ",
                "Candidate's request of 2 December 2026"))).isEqualTo(1);

        assertThat(mentions("Erin Erasable")).as("Erin's name anywhere").isZero();
        assertThat(mentions("Erasable-marker")).as("what was written about Erin").isZero();
        assertThat(mentions(erin.email())).as("Erin's email anywhere").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM self_identification WHERE invitation_id = ?", Long.class,
                erin.invitationId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM self_identification_extra WHERE invitation_id = ?",
                Long.class, erin.invitationId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM candidate_decision WHERE submission_id = ? "
                + "AND outcome = 'DECLINE'", Long.class, erinSubmission)).as("the outcome stays").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scorecard_score", Long.class)).isEqualTo(levels);
        assertThat(admin(() -> privacy.find(erin.email()))).isEmpty();
        // The other candidate's words are untouched.
        assertThat(mentions("Olga Otherperson")).isPositive();

        // The ranking and the erased candidate's rank card still work, with the code in place of the name.
        var ranking = recruiter(() -> rankings.ranking(a.id(), RankingService.DEFAULT_CONFIDENCE));
        assertThat(ranking.candidates()).extracting(c -> c.candidateCode()).contains(erin.code(), other.code());
        assertThat(recruiter(() -> rankings.card(erinSubmission))).isPresent();

        var check = admin(() -> audit.verify());
        assertThat(check.intact()).as(String.valueOf(check.problem())).isTrue();
        assertThat(jdbc.queryForObject("SELECT reason FROM audit_entry WHERE action = 'candidate.erased' AND subject = ?",
                String.class, "candidate " + erin.code())).isEqualTo("Candidate's request of 2 December 2026");
    }

    @Test
    void retentionRemovesEachKindOfDataOnceItIsPastItsTimeAndSaysSo() {
        AssessmentView a = fixtures.assessment();
        StaffMember reviewer = fixtures.reviewer("Retention Reviewer");
        recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted rita = fixtures.submit(a, "Rita Retained");
        for (QueueItem item : as(reviewer, () -> reviews.queue())) {
            if (item.candidateCode().equals(rita.code())) {
                fixtures.scoreAll(reviewer, item.assignmentId(), 4, "Retention-marker comment.");
            }
        }
        jdbc.update("INSERT INTO self_identification (invitation_id, assessment_id, sex, race_ethnicity, answered_at) "
                + "VALUES (?, ?, 'MALE', 'WHITE', CURRENT_TIMESTAMP)", rita.invitationId(), a.id());
        java.time.Instant now = java.time.Instant.now();
        assertThat(retention.apply(now)).as("an open assessment keeps everything").isGreaterThanOrEqualTo(0);
        assertThat(applied(a.id())).isZero();
        recruiter(() -> assessments.close(a.id()));

        retention.apply(now.plus(java.time.Duration.ofDays(30)));
        assertThat(applied(a.id())).as("nothing is past its time a month after closing").isZero();

        retention.apply(now.plus(java.time.Duration.ofDays(366)));
        assertThat(applied(a.id())).as("all but self-identification after a year").isEqualTo(4);
        assertThat(mentions("Rita Retained")).isZero();
        assertThat(mentions("Retention-marker")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attempt_task t JOIN attempt x ON x.id = t.attempt_id "
                + "WHERE x.invitation_id = ? AND (t.answer_json IS NOT NULL OR t.active_seconds > 0)", Long.class,
                rita.invitationId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM self_identification WHERE invitation_id = ?", Long.class,
                rita.invitationId())).as("kept two years by default").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scorecard_score s JOIN scorecard_revision r ON "
                + "r.id = s.revision_id JOIN review_assignment a ON a.id = r.assignment_id JOIN review_submission b ON "
                + "b.id = a.submission_id WHERE b.invitation_id = ?", Long.class, rita.invitationId()))
                .as("levels stay for statistics").isPositive();

        retention.apply(now.plus(java.time.Duration.ofDays(731)));
        assertThat(applied(a.id())).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM self_identification WHERE invitation_id = ?", Long.class,
                rita.invitationId())).isZero();
        retention.apply(now.plus(java.time.Duration.ofDays(800)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'retention.applied' "
                + "AND subject = ?", Long.class, "assessment " + a.id())).as("each kind once").isEqualTo(5);
        assertThat(admin(() -> audit.verify()).intact()).isTrue();
    }

    private long applied(long assessmentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM retention_applied WHERE assessment_id = ?", Long.class,
                assessmentId);
    }

    @Test
    void onlyAdminsMayExportOrErase() {
        assertThatThrownBy(() -> recruiter(() -> privacy.find("someone@example.com")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> recruiter(() -> privacy.export("someone@example.com")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> admin(() -> privacy.export("nobody-" + System.nanoTime() + "@example.com")))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("No candidate");
    }
}
