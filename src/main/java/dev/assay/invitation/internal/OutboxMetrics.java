package dev.assay.invitation.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The outbox's meters, read from the database when scraped, so every node reports the same. */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        Gauge.builder("assay.outbox.backlog", () -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_message WHERE delivery = 'PENDING'", Long.class))
                .description("Outbox messages waiting to be sent").register(registry);
        Gauge.builder("assay.outbox.oldest.age", () -> {
            Timestamp oldest = jdbc.queryForObject(
                    "SELECT MIN(created_at) FROM outbox_message WHERE delivery = 'PENDING'", Timestamp.class);
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toLocalDateTime()
                    .toInstant(java.time.ZoneOffset.UTC), clock.instant()).toSeconds());
        }).description("Age of the oldest message waiting to be sent").baseUnit("seconds").register(registry);
    }
}
