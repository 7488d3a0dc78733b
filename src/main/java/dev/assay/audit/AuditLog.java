package dev.assay.audit;

import dev.assay.base.SystemAuthentication;
import dev.assay.base.SearchText;
import dev.assay.audit.internal.Appender;
import dev.assay.audit.internal.AuditRecord;
import dev.assay.audit.internal.AuditRepository;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records actions in the hash-chained audit log and lets admins read and verify it. Recording joins the
 * caller's transaction: if the change is rolled back, so is its entry.
 */
@Service
@Transactional
public class AuditLog {

    private static final int CHUNK = 1_000;

    private final Appender appender;
    private final AuditRepository records;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(Appender appender, AuditRepository records, JdbcClient jdbc, Clock clock) {
        this.appender = appender;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an entry for the signed-in person (or the system).
     *
     * @param action  what happened, e.g. {@code score.submitted}
     * @param subject what it happened to, e.g. {@code submission C-7F3K / task 2}
     * @param details the facts, e.g. the new values
     * @param reason  why, when the person gave a reason
     */
    @PreAuthorize("isAuthenticated()")
    public AuditEntry record(String action, String subject, String details, String reason) {
        return view(appender.append(clock.instant(), SystemAuthentication.currentName(), action, subject, details,
                reason));
    }

    /**
     * Records a sign-in attempt. Nobody is signed in yet when it happens, so the caller names the actor (the
     * account's email, or a placeholder for emails with no account). Only {@code sign_in.*} actions.
     */
    @PreAuthorize("permitAll()")
    public AuditEntry recordSignIn(String actor, String action, String subject, String details) {
        if (action == null || !action.startsWith("sign_in.")) {
            throw new IllegalArgumentException("Only sign-in events are recorded without a signed-in person");
        }
        return view(appender.append(clock.instant(), actor, action, subject, details, null));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        int size = Math.max(1, limit);
        return records.findAll(matching(filter), PageRequest.of(offset / size, size, Sort.by(Sort.Direction.DESC, "id")))
                .map(AuditLog::view).getContent();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        return records.count(matching(filter));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<String> actions() {
        return records.findActions();
    }

    /**
     * Recomputes every entry's hash in order and checks that each points at the one before, that none is
     * missing, and that the chain ends where the head says it does.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        String expectedPrevious = AuditRecord.GENESIS;
        long expectedId = 1;
        long checked = 0;
        List<AuditRecord> chunk = records.findChunk(0, PageRequest.of(0, CHUNK));
        while (!chunk.isEmpty()) {
            for (AuditRecord r : chunk) {
                if (r.getId() != expectedId) {
                    return new ChainCheck(false, checked, expectedId, "entry " + expectedId + " is missing");
                }
                if (!r.getPreviousHash().equals(expectedPrevious)) {
                    return new ChainCheck(false, checked, r.getId(), "entry " + r.getId()
                            + " does not follow the entry before it");
                }
                if (!r.computeHash().equals(r.getHash())) {
                    return new ChainCheck(false, checked, r.getId(), "entry " + r.getId()
                            + " was changed after it was written");
                }
                expectedPrevious = r.getHash();
                expectedId++;
                checked++;
            }
            chunk = records.findChunk(expectedId - 1, PageRequest.of(0, CHUNK));
        }
        var head = jdbc.sql("select last_id, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        if ((long) head[0] != expectedId - 1 || !head[1].equals(expectedPrevious)) {
            return new ChainCheck(false, checked, expectedId, "the newest entries are missing (the log should end at entry "
                    + head[0] + ")");
        }
        return new ChainCheck(true, checked, null, null);
    }

    private static Specification<AuditRecord> matching(AuditFilter f) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (f.actor() != null && !f.actor().isBlank()) {
                where.add(cb.like(cb.lower(root.get("actor")), SearchText.containsPattern(f.actor()), SearchText.ESCAPE));
            }
            if (f.action() != null && !f.action().isBlank()) {
                where.add(cb.equal(root.get("action"), f.action()));
            }
            if (f.subject() != null && !f.subject().isBlank()) {
                where.add(cb.like(cb.lower(root.get("subject")), SearchText.containsPattern(f.subject()),
                        SearchText.ESCAPE));
            }
            if (f.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), f.from()));
            }
            if (f.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), f.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static AuditEntry view(AuditRecord r) {
        return new AuditEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getSubject(), r.getDetails(),
                r.getReason(), r.getPreviousHash(), r.getHash());
    }
}
