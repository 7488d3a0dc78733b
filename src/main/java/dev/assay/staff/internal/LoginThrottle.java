package dev.assay.staff.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per email in the database (so restarts and several instances agree) and
 * pauses sign-in for an email that fails too often.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ThrottlePolicy policy = ThrottlePolicy.standard();

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Instant> lockedUntil(String key) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_lock where username_key = ?")
                .param(key)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional()
                .filter(until -> until.isAfter(now));
    }

    /** Records a failure; returns true when this failure paused sign-in for the email. */
    @Transactional
    public boolean recordFailure(String key) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (username_key, failed_at) values (?, ?)")
                .params(key, Timestamp.from(now)).update();
        jdbc.sql("delete from login_failure where username_key = ? and failed_at < ?")
                .params(key, Timestamp.from(policy.windowStart(now))).update();
        long failures = jdbc.sql("select count(*) from login_failure where username_key = ?")
                .param(key).query(Long.class).single();
        if (!policy.locksAfter(failures)) {
            return false;
        }
        jdbc.sql("delete from login_lock where username_key = ?").param(key).update();
        jdbc.sql("insert into login_lock (username_key, locked_until) values (?, ?)")
                .params(key, Timestamp.from(policy.lockedUntil(now))).update();
        jdbc.sql("delete from login_failure where username_key = ?").param(key).update();
        return true;
    }

    @Transactional
    public void clear(String key) {
        jdbc.sql("delete from login_failure where username_key = ?").param(key).update();
        jdbc.sql("delete from login_lock where username_key = ?").param(key).update();
    }

    /** Forgets failures and locks that no longer matter, so typo'd or hostile emails don't pile up. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purgeExpired() {
        Instant now = clock.instant();
        jdbc.sql("delete from login_failure where failed_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        jdbc.sql("delete from login_lock where locked_until < ?").param(Timestamp.from(now)).update();
    }
}
