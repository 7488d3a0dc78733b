package dev.assay.integration.api;

import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationField;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations by API: {@code POST /api/v1/assessments/{id}/invitations} invites one candidate (scope invite; the same
 * rules and mail as the portal, audited under the key's name) and answers 201 with the invitation, its candidate
 * link and a {@code Location}; {@code GET /api/v1/invitations/{id}} reads its status (scope read): sent, opened,
 * started, submitted, expired or revoked.
 */
@RestController
public class InvitationsApi {

    /** Without {@code startBy}, a candidate has this long to start. */
    public static final Duration DEFAULT_START_WINDOW = Duration.ofDays(14);

    /** What an integration sends: {@code startBy} is ISO-8601 (default: 14 days from now). */
    public record NewCandidate(String name, String email, Integer accommodationPercent, String startBy) {
    }

    /** An invitation as the API shows it; {@code link} only in the answer to the invitation that created it. */
    public record Invitation(long id, long assessmentId, String candidateCode, String name, String email,
            String status, String startBy, String lastSentAt, String openedAt, String link) {

        static Invitation of(InvitationView v, String link) {
            return new Invitation(v.id(), v.assessmentId(), v.candidateCode(), v.name(), v.email(),
                    v.status().name().toLowerCase(Locale.ROOT), time(v.startDeadline()), time(v.lastSentAt()),
                    time(v.openedAt()), link);
        }

        private static String time(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    private final InvitationService invitations;
    private final Clock clock;

    InvitationsApi(InvitationService invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @PostMapping("/api/v1/assessments/{assessmentId}/invitations")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> invite(@PathVariable long assessmentId, @RequestBody NewCandidate body) {
        Instant startBy;
        try {
            startBy = body.startBy() == null || body.startBy().isBlank()
                    ? clock.instant().plus(DEFAULT_START_WINDOW) : Instant.parse(body.startBy());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startBy must be an ISO-8601 time such as 2026-12-20T17:00:00Z.");
        }
        NewInvitation candidate = new NewInvitation(body.name(), body.email(),
                body.accommodationPercent() == null ? 0 : body.accommodationPercent(), startBy);
        Map<InvitationField, String> problems = invitations.problems(assessmentId, candidate);
        if (!problems.isEmpty()) {
            ProblemDetail p = ApiErrors.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-invitation",
                    "Invitation not valid", String.join(" ", problems.values())).getBody();
            Map<String, String> fields = new LinkedHashMap<>();
            problems.forEach((field, message) -> fields.put(fieldName(field), message));
            p.setProperty("errors", fields);
            return ResponseEntity.unprocessableContent().contentType(org.springframework.http.MediaType
                    .APPLICATION_PROBLEM_JSON).body(p);
        }
        try {
            IssuedInvitation issued = invitations.invite(assessmentId, candidate);
            return ResponseEntity.created(URI.create("/api/v1/invitations/" + issued.invitation().id()))
                    .body(Invitation.of(issued.invitation(), issued.link()));
        } catch (InvitationException e) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "invitation-refused", "Invitation refused", e.getMessage());
        }
    }

    @GetMapping("/api/v1/invitations/{invitationId}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    public ResponseEntity<?> invitation(@PathVariable long invitationId) {
        InvitationView v = invitations.identities(List.of(invitationId)).get(invitationId);
        if (v == null) {
            return ApiErrors.problem(HttpStatus.NOT_FOUND, "not-found", "No such invitation",
                    "There is no invitation " + invitationId + ".");
        }
        return ResponseEntity.ok(Invitation.of(v, null));
    }

    private static String fieldName(InvitationField field) {
        return switch (field) {
            case NAME -> "name";
            case EMAIL -> "email";
            case ACCOMMODATION -> "accommodationPercent";
            case START_DEADLINE -> "startBy";
        };
    }
}
