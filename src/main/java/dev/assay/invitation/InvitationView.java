package dev.assay.invitation;

import java.time.Instant;

/** An invitation as the recruiter's grid shows it; {@code updatedAt} is when anything about it last changed. */
public record InvitationView(long id, long assessmentId, String candidateCode, String name, String email,
        int accommodationPercent, Instant startDeadline, InvitationStatus status, Instant lastSentAt,
        Instant openedAt, Instant updatedAt) {
}
