package dev.assay.base;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job on one node of the cluster at a time. Every node schedules the same jobs; before running
 * one, a node takes the job's row in {@code job_lock} with a conditional update (only when the row's
 * {@code locked_until} has passed), runs the job, and then keeps the row until {@code notAgainFor} after the
 * start, so the other nodes skip the job until it is due again. A node that dies while running a job holds it
 * until {@code atMostFor} after it started, then another node takes it.
 *
 * <p>The update is an ordinary row write in its own short transaction: it works the same on MySQL, MariaDB,
 * Galera and InnoDB Cluster (no table locks and no named locks, which are local to one server) and on the embedded database. This is
 * the design of ShedLock's JDBC provider, which does not resolve in this build's repositories. Background work
 * only: never called inside a request.
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final Clock clock;
    private final String node;

    ClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${assay.node-name:}") String configuredName) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.node = nodeName(configuredName);
    }

    /** This node's name in locks and leases: host, process id and a random suffix (unique per start). */
    public String node() {
        return node;
    }

    /**
     * Runs the job here if no other node runs it or ran it within {@code notAgainFor}; returns whether it ran.
     * {@code atMostFor} must exceed the job's longest run: past it, another node may start the job as well.
     */
    public boolean runOnce(String name, Duration atMostFor, Duration notAgainFor, Runnable job) {
        // Milliseconds: what every database here stores exactly, so the release finds the row by its start.
        Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!take(name, start, atMostFor)) {
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            release(name, start, notAgainFor);
        }
    }

    private boolean take(String name, Instant now, Duration atMostFor) {
        Integer taken = separate.execute(status -> {
            return jdbc.sql("update job_lock set locked_until = ?, locked_at = ?, locked_by = ? "
                    + "where name = ? and locked_until <= ?")
                    .params(Timestamp.from(now.plus(atMostFor)), Timestamp.from(now), node, name, Timestamp.from(now))
                    .update();
        });
        if (taken != null && taken == 1) {
            return true;
        }
        try {
            // The first run anywhere: the row does not exist yet. Two nodes inserting at once: one wins.
            Integer inserted = separate.execute(status -> jdbc.sql(
                    "insert into job_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, ?)")
                    .params(name, Timestamp.from(now.plus(atMostFor)), Timestamp.from(now), node).update());
            return inserted != null && inserted == 1;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    private void release(String name, Instant start, Duration notAgainFor) {
        Instant until = start.plus(notAgainFor);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            separate.executeWithoutResult(status -> jdbc.sql(
                    "update job_lock set locked_until = ? where name = ? and locked_by = ? and locked_at = ?")
                    .params(Timestamp.from(until.isAfter(now) ? until : now), name, node, Timestamp.from(start))
                    .update());
        } catch (RuntimeException e) {
            // The lock runs out by itself at atMostFor; nothing is lost but time.
            log.warn("Could not release the cluster lock of job {}: {}", name, e.getMessage());
        }
    }

    private static String nodeName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip().length() > 60 ? configured.strip().substring(0, 60) : configured.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown";
        }
        String name = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
