package dev.assay.review.internal;

import dev.assay.review.ScoresChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each assessment's scores version (see {@link dev.assay.review.port.ScoredWork#scoresVersion}), grown in the
 * transaction of the change. The row is locked from the change to its commit, so changes of one assessment
 * count one after the other; intake and panel changes already run one after the other on the panel's row.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class ScoresVersions {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ScoresVersions(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A person changed the scores: grow the version and let ranking recompute after the commit. */
    public void changedByPerson(long assessmentId) {
        grow(assessmentId);
        events.publishEvent(new ScoresChanged(assessmentId));
    }

    /**
     * Grow the version without asking for a background recompute: for what the application does by itself
     * (taking in a submission, assigning its reviewers), so that a burst of two thousand submits does not ask
     * for two thousand recomputes; a ranking read after it sees the version moved and recomputes then.
     */
    public void changed(long assessmentId) {
        grow(assessmentId);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long current(long assessmentId) {
        return jdbc.query("SELECT version FROM review_scores_version WHERE assessment_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, assessmentId);
    }

    private void grow(long assessmentId) {
        if (jdbc.update("UPDATE review_scores_version SET version = version + 1 WHERE assessment_id = ?",
                assessmentId) == 1) {
            return;
        }
        try {
            jdbc.update("INSERT INTO review_scores_version (assessment_id, version) VALUES (?, 1)", assessmentId);
        } catch (DuplicateKeyException e) {
            jdbc.update("UPDATE review_scores_version SET version = version + 1 WHERE assessment_id = ?",
                    assessmentId);
        }
    }
}
