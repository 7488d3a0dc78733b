package dev.assay.review.internal;

import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationStatus;
import dev.assay.taskbank.AssessmentActivity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the assessments list how many were invited and submitted, and whether scoring has closed. */
@Component
class ReviewActivity implements AssessmentActivity {

    private final InvitationService invitations;
    private final ReviewPanelRepository panels;

    ReviewActivity(InvitationService invitations, ReviewPanelRepository panels) {
        this.invitations = invitations;
        this.panels = panels;
    }

    @Override
    @PreAuthorize("hasRole('RECRUITER')")
    @Transactional(readOnly = true)
    public Map<Long, Progress> progress(Collection<Long> assessmentIds) {
        Map<Long, Progress> progress = new LinkedHashMap<>();
        for (long id : assessmentIds) {
            progress.put(id, new Progress(invitations.count(id, null, null),
                    invitations.count(id, InvitationStatus.SUBMITTED, null),
                    panels.findById(id).map(ReviewPanel::isClosed).orElse(false)));
        }
        return progress;
    }
}
