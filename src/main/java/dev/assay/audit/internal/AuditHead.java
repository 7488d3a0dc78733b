package dev.assay.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the last entry's id and hash. Appending locks this single row, so entries are
 * numbered and chained one after another even when many requests record at once.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    private Integer id;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    AuditRecord append(java.time.Instant at, String actor, String action, String subject, String details,
            String reason) {
        AuditRecord record = AuditRecord.next(lastId + 1, at, actor, action, subject, details, reason, lastHash);
        lastId = record.getId();
        lastHash = record.getHash();
        return record;
    }
}
