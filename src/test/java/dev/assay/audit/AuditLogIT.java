package dev.assay.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.base.SystemAuthentication;
import dev.assay.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "ada@assay.example", roles = "ADMIN")
class AuditLogIT extends DatabaseTest {

    @Autowired
    AuditLog audit;

    @Autowired
    dev.assay.audit.port.AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void entriesChainOneAfterAnotherAndTheChainVerifies() {
        String subject = "submission C-" + UUID.randomUUID().toString().substring(0, 6);
        AuditEntry first = trail.record("score.submitted", subject, "criterion workflow-thinking: 4", null);
        AuditEntry second = trail.record("score.changed", subject, "criterion workflow-thinking: 4 -> 3", "Misread step 3");

        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(audit.search(new AuditFilter(null, null, subject, null, null), 0, 10))
                .extracting(AuditEntry::action, AuditEntry::reason, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("score.changed", "Misread step 3", "ada@assay.example"),
                        org.assertj.core.groups.Tuple.tuple("score.submitted", null, "ada@assay.example"));
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aChangedOrMissingEntryIsFoundByVerification() {
        AuditEntry entry = trail.record("identity.revealed", "assessment 7", "names shown to the panel", "Review closed");
        try {
            jdbc.sql("update audit_entry set reason = 'Nothing to see' where id = :id").param("id", entry.id()).update();
            ChainCheck changed = audit.verify();
            assertThat(changed.intact()).isFalse();
            assertThat(changed.firstBrokenId()).isEqualTo(entry.id());
            assertThat(changed.problem()).contains("was changed after it was written");
        } finally {
            jdbc.sql("update audit_entry set reason = 'Review closed' where id = :id").param("id", entry.id()).update();
        }
        assertThat(audit.verify().intact()).isTrue();

        AuditEntry last = trail.record("assignment.created", "submission C-X", "reviewer 3", null);
        String lastSeal = jdbc.sql("select seal from audit_entry where id = :id").param("id", last.id())
                .query(String.class).single();
        jdbc.sql("delete from audit_entry where id = :id").param("id", last.id()).update();
        try {
            ChainCheck truncated = audit.verify();
            assertThat(truncated.intact()).isFalse();
            assertThat(truncated.problem()).contains("newest entries are missing");
        } finally {
            jdbc.sql("insert into audit_entry (id, occurred_at, actor, action, subject, details, reason, previous_hash, "
                    + "hash, seal) values (:id, :at, :actor, :action, :subject, :details, null, :prev, :hash, :seal)")
                    .param("id", last.id()).param("at", java.sql.Timestamp.from(last.at())).param("actor", last.actor())
                    .param("action", last.action()).param("subject", last.subject()).param("details", last.details())
                    .param("prev", last.previousHash()).param("hash", last.hash()).param("seal", lastSeal).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aReasonCanBeErasedWithTheChainIntactButNotRewritten() {
        String subject = "submission C-" + UUID.randomUUID().toString().substring(0, 6);
        AuditEntry entry = trail.record("decision.changed", subject, "Decline (was Advance)", "Zed Zedson withdrew.");
        assertThat(trail.forgetReasons(List.of(subject, "submission nobody"))).isEqualTo(1);
        assertThat(jdbc.sql("select reason from audit_entry where id = :id").param("id", entry.id())
                .query(String.class).optional()).isEmpty();
        assertThat(audit.search(new AuditFilter(null, null, subject, null, null), 0, 10).getFirst().reason())
                .isEqualTo(AuditLog.ERASED_REASON);
        assertThat(audit.verify().intact()).as("the hash covers the reason's digest, which stays").isTrue();

        try {
            jdbc.sql("update audit_entry set reason = 'Something else' where id = :id").param("id", entry.id()).update();
            ChainCheck rewritten = audit.verify();
            assertThat(rewritten.intact()).isFalse();
            assertThat(rewritten.problem()).contains("reason of entry " + entry.id());
        } finally {
            jdbc.sql("update audit_entry set reason = null where id = :id").param("id", entry.id()).update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theLogExportsAsCsvOldestFirstWithItsHashes() {
        String subject = "assessment " + UUID.randomUUID().toString().substring(0, 6);
        AuditEntry first = trail.record("review.closed", subject, "Closed", null);
        AuditEntry second = trail.record("panel.updated", subject, "Reviewers, more", "Another reviewer, \"on leave\"");
        String csv = audit.csv(new AuditFilter(null, null, subject, null, null));
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("\uFEFFEntry,When (UTC),Who,Action");
        assertThat(lines.get(1)).startsWith(first.id() + ",").contains("review.closed").endsWith(first.hash());
        assertThat(lines.get(2)).startsWith(second.id() + ",").contains("\"Another reviewer, \"\"on leave\"\"\"")
                .endsWith(second.hash());
    }

    @Test
    void concurrentRecordingKeepsOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        int n = i;
                        SystemAuthentication.runAs("SYSTEM", () -> trail.record("test.concurrent", "thread " + thread,
                                "entry " + n, null));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(audit.count(new AuditFilter(null, "test.concurrent", null, null, null))).isEqualTo(60);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    @WithMockUser(roles = "RECRUITER")
    void onlyAdminsReadTheLog() {
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditFilter.none())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rewritingAnEntryAndRecomputingEveryLaterHashIsCaughtByTheSeal() {
        AuditEntry target = trail.record("scorecard.submitted", "submission C-REWRITE", "Task 1 · Critique = 2", null);
        AuditEntry after = trail.record("scorecard.submitted", "submission C-AFTER", "Task 1 · Critique = 4", null);
        String original = target.details();
        try {
            // Someone with write access to the database, but not the seal key, rewrites an entry and repairs
            // the hash chain from there on, exactly as the plain chain would require.
            rewrite(target.id(), "Task 1 · Critique = 5");
            ChainCheck check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenId()).isEqualTo(target.id());
            assertThat(check.problem()).contains("does not carry this installation's seal");
        } finally {
            rewrite(target.id(), original);
        }
        assertThat(audit.verify().intact()).isTrue();
        // A head published earlier still matches; a wrong one is reported.
        assertThat(audit.verify(after.id(), after.hash()).intact()).isTrue();
        assertThat(audit.verify(after.id(), target.hash()).problem()).contains("no longer has the hash published");
    }

    /** Changes an entry's details and recomputes its hash and every later hash and the head, as a forger would. */
    private void rewrite(long id, String details) {
        jdbc.sql("update audit_entry set details = :d where id = :id").param("d", details).param("id", id).update();
        String previous = jdbc.sql("select previous_hash from audit_entry where id = :id").param("id", id)
                .query(String.class).single();
        List<Long> ids = jdbc.sql("select id from audit_entry where id >= :id order by id").param("id", id)
                .query(Long.class).list();
        for (long entry : ids) {
            var row = jdbc.sql("select occurred_at, actor, action, subject, details, reason, reason_digest from "
                    + "audit_entry where id = :id")
                    .param("id", entry).query((rs, n) -> new Object[] {
                            rs.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7)})
                    .single();
            String hash = dev.assay.audit.internal.AuditRecord.hashOf(previous, entry, (java.time.Instant) row[0],
                    (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    dev.assay.audit.internal.AuditRecord.hashedReason((String) row[5], (String) row[6]));
            jdbc.sql("update audit_entry set previous_hash = :p, hash = :h where id = :id").param("p", previous)
                    .param("h", hash).param("id", entry).update();
            previous = hash;
        }
        jdbc.sql("update audit_head set last_hash = :h where id = 1").param("h", previous).update();
    }
}
