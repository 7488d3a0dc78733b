package dev.assay.invitation;

import java.time.Instant;

/** One candidate to invite: name, email, extra time in percent (0 for none) and the deadline to start. */
public record NewInvitation(String name, String email, int accommodationPercent, Instant startDeadline) {
}
