package dev.assay.audit.internal;

import dev.assay.base.Sha256;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A stored audit entry. It is only ever inserted; the one change the application makes is to remove a reason's text
 * when the candidate it is about is erased, which the hash allows because it covers the reason's SHA-256
 * ({@code reason_digest}), not the text. Entries written before the digest existed hash the text itself.
 */
@Entity
@Table(name = "audit_entry")
public class AuditRecord {

    public static final String GENESIS = "0".repeat(64);

    @Id
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 254)
    private String actor;

    @Column(nullable = false, length = 80)
    private String action;

    @Column(nullable = false, length = 200)
    private String subject;

    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String details;

    @Column(length = 2000)
    private String reason;

    /** SHA-256 of the reason, which the hash covers in its place; null without a reason (or on older entries). */
    @Column(name = "reason_digest", length = 64)
    private String reasonDigest;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, length = 64)
    private String hash;

    /** HMAC of the hash under a key outside the database (see {@link AuditSeal}). */
    @Column(length = 64)
    private String seal;

    protected AuditRecord() {
    }

    static AuditRecord next(long id, Instant at, String actor, String action, String subject, String details,
            String reason, String previousHash) {
        AuditRecord r = new AuditRecord();
        r.id = id;
        // Whole seconds: what every supported database stores exactly, so the hash can be recomputed.
        r.occurredAt = at.truncatedTo(ChronoUnit.SECONDS);
        r.actor = actor;
        r.action = action;
        r.subject = subject;
        r.details = details == null ? "" : details;
        r.reason = reason == null || reason.isBlank() ? null : reason.strip();
        r.reasonDigest = r.reason == null ? null : Sha256.hex(r.reason);
        r.previousHash = previousHash;
        r.hash = r.computeHash();
        return r;
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so fields cannot run together. */
    public String computeHash() {
        return hashOf(previousHash, id, occurredAt, actor, action, subject, details, hashedReason(reason, reasonDigest));
    }

    /** What the hash covers for the reason: its digest where there is one, else the text (older entries). */
    public static String hashedReason(String reason, String reasonDigest) {
        return reasonDigest != null ? "sha256:" + reasonDigest : reason;
    }

    public static String hashOf(String previousHash, long id, Instant occurredAt, String actor, String action,
            String subject, String details, String reason) {
        StringBuilder canonical = new StringBuilder();
        for (String part : new String[] {previousHash, String.valueOf(id), occurredAt.toString(), actor, action,
                subject, details == null ? "" : details, reason == null ? "" : reason}) {
            canonical.append(part.length()).append(':').append(part).append('|');
        }
        return Sha256.hex(canonical.toString());
    }

    void seal(AuditSeal with) {
        this.seal = with.seal(hash);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetails() {
        return details;
    }

    public String getReason() {
        return reason;
    }

    public String getReasonDigest() {
        return reasonDigest;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }

    public String getSeal() {
        return seal;
    }
}
