package dev.assay.privacy;

import dev.assay.attempt.port.CandidateData;
import dev.assay.audit.port.AuditTrail;
import dev.assay.decision.port.DecisionRecords;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.review.port.CandidateReviews;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Removes one candidate's data through each module's port, for erasure on request and for retention. */
@Component
class CandidateForgetting {

    private final CandidateRecords invitations;
    private final CandidateData attempts;
    private final CandidateReviews reviews;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final dev.assay.integration.port.IntegrationRecords integrations;

    CandidateForgetting(CandidateRecords invitations, CandidateData attempts, CandidateReviews reviews,
            DecisionRecords decisions, AuditTrail audit, dev.assay.integration.port.IntegrationRecords integrations) {
        this.integrations = integrations;
        this.invitations = invitations;
        this.attempts = attempts;
        this.reviews = reviews;
        this.decisions = decisions;
        this.audit = audit;
    }

    /**
     * Who the candidate is and what people wrote about them: decisions' reasons, the reasons in audit entries about
     * them (their text; the digests stay, so the chain verifies), then the invitation's name, email, link, messages
     * and requests, and what an applicant tracking system told Assay about them.
     */
    void personalData(long invitationId) {
        InvitationView who = invitations.identity(invitationId);
        Optional<Long> submission = reviews.submission(invitationId);
        submission.ifPresent(decisions::forget);
        List<String> subjects = new ArrayList<>(List.of("candidate " + who.candidateCode(),
                "submission " + who.candidateCode(), "invitation " + invitationId));
        submission.ifPresent(s -> subjects.add("submission " + s));
        audit.forgetReasons(subjects);
        invitations.forget(invitationId);
        integrations.forget(invitationId);
    }

    /** What they wrote and what reviewers wrote about it. */
    void answers(long invitationId) {
        attempts.forgetAnswers(invitationId);
        reviews.forget(invitationId);
    }

    void transcripts(long invitationId) {
        attempts.forgetTranscripts(invitationId);
    }

    void signals(long invitationId) {
        attempts.forgetSignals(invitationId);
    }

    void selfIdentification(long invitationId) {
        attempts.forgetSelfIdentification(invitationId);
    }

    /** Erasure on request: everything but the counted signals, levels, outcomes and codes. */
    void erase(long invitationId) {
        selfIdentification(invitationId);
        transcripts(invitationId);
        answers(invitationId);
        personalData(invitationId);
    }
}
