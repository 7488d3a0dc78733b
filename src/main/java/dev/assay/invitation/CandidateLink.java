package dev.assay.invitation;

import java.time.Instant;

/**
 * What a candidate's link leads to. {@code state} says whether it can be used; the other fields are
 * present only for a link that belongs to an invitation.
 */
public record CandidateLink(State state, Long invitationId, Long assessmentId, String candidateName,
        int accommodationPercent, Instant startDeadline, String contact) {

    public enum State {
        /** Usable: not yet started, or started and not submitted. */
        VALID,
        /** No invitation has this link (mistyped, or replaced by a newer link). */
        UNKNOWN,
        /** Not started before its start deadline. */
        EXPIRED,
        /** Revoked by the recruiter. */
        REVOKED,
        /** Already submitted. */
        SUBMITTED
    }

    public static CandidateLink unknown() {
        return new CandidateLink(State.UNKNOWN, null, null, null, 0, null, null);
    }
}
