package dev.assay.base;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a unit of work again when the database gave up on its transaction because of another one: an InnoDB
 * deadlock, a lock wait timeout, or a Galera / InnoDB Cluster certification failure (reported with the deadlock
 * error, 1213, when two nodes changed the same row at once). Those failures roll the whole transaction back and
 * change nothing, so running it again is safe; any other failure is passed on at once.
 *
 * <p>Only for work that opens its own transaction (a service call from a page or a job): inside a transaction the
 * retry could not start afresh, so there it runs the work once.
 */
public final class Conflicts {

    private static final Logger log = LoggerFactory.getLogger(Conflicts.class);
    /** Three runs in all; waits of 10–40 ms and 40–160 ms between them. */
    static final int ATTEMPTS = 3;

    private Conflicts() {
    }

    public static <T> T retry(String what, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                long base = 10L << (2 * (attempt - 1));
                log.info("{}: the database rolled back a conflicting transaction (attempt {}); running it again", what,
                        attempt);
                try {
                    Thread.sleep(base + ThreadLocalRandom.current().nextLong(base * 3 + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static void retry(String what, Runnable work) {
        retry(what, () -> {
            work.run();
            return null;
        });
    }

    /** A deadlock, lock wait timeout or certification failure, anywhere in the cause chain. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException || t instanceof CannotAcquireLockException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                // 1213 deadlock (also Galera's certification failure), 1205 lock wait timeout; SQLSTATE 40001.
                if (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205 || "40001".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
