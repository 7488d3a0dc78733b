package dev.assay.review.internal;

import dev.assay.assistant.TextEmbedder;
import dev.assay.attempt.AttemptSubmitted;
import dev.assay.attempt.SubmittedResponse;
import dev.assay.attempt.port.SubmittedWork;
import dev.assay.base.Conflicts;
import dev.assay.review.CollaborationEvidence;
import dev.assay.review.CollaborationSummary;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskVersionView;
import dev.assay.taskbank.port.TaskVersions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Computes and stores, once per submitted attempt, the summary of its AI-collaboration tasks' evidence, so a
 * ranking's export can carry it without computing embeddings for every candidate. Runs after the submission commits,
 * on its own thread, apart from the intake (which holds the panel's lock and should not wait on embeddings).
 */
@Component
public class CollaborationSummaries {

    private final JdbcTemplate jdbc;
    private final SubmittedWork attempts;
    private final TaskVersions tasks;
    private final TextEmbedder embedder;
    private final Clock clock;

    CollaborationSummaries(JdbcTemplate jdbc, SubmittedWork attempts, TaskVersions tasks, TextEmbedder embedder,
            Clock clock) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.tasks = tasks;
        this.embedder = embedder;
        this.clock = clock;
    }

    /**
     * After the submission commits, on a thread of its own. Not in one transaction: the summary is one upsert,
     * run again if the database rolls it back for a conflicting one (a deadlock between concurrent submissions'
     * writes; the failover drill met them when the overdue job submitted twenty attempts at once). Safe to run
     * twice (a resubmitted publication): the row is replaced.
     */
    @Async
    @TransactionalEventListener
    public void on(AttemptSubmitted submitted) {
        Conflicts.retry("collaboration summary", () -> store(submitted.attemptId()));
    }

    /** Computes and stores the summary of one submitted attempt; nothing for an attempt without such a task. */
    public void store(long attemptId) {
        SubmittedResponse response = attempts.response(attemptId);
        int served = 0;
        int reached = 0;
        int corrected = 0;
        int messages = 0;
        int checks = 0;
        double copiedWords = 0;
        int words = 0;
        boolean any = false;
        for (SubmittedResponse.TaskResponse t : response.tasks()) {
            TaskVersionView version = tasks.version(t.taskVersionId());
            if (version.kind() != TaskKind.AI_COLLABORATION) {
                continue;
            }
            any = true;
            CollaborationEvidence e = CollaborationEvidence.of(version.content().collaboration(), t.answer(),
                    t.transcript(), embedder);
            if (e == null) {
                continue;
            }
            served += (int) e.served();
            reached += (int) e.reached();
            corrected += (int) e.corrected();
            messages += e.turns();
            checks += e.checkTurns().size();
            copiedWords += e.copiedShare() * e.deliverableWords();
            words += e.deliverableWords();
        }
        if (!any) {
            return;
        }
        // One upsert, no delete first: a delete of a missing row takes a gap lock, and two submissions' delete and
        // insert pairs deadlocked on them.
        jdbc.update("INSERT INTO collaboration_summary (attempt_id, assessment_id, served, reached, corrected, messages, "
                + "check_messages, copied_share, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "assessment_id = VALUES(assessment_id), served = VALUES(served), reached = VALUES(reached), "
                + "corrected = VALUES(corrected), messages = VALUES(messages), check_messages = VALUES(check_messages), "
                + "copied_share = VALUES(copied_share), computed_at = VALUES(computed_at)", attemptId,
                response.assessmentId(), served, reached, corrected, messages, checks, words == 0 ? 0 : copiedWords / words,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** The stored summaries of an assessment's submissions, by review submission id. */
    public Map<Long, CollaborationSummary> byAssessment(long assessmentId) {
        Map<Long, CollaborationSummary> out = new HashMap<>();
        jdbc.query("SELECT s.id, c.served, c.reached, c.corrected, c.messages, c.check_messages, c.copied_share "
                + "FROM collaboration_summary c JOIN review_submission s ON s.attempt_id = c.attempt_id "
                + "WHERE c.assessment_id = ?", rs -> {
                    out.put(rs.getLong(1), new CollaborationSummary(rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getDouble(7)));
                }, assessmentId);
        return out;
    }
}
