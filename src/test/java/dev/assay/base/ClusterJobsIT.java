package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.support.DatabaseTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

/** Scheduled jobs run on one node at a time: several "nodes" (lock holders) on the one test database. */
class ClusterJobsIT extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        private volatile Instant now;

        HandClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private ClusterJobs node(String name, Clock clock) {
        return new ClusterJobs(jdbc, transactions, clock, name);
    }

    private static String job() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aJobRunsOnOneNodeAndNotAgainUntilItIsDue() {
        HandClock clock = new HandClock(Instant.parse("2026-12-03T10:00:00Z"));
        ClusterJobs a = node("node-a", clock);
        ClusterJobs b = node("node-b", clock);
        String job = job();
        List<String> ran = new ArrayList<>();

        boolean aRan = a.runOnce(job, Duration.ofMinutes(5), Duration.ofSeconds(10), () -> {
            ran.add("a");
            // While a runs it, b skips it.
            assertThat(b.runOnce(job, Duration.ofMinutes(5), Duration.ofSeconds(10), () -> ran.add("b"))).isFalse();
        });
        assertThat(aRan).isTrue();
        // Finished, but not due again for ten seconds from its start: b still skips.
        clock.advance(Duration.ofSeconds(9));
        assertThat(b.runOnce(job, Duration.ofMinutes(5), Duration.ofSeconds(10), () -> ran.add("b"))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(b.runOnce(job, Duration.ofMinutes(5), Duration.ofSeconds(10), () -> ran.add("b"))).isTrue();
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void aJobHeldByANodeThatDiedIsTakenOverOnceItsLockRunsOut() {
        HandClock clock = new HandClock(Instant.parse("2026-12-03T11:00:00Z"));
        String job = job();
        // A node took the job at 11:00 for at most five minutes and died without releasing it.
        jdbc.sql("insert into job_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, ?)")
                .params(job, Timestamp.from(clock.instant().plus(Duration.ofMinutes(5))),
                        Timestamp.from(clock.instant()), "node-dead").update();
        ClusterJobs b = node("node-b", clock);
        AtomicInteger runs = new AtomicInteger();

        clock.advance(Duration.ofMinutes(4));
        assertThat(b.runOnce(job, Duration.ofMinutes(5), Duration.ofSeconds(10), runs::incrementAndGet)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(b.runOnce(job, Duration.ofMinutes(5), Duration.ofSeconds(10), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(jdbc.sql("select locked_by from job_lock where name = ?").param(job).query(String.class).single())
                .isEqualTo("node-b");
    }

    @Test
    void aJobThatFailsIsReleasedLikeOneThatSucceeded() {
        HandClock clock = new HandClock(Instant.parse("2026-12-03T12:00:00Z"));
        ClusterJobs a = node("node-a", clock);
        String job = job();
        try {
            a.runOnce(job, Duration.ofMinutes(30), Duration.ofSeconds(10), () -> {
                throw new IllegalStateException("planted failure");
            });
        } catch (IllegalStateException expected) {
            // the job's own failure reaches the scheduler, which logs it
        }
        clock.advance(Duration.ofSeconds(10));
        // Not held for the thirty minutes of atMostFor: due again after ten seconds.
        assertThat(node("node-b", clock).runOnce(job, Duration.ofMinutes(30), Duration.ofSeconds(10), () -> { }))
                .isTrue();
    }

    @Test
    void nodesStartingTheSameJobAtTheSameInstantRunItOnce() throws Exception {
        HandClock clock = new HandClock(Instant.parse("2026-12-03T13:00:00Z"));
        AtomicInteger runs = new AtomicInteger();
        for (int round = 0; round < 5; round++) {
            String job = job();
            int nodes = 8;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                ClusterJobs node = node("node-" + n, clock);
                results.add(pool.submit(() -> {
                    go.await();
                    return node.runOnce(job, Duration.ofMinutes(5), Duration.ofMinutes(1), () -> {
                        runs.incrementAndGet();
                        sleep(50);
                    });
                }));
            }
            go.countDown();
            int ran = 0;
            for (Future<Boolean> r : results) {
                ran += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(ran).as("nodes that ran job %s", job).isEqualTo(1);
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(runs).hasValue(5);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
