package dev.assay.decision;

import dev.assay.audit.port.AuditTrail;
import dev.assay.review.port.ScoredWork;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records recruiters' decisions on candidates and reads them back. Recruiters only. A decision applies to one
 * submission (a candidate of one assessment); a selection gets the same decision and reason, each audited. Changing
 * a decision keeps the earlier one and needs a reason; recording the same outcome again changes nothing.
 */
@Service
@PreAuthorize("hasRole('RECRUITER')")
@Transactional
public class DecisionService {

    public static final int MAX_REASON = 1_000;
    /** More than any assessment's selection on one page; a larger batch is a mistake, not a workflow. */
    public static final int MAX_BATCH = 5_000;

    private final JdbcClient jdbc;
    private final ScoredWork work;
    private final AuditTrail audit;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final DecisionPorts ports;

    DecisionService(JdbcClient jdbc, ScoredWork work, AuditTrail audit, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, DecisionPorts ports) {
        this.ports = ports;
        this.events = events;
        this.jdbc = jdbc;
        this.work = work;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the outcome for each submission of the assessment; returns how many decisions changed (a candidate
     * who already has this outcome is left as they are). Changing an existing, different decision needs a reason.
     */
    public int record(long assessmentId, Collection<Long> submissionIds, Outcome outcome, String reason) {
        if (outcome == null) {
            throw new DecisionException("Choose advance, hold or decline.");
        }
        Set<Long> ids = new LinkedHashSet<>(submissionIds);
        if (ids.isEmpty()) {
            throw new DecisionException("Select at least one candidate.");
        }
        if (ids.size() > MAX_BATCH) {
            throw new DecisionException("Decide on at most " + MAX_BATCH + " candidates at once.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_REASON) {
            throw new DecisionException("Keep the reason under " + MAX_REASON + " characters.");
        }
        for (Long id : ids) {
            if (work.assessmentOf(id).filter(a -> a == assessmentId).isEmpty()) {
                throw new DecisionException("A selected candidate is not part of this assessment; reload the page.");
            }
        }
        Map<Long, Decision> current = current(assessmentId);
        List<Long> changing = ids.stream().filter(id -> current.get(id) == null || current.get(id).outcome() != outcome)
                .toList();
        boolean overrides = changing.stream().anyMatch(current::containsKey);
        if (overrides && why.isEmpty()) {
            throw new DecisionException("Give a reason: this changes a decision already recorded.");
        }
        String by = SecurityContextHolder.getContext().getAuthentication().getName();
        Instant now = clock.instant();
        Map<Long, ScoredWork.Intake> intakes = changing.isEmpty() ? Map.of() : work.intakes(assessmentId);
        for (Long id : changing) {
            jdbc.sql("insert into candidate_decision (submission_id, assessment_id, outcome, reason, decided_by, "
                    + "decided_at) values (?, ?, ?, ?, ?, ?)")
                    .params(id, assessmentId, outcome.name(), why.isEmpty() ? null : why, by, Timestamp.from(now))
                    .update();
            Decision before = current.get(id);
            audit.record(before == null ? "decision.recorded" : "decision.changed", "submission " + id,
                    outcome.label() + (before == null ? "" : " (was " + before.outcome().label() + ")")
                            + " on assessment " + assessmentId, why.isEmpty() ? null : why);
            ScoredWork.Intake intake = intakes.get(id);
            if (intake != null) {
                events.publishEvent(new DecisionRecorded(assessmentId, id, intake.invitationId(), outcome,
                        before == null ? null : before.outcome(), now));
            }
        }
        return changing.size();
    }

    /** Each decided submission's current decision, by submission id. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('RECRUITER') or hasAuthority('SCOPE_read')")
    public Map<Long, Decision> current(long assessmentId) {
        Map<Long, Decision> out = new LinkedHashMap<>();
        jdbc.sql("select id, submission_id, outcome, reason, decided_by, decided_at from candidate_decision "
                + "where assessment_id = ? order by id")
                .param(assessmentId)
                .query((rs, n) -> row(rs)).list()
                .forEach(d -> out.put(d.submissionId(), d));
        return out;
    }

    /** A submission's decisions, oldest first (the last is the current one). */
    @Transactional(readOnly = true)
    public List<Decision> history(long submissionId) {
        return ports.history(submissionId);
    }

    private static Decision row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return DecisionPorts.row(rs);
    }
}
