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
    JdbcClient jdbc;

    @Test
    void entriesChainOneAfterAnotherAndTheChainVerifies() {
        String subject = "submission C-" + UUID.randomUUID().toString().substring(0, 6);
        AuditEntry first = audit.record("score.submitted", subject, "criterion workflow-thinking: 4", null);
        AuditEntry second = audit.record("score.changed", subject, "criterion workflow-thinking: 4 -> 3", "Misread step 3");

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
        AuditEntry entry = audit.record("identity.revealed", "assessment 7", "names shown to the panel", "Review closed");
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

        AuditEntry last = audit.record("assignment.created", "submission C-X", "reviewer 3", null);
        jdbc.sql("delete from audit_entry where id = :id").param("id", last.id()).update();
        try {
            ChainCheck truncated = audit.verify();
            assertThat(truncated.intact()).isFalse();
            assertThat(truncated.problem()).contains("newest entries are missing");
        } finally {
            jdbc.sql("insert into audit_entry (id, occurred_at, actor, action, subject, details, reason, previous_hash, hash) "
                    + "values (:id, :at, :actor, :action, :subject, :details, null, :prev, :hash)")
                    .param("id", last.id()).param("at", java.sql.Timestamp.from(last.at())).param("actor", last.actor())
                    .param("action", last.action()).param("subject", last.subject()).param("details", last.details())
                    .param("prev", last.previousHash()).param("hash", last.hash()).update();
        }
        assertThat(audit.verify().intact()).isTrue();
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
                        SystemAuthentication.runAs("SYSTEM", () -> audit.record("test.concurrent", "thread " + thread,
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
}
