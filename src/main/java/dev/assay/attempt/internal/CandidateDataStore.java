package dev.assay.attempt.internal;

import dev.assay.attempt.port.CandidateData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The attempt module's side of subject access and erasure. */
@Component
@Transactional
class CandidateDataStore implements CandidateData {

    private final JdbcClient jdbc;

    CandidateDataStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long invitationId) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> attempts = jdbc.sql("select id, started_at, deadline, submitted_at, "
                + "submitted_automatically from attempt where invitation_id = ?").param(invitationId).query().listOfRows();
        if (!attempts.isEmpty()) {
            Object attemptId = attempts.getFirst().get("id");
            out.put("attempt", attempts.getFirst());
            out.put("tasks", jdbc.sql("select task_position, task_version_id, answer_json, saved_at, active_seconds, "
                    + "paste_count, pasted_chars, focus_losses from attempt_task where attempt_id = ? "
                    + "order by task_position").param(attemptId).query().listOfRows());
            out.put("assistant", jdbc.sql("select task_position, turn_no, prompt, reply, asked_at from assistant_turn "
                    + "where attempt_id = ? order by task_position, turn_no").param(attemptId).query().listOfRows());
        }
        List<Map<String, Object>> selfId = jdbc.sql("select sex, race_ethnicity, answered_at from self_identification "
                + "where invitation_id = ?").param(invitationId).query().listOfRows();
        if (!selfId.isEmpty()) {
            out.put("self_identification", selfId.getFirst());
        }
        List<Map<String, Object>> extra = jdbc.sql("select question_key, answer from self_identification_extra "
                + "where invitation_id = ? order by question_key").param(invitationId).query().listOfRows();
        if (!extra.isEmpty()) {
            out.put("self_identification_added_questions", extra);
        }
        return out;
    }

    @Override
    public void forget(long invitationId) {
        forgetSelfIdentification(invitationId);
        forgetTranscripts(invitationId);
        forgetAnswers(invitationId);
    }

    @Override
    public void forgetAnswers(long invitationId) {
        jdbc.sql("update attempt_task set answer_json = null where attempt_id in "
                + "(select id from attempt where invitation_id = ?)").param(invitationId).update();
    }

    @Override
    public void forgetTranscripts(long invitationId) {
        jdbc.sql("delete from assistant_turn where attempt_id in (select id from attempt where invitation_id = ?)")
                .param(invitationId).update();
    }

    @Override
    public void forgetSelfIdentification(long invitationId) {
        jdbc.sql("delete from self_identification where invitation_id = ?").param(invitationId).update();
        jdbc.sql("delete from self_identification_extra where invitation_id = ?").param(invitationId).update();
    }

    @Override
    public void forgetSignals(long invitationId) {
        jdbc.sql("update attempt_task set active_seconds = 0, paste_count = 0, pasted_chars = 0, focus_losses = 0 "
                + "where attempt_id in (select id from attempt where invitation_id = ?)").param(invitationId).update();
    }
}
