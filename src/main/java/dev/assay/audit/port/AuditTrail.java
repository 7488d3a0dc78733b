package dev.assay.audit.port;

import dev.assay.audit.AuditEntry;

/**
 * Appends to the hash-chained audit log, in the caller's transaction: if the change is rolled back, so is
 * its entry. The actor is the signed-in person, or {@code system} for work the application does by itself
 * (a submission taken into review after it committed, a scheduled job).
 */
public interface AuditTrail {

    /**
     * @param action  what happened, e.g. {@code score.submitted}
     * @param subject what it happened to, e.g. {@code submission C-7F3K / task 2}
     * @param details the facts, e.g. the new values
     * @param reason  why, when the person gave a reason
     */
    AuditEntry record(String action, String subject, String details, String reason);

    /**
     * Records something a candidate did through their own link (no staff member is signed in): the actor is
     * "candidate (own link)" and the subject names the invitation. Only {@code candidate.} actions.
     */
    AuditEntry recordByCandidate(String action, String subject, String details);

    /**
     * Records a sign-in attempt. Nobody is signed in yet when it happens, so the caller names the actor (the
     * account's email, or a placeholder for emails with no account). Only {@code sign_in.*} actions.
     */
    AuditEntry recordSignIn(String actor, String action, String subject, String details);

    /**
     * Removes the text of the reasons recorded under these subjects (erasure of the candidate they are about). The
     * entries stay, with their digests, so the chain still verifies; reasons of entries written before digests
     * existed cannot be removed without breaking it and are left. Returns how many reasons were removed.
     */
    int forgetReasons(java.util.Collection<String> subjects);
}
