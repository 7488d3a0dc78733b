package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.support.DatabaseTest;
import dev.assay.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A real InnoDB deadlock between two transactions: the one the database rolls back runs again and succeeds. */
class ConflictsIT extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private void row(String name) {
        jdbc.sql("insert into job_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, 'nobody')")
                .params(name, Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
    }

    private void touch(String name, String by) {
        jdbc.sql("update job_lock set locked_by = ? where name = ?").params(by, name).update();
    }

    @Test
    void theTransactionADeadlockRolledBackRunsAgainAndBothFinish() throws Exception {
        assumeTrue(TestDatabase.get().external(), "InnoDB's deadlock detection: needs the MariaDB test server");
        String a = "conflict-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "conflict-b-" + UUID.randomUUID().toString().substring(0, 8);
        row(a);
        row(b);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger deadlocks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // Each takes one row, waits until the other holds the other row, then wants that one too: a deadlock.
        Future<?> first = pool.submit(() -> Conflicts.retry("test", () -> tx.executeWithoutResult(s -> {
            runs.incrementAndGet();
            touch(a, "first");
            await(bothHoldOne);
            touch(b, "first");
        })));
        Future<?> second = pool.submit(() -> {
            try {
                Conflicts.retry("test", () -> tx.executeWithoutResult(s -> {
                    runs.incrementAndGet();
                    touch(b, "second");
                    await(bothHoldOne);
                    touch(a, "second");
                }));
            } catch (RuntimeException e) {
                deadlocks.incrementAndGet();
                throw e;
            }
        });
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(deadlocks).as("failures that reached the caller").hasValue(0);
        assertThat(runs).as("two transactions, one of them run again").hasValue(3);
        String aBy = jdbc.sql("select locked_by from job_lock where name = ?").param(a).query(String.class).single();
        String bBy = jdbc.sql("select locked_by from job_lock where name = ?").param(b).query(String.class).single();
        assertThat(aBy).as("both rows end with the same transaction's writes, the one that ran last").isEqualTo(bBy);
    }

    @Test
    void otherFailuresAreNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Conflicts.retry("test", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
        assertThat(Conflicts.isTransient(new IllegalStateException(new java.sql.SQLException("x", "40001", 1213))))
                .isTrue();
        assertThat(Conflicts.isTransient(new IllegalStateException(new java.sql.SQLException("x", "23000", 1062))))
                .isFalse();
    }

    private static void await(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
