package dev.assay.ranking;

import dev.assay.review.ScoresChanged;
import dev.assay.review.port.ScoredWork;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored ranking snapshots: read by the ranking page and rank cards, recomputed in the background after a
 * person changes the scores (the review's {@link ScoresChanged}, delivered after its commit through the event
 * publication registry), and on the spot when a page finds its snapshot older than the review's scores
 * version. A newer snapshot is never overwritten by an older one.
 */
@Component
class RankingSnapshots {

    private static final Logger log = LoggerFactory.getLogger(RankingSnapshots.class);

    private final JdbcTemplate jdbc;
    private final RankingComputation computation;
    private final ScoredWork work;
    private final TransactionTemplate separate;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final io.micrometer.core.instrument.Timer recomputes;

    RankingSnapshots(JdbcTemplate jdbc, RankingComputation computation, ScoredWork work,
            PlatformTransactionManager transactions, io.micrometer.core.instrument.MeterRegistry meters) {
        this.recomputes = io.micrometer.core.instrument.Timer.builder("assay.ranking.recompute")
                .description("Recomputing an assessment's ranking snapshot").register(meters);
        this.jdbc = jdbc;
        this.computation = computation;
        this.work = work;
        // Stored in a transaction of its own: the page reads in a read-only one.
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The assessment's snapshot, recomputed first if the review's scores moved since it was computed. */
    @Transactional(readOnly = true)
    public RankingSnapshot current(long assessmentId) {
        long version = work.scoresVersion(assessmentId);
        Optional<RankingSnapshot> stored = read(assessmentId);
        if (stored.isPresent() && stored.get().scoresVersion() >= version) {
            return stored.get();
        }
        RankingSnapshot fresh = computation.snapshot(assessmentId);
        store(assessmentId, fresh);
        return fresh;
    }

    /** After a person changed the scores: recompute unless a snapshot of that version or later is stored. */
    @ApplicationModuleListener
    void on(ScoresChanged changed) {
        long assessmentId = changed.assessmentId();
        if (storedVersion(assessmentId) >= work.scoresVersion(assessmentId)) {
            return;
        }
        RankingSnapshot fresh = computation.snapshot(assessmentId);
        store(assessmentId, fresh);
        recomputes.record(fresh.computeMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        log.info("Ranking of assessment {} recomputed for scores version {} in {} ms ({} candidates)", assessmentId,
                fresh.scoresVersion(), fresh.computeMillis(), fresh.ranking().candidates().size());
    }

    Optional<RankingSnapshot> read(long assessmentId) {
        return jdbc.query("SELECT payload FROM ranking_snapshot WHERE assessment_id = ?",
                rs -> rs.next() ? Optional.of(JSON.readValue(rs.getString(1), RankingSnapshot.class)) : Optional.empty(),
                assessmentId);
    }

    private long storedVersion(long assessmentId) {
        return jdbc.query("SELECT scores_version FROM ranking_snapshot WHERE assessment_id = ?",
                rs -> rs.next() ? rs.getLong(1) : -1L, assessmentId);
    }

    /** Stores the snapshot unless one of a later scores version is there already; in a transaction of its own. */
    void store(long assessmentId, RankingSnapshot snapshot) {
        separate.executeWithoutResult(status -> write(assessmentId, snapshot));
    }

    private void write(long assessmentId, RankingSnapshot snapshot) {
        String payload = JSON.writeValueAsString(snapshot);
        Timestamp at = Timestamp.valueOf(snapshot.computedAt().atOffset(ZoneOffset.UTC).toLocalDateTime());
        String update = "UPDATE ranking_snapshot SET scores_version = ?, computed_at = ?, compute_millis = ?, payload = ? "
                + "WHERE assessment_id = ? AND scores_version <= ?";
        if (jdbc.update(update, snapshot.scoresVersion(), at, snapshot.computeMillis(), payload, assessmentId,
                snapshot.scoresVersion()) == 1 || storedVersion(assessmentId) >= 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO ranking_snapshot (assessment_id, scores_version, computed_at, compute_millis, payload) "
                    + "VALUES (?, ?, ?, ?, ?)", assessmentId, snapshot.scoresVersion(), at, snapshot.computeMillis(),
                    payload);
        } catch (DuplicateKeyException e) {
            jdbc.update(update, snapshot.scoresVersion(), at, snapshot.computeMillis(), payload, assessmentId,
                    snapshot.scoresVersion());
        }
    }
}
