package dev.assay.integration.api;

import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationField;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankingService;
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
 * started, submitted, expired or revoked; {@code .../revoke} and {@code .../resend} (scope invite) act on it; and
 * {@code .../result} (scope read) gives the candidate's result once the review is closed.
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

    /** The body of a re-send: a new start deadline, ISO-8601 (default: 14 days from now). */
    public record Resend(String startBy) {
    }

    /**
     * A candidate's result once the review is closed: the band (null when bands could not be formed), the position,
     * the adjusted and raw weighted scores with standard errors (null where there is no error estimate), the mean
     * level per rubric criterion, how many reviews it rests on, and the decision if a recruiter recorded one.
     */
    public record Result(long invitationId, String candidateCode, Integer band, int position, int candidates,
            double adjustedScore, Double adjustedStandardError, double rawScore, Double rawStandardError,
            boolean adjustedForSeverity, int reviews, Map<String, Double> criterionMeans, String decision,
            String decisionReason, String decidedAt) {
    }

    private final InvitationService invitations;
    private final RankingService rankings;
    private final DecisionService decisions;
    private final Clock clock;

    InvitationsApi(InvitationService invitations, RankingService rankings, DecisionService decisions, Clock clock) {
        this.invitations = invitations;
        this.rankings = rankings;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Stops the candidate's link from working (scope invite). */
    @PostMapping("/api/v1/invitations/{invitationId}/revoke")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> revoke(@PathVariable long invitationId) {
        if (find(invitationId) == null) {
            return notFound(invitationId);
        }
        try {
            return ResponseEntity.ok(Invitation.of(invitations.revoke(invitationId), null));
        } catch (InvitationException e) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "invitation-refused", "Invitation refused", e.getMessage());
        }
    }

    /** Issues and mails a new link (the previous one stops working), with a new start deadline (scope invite). */
    @PostMapping("/api/v1/invitations/{invitationId}/resend")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> resend(@PathVariable long invitationId, @RequestBody(required = false) Resend body) {
        if (find(invitationId) == null) {
            return notFound(invitationId);
        }
        Instant startBy = startBy(body == null ? null : body.startBy());
        try {
            IssuedInvitation issued = invitations.resend(invitationId, startBy);
            return ResponseEntity.ok(Invitation.of(issued.invitation(), issued.link()));
        } catch (InvitationException e) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "invitation-refused", "Invitation refused", e.getMessage());
        }
    }

    /**
     * The candidate's result (scope read), only once the assessment's review is closed: before that scores may still
     * move and the panel is blind, so the answer is {@code 409 result-not-ready}.
     */
    @GetMapping("/api/v1/invitations/{invitationId}/result")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    public ResponseEntity<?> result(@PathVariable long invitationId) {
        InvitationView v = find(invitationId);
        if (v == null) {
            return notFound(invitationId);
        }
        AssessmentRanking ranking = rankings.ranking(v.assessmentId(), RankingService.DEFAULT_CONFIDENCE);
        AssessmentRanking.Candidate c = ranking.candidates().stream()
                .filter(x -> x.candidateCode().equals(v.candidateCode())).findFirst().orElse(null);
        if (!ranking.identitiesVisible() || c == null) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "result-not-ready", "Result not ready", c == null
                    ? "This candidate has no reviewed submission yet."
                    : "Results are available once the assessment's review is closed.");
        }
        Decision d = decisions.current(v.assessmentId()).get(c.submissionId());
        return ResponseEntity.ok(new Result(invitationId, v.candidateCode(), c.band() == 0 ? null : c.band(),
                c.position(), ranking.candidates().size(), c.adjusted(), finite(c.adjustedSe()), c.raw(),
                finite(c.rawSe()), c.adjustedBySeverity(), c.reviews(), c.criterionMeans(),
                d == null ? null : d.outcome().name().toLowerCase(Locale.ROOT), d == null ? null : d.reason(),
                d == null ? null : d.decidedAt().toString()));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private InvitationView find(long invitationId) {
        return invitations.identities(List.of(invitationId)).get(invitationId);
    }

    private static ResponseEntity<ProblemDetail> notFound(long invitationId) {
        return ApiErrors.problem(HttpStatus.NOT_FOUND, "not-found", "No such invitation",
                "There is no invitation " + invitationId + ".");
    }

    private Instant startBy(String text) {
        try {
            return text == null || text.isBlank() ? clock.instant().plus(DEFAULT_START_WINDOW) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startBy must be an ISO-8601 time such as 2026-12-20T17:00:00Z.");
        }
    }

    @PostMapping("/api/v1/assessments/{assessmentId}/invitations")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> invite(@PathVariable long assessmentId, @RequestBody NewCandidate body) {
        Instant startBy = startBy(body.startBy());
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
        InvitationView v = find(invitationId);
        return v == null ? notFound(invitationId) : ResponseEntity.ok(Invitation.of(v, null));
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
