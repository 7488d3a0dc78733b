package dev.assay.audit;

import dev.assay.base.SystemAuthentication;
import dev.assay.base.SearchText;
import dev.assay.audit.internal.Appender;
import dev.assay.audit.internal.AuditRecord;
import dev.assay.audit.internal.AuditRepository;
import dev.assay.audit.internal.ChainVerifier;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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

    private final Appender appender;
    private final AuditRepository records;
    private final ChainVerifier verifier;
    private final Clock clock;

    AuditLog(Appender appender, AuditRepository records, ChainVerifier verifier, Clock clock) {
        this.appender = appender;
        this.records = records;
        this.verifier = verifier;
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
     * Checks the whole chain from the database: every entry's hash recomputed, each following the one before,
     * each carrying this installation's seal, none missing from the middle or the end.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        return verifier.verify(true);
    }

    /**
     * Checks the chain and that entry {@code id} still has the hash that was published for it earlier (the
     * application log carries the head every hour). A mismatch means history was rewritten after publishing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ChainCheck verify(long id, String publishedHash) {
        ChainCheck chain = verifier.verify(true);
        if (!chain.intact()) {
            return chain;
        }
        String stored = verifier.hashOf(id).orElse(null);
        if (stored == null) {
            return new ChainCheck(false, chain.entriesChecked(), id, "entry " + id + " does not exist");
        }
        if (!stored.equalsIgnoreCase(publishedHash == null ? "" : publishedHash.strip())) {
            return new ChainCheck(false, chain.entriesChecked(), id, "entry " + id + " no longer has the hash "
                    + "published for it: the log was rewritten after that point");
        }
        return chain;
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
