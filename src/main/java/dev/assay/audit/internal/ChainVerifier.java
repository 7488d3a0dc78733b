package dev.assay.audit.internal;

import dev.assay.audit.ChainCheck;
import dev.assay.base.Sha256;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the audit chain straight from the database (plain SQL, nothing cached): every entry's hash is
 * recomputed, must follow its predecessor, and must carry this installation's seal; entries missing from the
 * middle or the end are found by their numbers and the head row.
 */
@Component
public class ChainVerifier {

    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final AuditSeal seal;

    ChainVerifier(JdbcClient jdbc, AuditSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    private record Row(long id, Instant at, String actor, String action, String subject, String details,
            String reason, String previousHash, String hash, String seal, String reasonDigest) {
    }

    /** @param requireSeals whether an entry without a seal is a break (false only while sealing older entries) */
    public ChainCheck verify(boolean requireSeals) {
        String expectedPrevious = AuditRecord.GENESIS;
        long expectedId = 1;
        long checked = 0;
        List<Row> chunk = chunk(0);
        while (!chunk.isEmpty()) {
            for (Row r : chunk) {
                if (r.id() != expectedId) {
                    return new ChainCheck(false, checked, expectedId, "entry " + expectedId + " is missing");
                }
                if (!r.previousHash().equals(expectedPrevious)) {
                    return new ChainCheck(false, checked, r.id(), "entry " + r.id()
                            + " does not follow the entry before it");
                }
                String hash = AuditRecord.hashOf(r.previousHash(), r.id(), r.at(), r.actor(), r.action(), r.subject(),
                        r.details(), AuditRecord.hashedReason(r.reason(), r.reasonDigest()));
                if (!hash.equals(r.hash())) {
                    return new ChainCheck(false, checked, r.id(), "entry " + r.id() + " was changed after it was written");
                }
                // A reason may be removed (erasure) but not rewritten: what is left must match its digest.
                if (r.reasonDigest() != null && r.reason() != null && !Sha256.hex(r.reason()).equals(r.reasonDigest())) {
                    return new ChainCheck(false, checked, r.id(), "the reason of entry " + r.id()
                            + " was changed after it was written");
                }
                if ((requireSeals || r.seal() != null) && !seal.matches(r.hash(), r.seal())) {
                    return new ChainCheck(false, checked, r.id(), "entry " + r.id() + " does not carry this "
                            + "installation's seal: it was rewritten (with its hashes recomputed) by someone without "
                            + "the seal key, or the key has changed");
                }
                expectedPrevious = r.hash();
                expectedId++;
                checked++;
            }
            chunk = chunk(expectedId - 1);
        }
        var head = jdbc.sql("select last_id, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        if ((long) head[0] != expectedId - 1 || !head[1].equals(expectedPrevious)) {
            return new ChainCheck(false, checked, expectedId, "the newest entries are missing (the log should end at "
                    + "entry " + head[0] + ")");
        }
        return new ChainCheck(true, checked, null, null);
    }

    /** The hash of one entry as stored, to compare with a head published earlier. */
    public java.util.Optional<String> hashOf(long id) {
        return jdbc.sql("select hash from audit_entry where id = ?").param(id).query(String.class).optional();
    }

    /** The newest entry's number and hash, for publishing. */
    public Object[] head() {
        return jdbc.sql("select last_id, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
    }

    private List<Row> chunk(long after) {
        return jdbc.sql("select id, occurred_at, actor, action, subject, details, reason, previous_hash, hash, seal, "
                + "reason_digest "
                + "from audit_entry where id > ? order by id limit " + CHUNK)
                .param(after)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .list();
    }
}
