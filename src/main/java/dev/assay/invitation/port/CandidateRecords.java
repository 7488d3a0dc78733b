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

    /** Every invitation sent to this email address (compared as invitations compare them), oldest first. */
    java.util.List<InvitationView> findByEmail(String email);

    /**
     * What the invitation module holds about the candidate of an invitation, for a subject access export: the
     * invitation, their requests, and the messages sent to them (their text with any link removed).
     */
    Map<String, Object> export(long invitationId);

    /**
     * Erases the candidate's personal data from the invitation: the name and email become placeholders, the link
     * stops working, their messages and requests are deleted. The code, the assessment and the dates stay.
     */
    void forget(long invitationId);

    /**
     * Records that something outside the invitation changed what an integration sees about it (the review closed, a
     * decision was recorded), so that it is listed as changed since an earlier time. In the caller's transaction.
     */
    void touch(Collection<Long> invitationIds, java.time.Instant at);

    /** The ids of every invitation of an assessment. */
    java.util.List<Long> invitationIds(long assessmentId);
}
