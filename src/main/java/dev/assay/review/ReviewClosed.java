package dev.assay.review;

import java.time.Instant;
import java.util.List;

/**
 * Published in the transaction that closes an assessment's review: from then on its scores are final and results
 * can be read. Names the invitations whose submissions were reviewed, so that listeners need not read them back.
 */
public record ReviewClosed(long assessmentId, Instant closedAt, List<Long> invitationIds) {
}
