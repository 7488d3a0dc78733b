package dev.assay.audit.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends to the chain inside the caller's transaction, so an entry exists exactly when its change does. */
@Component
public class Appender {

    private final AuditHeadRepository heads;
    private final AuditRepository records;
    private final AuditSeal seal;

    Appender(AuditHeadRepository heads, AuditRepository records, AuditSeal seal) {
        this.heads = heads;
        this.records = records;
        this.seal = seal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditRecord append(Instant at, String actor, String action, String subject, String details, String reason) {
        AuditHead head = heads.lockHead().orElseThrow(() -> new IllegalStateException("The audit chain has no head row"));
        AuditRecord record = head.append(at, actor, action, subject, details, reason);
        record.seal(seal);
        return records.save(record);
    }
}
