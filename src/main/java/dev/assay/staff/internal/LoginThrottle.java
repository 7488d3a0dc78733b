package dev.assay.staff.internal;

import dev.assay.base.ClusterJobs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in throttle, one database row per typed email (so restarts and several nodes agree). Every
 * sign-in first takes a slot ({@link #begin}) while holding the row's lock: at most
 * {@link ThrottlePolicy#MAX_FAILURES} passwords are ever checked in a window, however many requests arrive
 * at once, because a slot counts as a failure until the password proves right. The failure that uses up the
 * last slot writes the pause in the same locked update. Each step is its own short transaction, so no lock
 * is held while the password hash is computed.
 */
@Component
public class LoginThrottle {

    /** Whether a sign-in may go on to check the password. */
    public enum Slot { GRANTED, PAUSED }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ThrottlePolicy policy = ThrottlePolicy.standard();

    private final ClusterJobs cluster;

    LoginThrottle(JdbcClient jdbc, Clock clock, ClusterJobs cluster) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cluster = cluster;
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String key) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_throttle where username_key = ?")
                .param(key)
                .query((rs, row) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now));
    }

    /** Takes a slot for one sign-in attempt, or says that sign-in is paused for the email. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Slot begin(String key) {
        Instant now = clock.instant();
        Row row = lock(key, now);
        if (row.lockedUntil != null && row.lockedUntil.isAfter(now)) {
            return Slot.PAUSED;
        }
        int attempts = row.windowStart.isBefore(policy.windowStart(now)) ? 0 : row.attempts;
        if (policy.locksAfter(attempts)) {
            // Every slot of the window is taken by attempts still being checked: refuse, as a pause would.
            return Slot.PAUSED;
        }
        jdbc.sql("update login_throttle set attempts = ?, window_start = ?, locked_until = null where username_key = ?")
                .params(attempts + 1, Timestamp.from(attempts == 0 ? now : row.windowStart), key).update();
        return Slot.GRANTED;
    }

    /** The password was wrong; returns true when this failure paused sign-in for the email. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean failed(String key) {
        Instant now = clock.instant();
        Row row = lock(key, now);
        if (row.lockedUntil != null && row.lockedUntil.isAfter(now)) {
            return false;
        }
        if (!policy.locksAfter(row.attempts)) {
            return false;
        }
        jdbc.sql("update login_throttle set attempts = 0, window_start = ?, locked_until = ? where username_key = ?")
                .params(Timestamp.from(now), Timestamp.from(policy.lockedUntil(now)), key).update();
        return true;
    }

    /** The password was right, or an administrator lifted the pause: the email starts afresh. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(String key) {
        jdbc.sql("delete from login_throttle where username_key = ?").param(key).update();
    }

    /** Forgets emails that are neither paused nor within a window, so typo'd or hostile emails don't pile up. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void scheduled() {
        cluster.runOnce("login-throttle-purge", Duration.ofMinutes(10), Duration.ofMinutes(30), this::purgeExpired);
    }

    /** One statement, so its own transaction when called from {@link #scheduled()}. */
    @Transactional
    public void purgeExpired() {
        Instant now = clock.instant();
        jdbc.sql("delete from login_throttle where (locked_until is null or locked_until < ?) and window_start < ?")
                .params(Timestamp.from(now), Timestamp.from(policy.windowStart(now).minus(Duration.ofMinutes(1))))
                .update();
    }

    private record Row(int attempts, Instant windowStart, Instant lockedUntil) {
    }

    /**
     * The email's row, locked until the transaction ends; created first if missing. Concurrent first attempts
     * both insert-or-update, which takes the row's exclusive lock, so they queue instead of failing.
     */
    private Row lock(String key, Instant now) {
        jdbc.sql("insert into login_throttle (username_key, attempts, window_start) values (?, 0, ?) "
                + "on duplicate key update username_key = username_key")
                .params(key, Timestamp.from(now)).update();
        return jdbc.sql("select attempts, window_start, locked_until from login_throttle where username_key = ? "
                + "for update")
                .param(key)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
    }
}
