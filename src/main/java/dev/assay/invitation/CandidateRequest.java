package dev.assay.invitation;

import java.time.Instant;

/**
 * A candidate's request for an adjustment or for another way to be assessed, with who handled it and how.
 * The candidate's name is shown to recruiters, who already see it on the invitation.
 */
public record CandidateRequest(long id, long invitationId, String candidateName, String candidateCode, Kind kind,
        String message, Instant requestedAt, Instant handledAt, String handledBy, String handledNote) {

    /** What is asked for. */
    public enum Kind {
        ADJUSTMENT("An adjustment, such as extra time"),
        ALTERNATIVE("Another way to be assessed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean open() {
        return handledAt == null;
    }
}
