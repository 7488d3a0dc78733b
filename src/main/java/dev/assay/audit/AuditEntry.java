package dev.assay.audit;

import java.time.Instant;

/** One recorded action. {@code hash} covers every field and the previous entry's hash. */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String details,
        String reason, String previousHash, String hash) {
}
