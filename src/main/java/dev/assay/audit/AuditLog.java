package dev.assay.audit;

import dev.assay.audit.internal.AuditRecord;
import dev.assay.audit.internal.AuditRepository;
import dev.assay.audit.internal.ChainVerifier;
import dev.assay.base.SearchText;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets admins read and verify the hash-chained audit log. Modules write to it through
 * {@link dev.assay.audit.port.AuditTrail}.
 */
@Service
@Transactional
public class AuditLog {

    /** What an entry shows for a reason whose text was removed when the candidate it was about was erased. */
    public static final String ERASED_REASON = "(removed when the candidate was erased; its digest remains)";


    private final AuditRepository records;
    private final ChainVerifier verifier;

    AuditLog(AuditRepository records, ChainVerifier verifier) {
        this.records = records;
        this.verifier = verifier;
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

    /** The most entries one export holds; narrow the period for more. */
    public static final int MAX_EXPORT = 200_000;

    /**
     * The entries matching the filter as CSV, oldest first, with their hashes, so an export can be checked
     * against the chain later. Refused above {@link #MAX_EXPORT} entries.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public String csv(AuditFilter filter) {
        long total = records.count(matching(filter));
        if (total > MAX_EXPORT) {
            throw new IllegalArgumentException(String.format("%,d entries match; export at most %,d at a time by "
                    + "choosing a shorter period.", total, MAX_EXPORT));
        }
        dev.assay.base.CsvText out = new dev.assay.base.CsvText();
        out.row(List.of("Entry", "When (UTC)", "Who", "Action", "What happened", "Subject", "Details", "Reason",
                "Previous hash", "Hash"));
        int page = 0;
        while (true) {
            var chunk = records.findAll(matching(filter), PageRequest.of(page++, 1_000, Sort.by("id")));
            for (AuditRecord r : chunk.getContent()) {
                AuditEntry e = view(r);
                out.row(List.of(String.valueOf(e.id()), e.at().toString(), e.actor(), e.action(),
                        AuditActions.label(e.action()), e.subject(), e.details(), e.reason() == null ? "" : e.reason(),
                        e.previousHash(), e.hash()));
            }
            if (!chunk.hasNext()) {
                break;
            }
        }
        return out.toString();
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

    static AuditEntry view(AuditRecord r) {
        return new AuditEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getSubject(), r.getDetails(),
                r.getReason() == null && r.getReasonDigest() != null ? ERASED_REASON : r.getReason(),
                r.getPreviousHash(), r.getHash());
    }
}
