package dev.assay.invitation;

import java.time.Instant;

/** Published in the transaction that records the first opening of a candidate's link. */
public record InvitationOpened(long invitationId, long assessmentId, Instant openedAt) {
}
