package dev.assay.invitation.port;

import dev.assay.invitation.InvitationView;
import java.util.Collection;
import java.util.Map;

/** The invitation's side of a candidate's progress, and who a candidate is. */
public interface CandidateRecords {

    /**
     * Who a candidate is. Callers pass it on only to people allowed to see it: review reveals identities
     * once a recruiter has closed the review, never before.
     */
    InvitationView identity(long invitationId);

    /** {@link #identity} for many invitations in one query, by invitation id; ids that do not exist are absent. */
    Map<Long, InvitationView> identities(Collection<Long> invitationIds);

    /** Records that the candidate started; called by the attempt when it begins, in its transaction. */
    void recordStarted(long invitationId);

    /** Records that the candidate's attempt was submitted (by them or at the deadline). */
    void recordSubmitted(long invitationId);
}
