package dev.assay.invitation;

import dev.assay.invitation.internal.Invitation;
import dev.assay.invitation.internal.InvitationRepository;
import dev.assay.invitation.port.CandidateRecords;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitation module's port, and the reads {@link InvitationService} shares with it. Unguarded by
 * design: other modules' services call it after deciding who may act.
 */
@Component
@Transactional
class InvitationPorts implements CandidateRecords {

    private final InvitationRepository invitations;
    private final Clock clock;

    InvitationPorts(InvitationRepository invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public InvitationView identity(long invitationId) {
        return view(load(invitationId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, InvitationView> identities(Collection<Long> invitationIds) {
        if (invitationIds.isEmpty()) {
            return Map.of();
        }
        return invitations.findAllById(invitationIds).stream().collect(Collectors.toMap(Invitation::getId, this::view));
    }

    @Override
    public void recordStarted(long invitationId) {
        load(invitationId).markStarted(clock.instant());
    }

    @Override
    public void recordSubmitted(long invitationId) {
        load(invitationId).markSubmitted(clock.instant());
    }

    InvitationView view(Invitation i) {
        return new InvitationView(i.getId(), i.getAssessmentId(), i.getCandidateCode(), i.getCandidateName(),
                i.getCandidateEmail(), i.getAccommodationPercent(), i.getStartDeadline(), i.status(clock.instant()),
                i.getLastSentAt(), i.getOpenedAt());
    }

    Invitation load(long id) {
        return invitations.findById(id).orElseThrow(() -> new InvitationException("This invitation no longer exists."));
    }
}
