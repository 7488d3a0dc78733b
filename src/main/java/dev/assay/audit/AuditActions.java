package dev.assay.audit;

import java.util.Locale;
import java.util.Map;

/**
 * What an audit action code means in words. Codes such as {@code scorecard.draft_saved} are stored (they are
 * stable, so filters and exports can rely on them); people read the label.
 */
public final class AuditActions {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("assignment.created", "Review assigned"),
            Map.entry("assignment.withdrawn", "Review withdrawn"),
            Map.entry("candidate.imported", "Candidates imported"),
            Map.entry("candidate.invited", "Candidate invited"),
            Map.entry("candidate.link_revoked", "Candidate link revoked"),
            Map.entry("candidate.link_resent", "Candidate link re-sent"),
            Map.entry("candidate.requested", "Candidate asked for an adjustment or another process"),
            Map.entry("candidate.request_handled", "Candidate's request handled"),
            Map.entry("candidate.outcome_queued", "Outcome message queued for a candidate"),
            Map.entry("decision.recorded", "Decision recorded"),
            Map.entry("decision.changed", "Decision changed"),
            Map.entry("conflict.declared", "Conflict of interest declared"),
            Map.entry("identity.revealed", "Candidate names revealed to the panel"),
            Map.entry("panel.updated", "Review panel changed"),
            Map.entry("review.closed", "Review closed"),
            Map.entry("scorecard.draft_saved", "Scorecard draft saved"),
            Map.entry("scorecard.revised", "Scorecard revised"),
            Map.entry("scorecard.submitted", "Scorecard submitted"),
            Map.entry("submission.flagged", "Disagreement flagged"),
            Map.entry("submission.received", "Submission received for review"),
            Map.entry("submission.reconciled", "Scores reconciled"),
            Map.entry("submission.resolved", "Disagreement resolved"),
            Map.entry("staff.created", "Staff account created"),
            Map.entry("staff.updated", "Staff account changed"),
            Map.entry("staff.disabled", "Staff account disabled"),
            Map.entry("staff.enabled", "Staff account enabled"),
            Map.entry("staff.password_reset", "Password reset by an administrator"),
            Map.entry("staff.password_changed", "Password changed"),
            Map.entry("staff.pause_lifted", "Sign-in pause lifted"),
            Map.entry("sign_in.succeeded", "Signed in"),
            Map.entry("sign_in.failed", "Sign-in failed"),
            Map.entry("sign_in.paused", "Sign-in paused after failures"),
            Map.entry("audit.anchored", "Audit chain head published"));

    private AuditActions() {
    }

    /** The action in words; an unknown code is spelled out ("some.new_thing" reads "Some new thing"). */
    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = LABELS.get(code);
        if (known != null) {
            return known;
        }
        String words = code.replace('.', ' ').replace('_', ' ').strip();
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
