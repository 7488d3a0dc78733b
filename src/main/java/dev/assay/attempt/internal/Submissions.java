package dev.assay.attempt.internal;

import dev.assay.attempt.AttemptSubmitted;
import dev.assay.invitation.port.CandidateRecords;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way an attempt gets submitted, whoever triggers it (the candidate, a page reopening an
 * overdue attempt, the scheduler): marks the attempt and its invitation, and announces the submission.
 */
@Component
public class Submissions {

    private final CandidateRecords invitations;
    private final ApplicationEventPublisher events;

    Submissions(CandidateRecords invitations, ApplicationEventPublisher events) {
        this.invitations = invitations;
        this.events = events;
    }

    public void submit(Attempt attempt, Instant now, boolean automatically) {
        attempt.submit(now, automatically);
        invitations.recordSubmitted(attempt.getInvitationId());
        events.publishEvent(new AttemptSubmitted(attempt.getId(), attempt.getInvitationId(), attempt.getAssessmentId(), now));
    }
}
