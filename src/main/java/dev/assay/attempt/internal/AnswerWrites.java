package dev.assay.attempt.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidate page's two frequent writes, each one statement with the attempt's state checked in its WHERE
 * clause. Plain JDBC in the caller's transaction: through Hibernate, a native statement cost about as much CPU
 * again as the database took to run it (its query object and parameter handling, per call), and these run
 * every few seconds per candidate. Times are bound as UTC wall-clock values, as Hibernate stores them here
 * ({@code hibernate.jdbc.time_zone=UTC}).
 */
@Component
public class AnswerWrites {

    private static final String STORE = "UPDATE attempt_task SET answer_json = ?, saved_at = ?, save_count = "
            + "save_count + 1 WHERE task_position = ? AND task_version_id = ? AND attempt_id = (SELECT a.id FROM "
            + "attempt a WHERE a.invitation_id = ? AND a.submitted_at IS NULL AND a.deadline >= ? "
            + "AND a.active_page = ?)";

    private static final String SIGNALS = "UPDATE attempt_task SET active_seconds = active_seconds + ?, "
            + "paste_count = paste_count + ?, pasted_chars = pasted_chars + ?, focus_losses = focus_losses + ? "
            + "WHERE task_position = ? AND attempt_id = (SELECT a.id FROM attempt a WHERE a.invitation_id = ? "
            + "AND a.submitted_at IS NULL AND a.deadline >= ?)";

    private final JdbcTemplate jdbc;

    AnswerWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores one task's answer only while the attempt can take it: not submitted, within the deadline and its
     * grace, saved by this page, and the task at that position is the version the page shows. Returns the rows
     * written: 0 means one of those conditions failed, and the caller finds out which through the entity.
     */
    public int storeAnswer(long invitation, int position, long version, String page, String json, Instant now) {
        return jdbc.update(STORE, json, utc(now), position, version, invitation, utc(now.minus(Attempt.GRACE)), page);
    }

    /**
     * Adds one report of what the page observed to a task's counters, capped as {@link AttemptTask} caps it,
     * only while the attempt is in progress (as {@link Attempt#recordSignals} does).
     */
    public int addSignals(long invitation, int position, int seconds, int pastes, int chars, int focus, Instant now) {
        return jdbc.update(SIGNALS, AttemptTask.clampSeconds(seconds), AttemptTask.clampPastes(pastes),
                AttemptTask.clampChars(chars), AttemptTask.clampFocusLosses(focus), position, invitation,
                utc(now.minus(Attempt.GRACE)));
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
