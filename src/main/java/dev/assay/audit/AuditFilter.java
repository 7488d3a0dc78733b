package dev.assay.audit;

import java.time.Instant;

/** Narrows the audit log; {@code null} fields do not filter. {@code to} is exclusive. */
public record AuditFilter(String actor, String action, String subject, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
