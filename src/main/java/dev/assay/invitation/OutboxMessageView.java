package dev.assay.invitation;

import java.time.Instant;

/** A message in the outbox: what was (or is to be) mailed, and how delivery went. */
public record OutboxMessageView(long id, String recipient, String subject, String body, String deliveryStatus,
        String deliveryDetail, Instant createdAt, Instant sentAt) {
}
