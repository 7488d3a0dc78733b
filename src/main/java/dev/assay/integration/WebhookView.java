package dev.assay.integration;

import java.time.Instant;
import java.util.Set;

/**
 * A webhook endpoint as an admin sees it (never its secret), with its deliveries waiting for a retry, given up, and
 * the last one attempted.
 */
public record WebhookView(long id, String url, String description, Set<WebhookEvent> events, boolean active,
        String createdBy, Instant createdAt, int pending, int failed, Instant lastAttemptAt, Integer lastStatus) {
}
