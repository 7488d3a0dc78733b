package dev.assay.attempt.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Candidates with an attempt in progress (started, not submitted, within the deadline), across all nodes. */
@Component
class AttemptMetrics {

    AttemptMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        Gauge.builder("assay.candidates.active", () -> jdbc.queryForObject("SELECT COUNT(*) FROM attempt "
                        + "WHERE submitted_at IS NULL AND deadline >= ?", Long.class,
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .description("Candidates with an attempt in progress").register(registry);
    }
}
