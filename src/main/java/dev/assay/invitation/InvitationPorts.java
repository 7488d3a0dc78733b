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
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final dev.assay.invitation.internal.OutboxRepository outbox;

    InvitationPorts(InvitationRepository invitations, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc,
            dev.assay.invitation.internal.OutboxRepository outbox) {
        this.outbox = outbox;
        this.invitations = invitations;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<InvitationView> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return java.util.List.of();
        }
        java.util.List<Long> ids = jdbc.sql("select id from invitation where email_key = ? order by id")
                .param(dev.assay.invitation.internal.Emails.key(email)).query(Long.class).list();
        return invitations.findAllById(ids).stream().sorted(java.util.Comparator.comparing(Invitation::getId))
                .map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long invitationId) {
        Invitation i = load(invitationId);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("invitation", jdbc.sql("select id, assessment_id, candidate_code, candidate_name, candidate_email, "
                + "accommodation_percent, start_deadline, created_at, last_sent_at, opened_at, started_at, "
                + "submitted_at, revoked_at from invitation where id = ?").param(invitationId).query().singleRow());
        out.put("requests", jdbc.sql("select kind, message, requested_at, handled_at, handled_note from "
                + "candidate_request where invitation_id = ? order by id").param(invitationId).query().listOfRows());
        // Through the entity, which decrypts bodies that are sealed while they hold a working link.
        out.put("messages", outbox.findByInvitationId(invitationId).stream()
                .sorted(java.util.Comparator.comparing(dev.assay.invitation.internal.OutboxMessage::getId)).map(m -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("subject", m.getSubject());
                    row.put("body", m.getBody() == null ? null
                            : dev.assay.invitation.internal.InvitationMail.redact(m.getBody()));
                    row.put("created_at", m.getCreatedAt());
                    row.put("sent_at", m.getSentAt());
                    return row;
                }).toList());
        out.put("code", i.getCandidateCode());
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Long> invitationIds(long assessmentId) {
        return jdbc.sql("select id from invitation where assessment_id = ? order by id").param(assessmentId)
                .query(Long.class).list();
    }

    @Override
    public void touch(Collection<Long> invitationIds, java.time.Instant at) {
        for (Long id : invitationIds) {
            jdbc.sql("update invitation set updated_at = ? where id = ? and updated_at < ?")
                    .params(java.sql.Timestamp.from(at), id, java.sql.Timestamp.from(at)).update();
        }
    }

    @Override
    public void forget(long invitationId) {
        Invitation i = load(invitationId);
        String code = i.getCandidateCode();
        outbox.deleteAll(outbox.findByInvitationId(invitationId));
        outbox.flush();
        jdbc.sql("delete from candidate_request where invitation_id = ?").param(invitationId).update();
        jdbc.sql("update invitation set candidate_name = ?, candidate_email = ?, email_key = ?, token_hash = ?, "
                + "updated_at = ? where id = ?").params("Erased candidate " + code, "erased-" + code.toLowerCase(java.util.Locale.ROOT)
                        + "@erased.invalid", "erased-" + invitationId + "@erased.invalid",
                        dev.assay.invitation.internal.Tokens.hash(dev.assay.invitation.internal.Tokens.next()),
                        java.sql.Timestamp.from(clock.instant()), invitationId)
                .update();
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
                i.getLastSentAt(), i.getOpenedAt(), i.getUpdatedAt());
    }

    Invitation load(long id) {
        return invitations.findById(id).orElseThrow(() -> new InvitationException("This invitation no longer exists."));
    }
}
