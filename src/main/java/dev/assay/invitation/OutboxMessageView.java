package dev.assay.invitation;

import java.time.Instant;

/**
 * A message in the outbox: what was (or is to be) mailed, how delivery went, which assessment it belongs to,
 * and where the candidate has got to since ({@code candidateStatus}; null for mail not tied to an invitation).
 */
public record OutboxMessageView(long id, String recipient, String subject, String body, String deliveryStatus,
        String deliveryDetail, Instant createdAt, Instant sentAt, String assessmentTitle,
        InvitationStatus candidateStatus) {

    /** Not mailed by Assay (held, or not yet sent), yet the candidate has used the link: it was passed on. */
    public boolean passedOn() {
        return ("HELD".equals(deliveryStatus) || "PENDING".equals(deliveryStatus)) && candidateStatus != null && candidateStatus != InvitationStatus.SENT
                && candidateStatus != InvitationStatus.EXPIRED && candidateStatus != InvitationStatus.REVOKED;
    }
}
