package dev.assay.review.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reviews assigned and not yet submitted, across all nodes. */
@Component
class ReviewMetrics {

    ReviewMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        Gauge.builder("assay.reviews.waiting", () -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM review_assignment WHERE status IN ('ASSIGNED', 'DRAFT')", Long.class))
                .description("Reviews assigned and not yet submitted").register(registry);
    }
}
