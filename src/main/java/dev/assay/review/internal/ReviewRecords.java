package dev.assay.review.internal;

import dev.assay.review.port.CandidateReviews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The review module's side of subject access and erasure. */
@Component
@Transactional
class ReviewRecords implements CandidateReviews {

    /** What replaces erased free text where the column needs a value. */
    static final String ERASED = "(removed when the candidate's data was erased)";

    private final JdbcClient jdbc;

    ReviewRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long invitationId) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> submissions = jdbc.sql("select id, candidate_code, submitted_at, flagged_at, flag_detail, "
                + "resolution, resolution_reason from review_submission where invitation_id = ?").param(invitationId)
                .query().listOfRows();
        if (submissions.isEmpty()) {
            return out;
        }
        Object submissionId = submissions.getFirst().get("id");
        out.put("submission", submissions.getFirst());
        // Reviewers are numbered in the order they were assigned, never named: they are other people.
        List<Long> assignments = jdbc.sql("select id from review_assignment where submission_id = ? order by id")
                .param(submissionId).query(Long.class).list();
        List<Map<String, Object>> reviews = new java.util.ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("reviewer", "Reviewer " + (i + 1));
            List<Map<String, Object>> revisions = jdbc.sql("select id, revision, status, overall_comment, reason, "
                    + "submitted_at from scorecard_revision where assignment_id = ? order by revision")
                    .param(assignments.get(i)).query().listOfRows();
            List<Map<String, Object>> withScores = new java.util.ArrayList<>();
            for (Map<String, Object> r : revisions) {
                Map<String, Object> row = new LinkedHashMap<>(r);
                row.put("scores", jdbc.sql("select task_position, criterion_key, score_level, justification from "
                        + "scorecard_score where revision_id = ? order by task_position, criterion_key")
                        .param(r.get("id")).query().listOfRows());
                row.remove("id");
                withScores.add(row);
            }
            review.put("scorecards", withScores);
            reviews.add(review);
        }
        out.put("reviews", reviews);
        out.put("reconciliations", jdbc.sql("select recorded_at, reason from reconciliation where submission_id = ? "
                + "order by id").param(submissionId).query().listOfRows());
        return out;
    }

    @Override
    public void forget(long invitationId) {
        String submissions = "select id from review_submission where invitation_id = ?";
        jdbc.sql("update scorecard_score set justification = null where revision_id in (select r.id from "
                + "scorecard_revision r join review_assignment a on a.id = r.assignment_id where a.submission_id in ("
                + submissions + "))").param(invitationId).update();
        jdbc.sql("update scorecard_revision set overall_comment = null, reason = case when reason is null then null "
                + "else ? end where assignment_id in (select id from review_assignment where submission_id in ("
                + submissions + "))").params(ERASED, invitationId).update();
        jdbc.sql("update reconciliation set reason = ? where submission_id in (" + submissions + ")")
                .params(ERASED, invitationId).update();
        jdbc.sql("update review_submission set resolution_reason = case when resolution_reason is null then null "
                + "else ? end where invitation_id = ?").params(ERASED, invitationId).update();
        jdbc.sql("update review_conflict set note = null where invitation_id = ?").param(invitationId).update();
        // A calibration item shows the candidate's work to every reviewer who calibrates: it leaves every set.
        jdbc.sql("update calibration_item set retired_at = current_timestamp(6) where retired_at is null and "
                + "source_submission_id in (" + submissions + ")").param(invitationId).update();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Long> submission(long invitationId) {
        return jdbc.sql("select id from review_submission where invitation_id = ?").param(invitationId)
                .query(Long.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Closure> closure(long assessmentId) {
        return jdbc.sql("select closed_at, closed_by from review_panel where assessment_id = ? and closed_at is not null")
                .param(assessmentId)
                .query((rs, n) -> new Closure(rs.getTimestamp(1).toInstant(), rs.getString(2))).optional();
    }
}
