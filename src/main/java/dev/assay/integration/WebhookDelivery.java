package dev.assay.integration;

import java.time.Instant;

/**
 * One event sent (or to be sent) to one endpoint: its message id (the {@code webhook-id} header, the same on every
 * attempt), the event, where it stands, how many attempts were made and what the last one got back: an HTTP status,
 * or the error that kept it from getting one.
 */
public record WebhookDelivery(long id, long endpointId, String messageId, String event, Instant createdAt, State state,
        int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
        Integer lastMillis, Instant deliveredAt, String payload) {

    /** Pending (first attempt or a retry due), delivered (a 2xx answer) or failed (given up after a day). */
    public enum State {
        PENDING, DELIVERED, FAILED
    }
}
