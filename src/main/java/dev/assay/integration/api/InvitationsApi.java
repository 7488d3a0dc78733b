package dev.assay.integration.api;

import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationField;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationStatus;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations by API: {@code POST /api/v1/assessments/{id}/invitations} invites one candidate (scope invite; the same
 * rules and mail as the portal, audited under the key's name) and answers 201 with the invitation, its candidate
 * link and a {@code Location}; {@code GET /api/v1/invitations/{id}} reads its status (scope read): sent, opened,
 * started, submitted, expired or revoked; {@code .../revoke} and {@code .../resend} (scope invite) act on it; and
 * {@code .../result} (scope read) gives the candidate's result once the review is closed.
 */
@RestController
@Tag(name = "Invitations", description = "Invite candidates, follow their progress, read their results.")
public class InvitationsApi {

    /** Without {@code startBy}, a candidate has this long to start. */
    public static final Duration DEFAULT_START_WINDOW = Duration.ofDays(14);

    /** What an integration sends: {@code startBy} is ISO-8601 (default: 14 days from now). */
    public record NewCandidate(String name, String email, Integer accommodationPercent, String startBy) {
    }

    /**
     * An invitation as the API shows it. {@code status} is sent, opened, started, submitted, expired or revoked, and
     * after submission reviewed (the review is closed and the result can be read) or decided (a recruiter recorded
     * a decision); {@code link} is given only in the answer that issued it; {@code result} is the result's path once
     * there is one.
     */
    public record Invitation(long id, long assessmentId, String candidateCode, String name, String email,
            String status, String startBy, String lastSentAt, String openedAt, String updatedAt, String link,
            String result) {

        static Invitation of(InvitationView v, String status, String link) {
            boolean resulted = "reviewed".equals(status) || "decided".equals(status);
            return new Invitation(v.id(), v.assessmentId(), v.candidateCode(), v.name(), v.email(), status,
                    time(v.startDeadline()), time(v.lastSentAt()), time(v.openedAt()), time(v.updatedAt()), link,
                    resulted ? "/api/v1/invitations/" + v.id() + "/result" : null);
        }

        private static String time(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    /** Many candidates at once: the same rules as the portal's CSV upload, all or nothing. */
    public record NewCandidates(List<NewCandidate> candidates, String startBy) {
    }

    /** What a bulk invitation made, in the order sent, each with its candidate link. */
    public record Invited(List<Invitation> items) {
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
            boolean adjustedForSeverity, int reviews, Map<String, Double> criterionMeans,
            List<PlantedFlaws> plantedFlaws, List<AssistantFlaws> assistantFlaws, String decision,
            String decisionReason, String decidedAt, String reportUrl, String reportExpiresAt) {
    }

    /**
     * The planted-flaw check on one critique task ({@code task} counts from 1, as the rank card does): how many flaws the AI output held, how many the candidate flagged
     * (and with the right category), and how many flags fell on sound text.
     */
    public record PlantedFlaws(int task, String title, int planted, long found, long categoryMatched,
            int falseAlarms, double recall, double precision) {
    }

    /**
     * What one AI-collaboration task showed ({@code task} counts from 1): how many planted mistakes the assistant served, how many the candidate
     * corrected, and how many reached the deliverable uncorrected.
     */
    public record AssistantFlaws(int task, String title, long served, long corrected, long reachedDeliverable,
            int turns) {
    }

    private final InvitationService invitations;
    private final RankingService rankings;
    private final DecisionService decisions;
    private final Clock clock;

    private final CandidateResults results;

    InvitationsApi(InvitationService invitations, RankingService rankings, DecisionService decisions, Clock clock,
            CandidateResults results) {
        this.results = results;
        this.invitations = invitations;
        this.rankings = rankings;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Stops the candidate's link from working (scope invite). */
    @Operation(summary = "Revoke an invitation", description = "Stops the candidate's link from working. Scope: "
            + "invite.")
    @ApiResponse(responseCode = "200", description = "The invitation, now revoked",
            content = @Content(schema = @Schema(implementation = Invitation.class)))
    @ApiResponse(responseCode = "404", description = "No such invitation")
    @ApiResponse(responseCode = "409", description = "Already submitted: nothing to revoke")
    @PostMapping("/api/v1/invitations/{invitationId}/revoke")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> revoke(@PathVariable long invitationId) {
        if (find(invitationId) == null) {
            return notFound(invitationId);
        }
        try {
            return ResponseEntity.ok(show(invitations.revoke(invitationId), null));
        } catch (InvitationException e) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "invitation-refused", "Invitation refused", e.getMessage());
        }
    }

    /** Issues and mails a new link (the previous one stops working), with a new start deadline (scope invite). */
    @Operation(summary = "Re-send an invitation", description = "Issues and mails a new link (the previous one "
            + "stops working) with a new start deadline (default: 14 days from now). Scope: invite.")
    @ApiResponse(responseCode = "200", description = "The invitation with its new link",
            content = @Content(schema = @Schema(implementation = Invitation.class)))
    @ApiResponse(responseCode = "400", description = "startBy is not an ISO-8601 time")
    @ApiResponse(responseCode = "404", description = "No such invitation")
    @ApiResponse(responseCode = "409", description = "Refused, e.g. the candidate has already "
            + "started")
    @PostMapping("/api/v1/invitations/{invitationId}/resend")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> resend(@PathVariable long invitationId, @RequestBody(required = false) Resend body) {
        if (find(invitationId) == null) {
            return notFound(invitationId);
        }
        Instant startBy = startBy(body == null ? null : body.startBy());
        try {
            IssuedInvitation issued = invitations.resend(invitationId, startBy);
            return ResponseEntity.ok(show(issued.invitation(), issued.link()));
        } catch (InvitationException e) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "invitation-refused", "Invitation refused", e.getMessage());
        }
    }

    /**
     * The candidate's result (scope read), only once the assessment's review is closed: before that scores may still
     * move and the panel is blind, so the answer is {@code 409 result-not-ready}.
     */
    @Operation(summary = "Read a candidate's result", description = "Available once the assessment's review is "
            + "closed: the band (null when bands could not be formed), position, adjusted and raw scores with "
            + "standard errors (null without an estimate), criterion means, planted-flaw figures and the "
            + "decision if recorded. Scope: read.")
    @ApiResponse(responseCode = "200", description = "The result",
            content = @Content(schema = @Schema(implementation = Result.class)))
    @ApiResponse(responseCode = "404", description = "No such invitation")
    @ApiResponse(responseCode = "409", description = "Not ready: no reviewed submission yet, or the review is "
            + "still open")
    @GetMapping("/api/v1/invitations/{invitationId}/result")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    public ResponseEntity<?> result(@PathVariable long invitationId) {
        InvitationView v = find(invitationId);
        if (v == null) {
            return notFound(invitationId);
        }
        CandidateResults.Outcome outcome = results.read(v);
        if (outcome.result() == null) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "result-not-ready", "Result not ready", outcome.notReady());
        }
        return ResponseEntity.ok(outcome.result());
    }

    /**
     * Invitations, newest change last (then by id), optionally of one assessment ({@code assessment_id}) and changed
     * at or after {@code updated_since}, a page at a time (scope read). An integration keeps up by asking for what
     * changed since the {@code updatedAt} of the last item it saw.
     */
    @Operation(summary = "List invitations", description = "Oldest change first (then by id), optionally of one "
            + "assessment and changed at or after updated_since. Keep up with changes by asking for those since "
            + "the updatedAt of the last item seen. Scope: read.")
    @ApiResponse(responseCode = "400", description = "A parameter is not valid")
    @ApiResponse(responseCode = "200", description = "A page of invitations", useReturnTypeSchema = true)
    @GetMapping("/api/v1/invitations")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    public AssessmentsApi.Page<Invitation> list(
            @Parameter(description = "Only this assessment's invitations")
            @RequestParam(name = "assessment_id", required = false) Long assessmentId,
            @Parameter(description = AssessmentsApi.SINCE)
            @RequestParam(name = "updated_since", required = false) String updatedSince,
            @Parameter(description = AssessmentsApi.LIMIT) @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = AssessmentsApi.OFFSET) @RequestParam(defaultValue = "0") int offset) {
        AssessmentsApi.checkPage(limit, offset);
        Instant since = AssessmentsApi.time("updated_since", updatedSince);
        InvitationService.Changes page = invitations.changes(assessmentId, since, offset, limit);
        Progress progress = new Progress();
        List<Invitation> items = page.items().stream().map(v -> Invitation.of(v, progress.status(v), null)).toList();
        Integer next = offset + items.size() < page.total() ? offset + items.size() : null;
        return new AssessmentsApi.Page<>(items, (int) page.total(), offset, limit, next);
    }

    /**
     * Invites many candidates at once (scope invite) with the rules of the portal's CSV upload, all or nothing: when
     * any candidate is not valid nobody is invited and the answer is {@code 422} with every problem by index (0 is
     * the first candidate). Up to {@value InvitationService#MAX_CSV_ROWS} candidates, one start deadline for all.
     */
    @Operation(summary = "Invite many candidates", description = "The rules of the portal's CSV upload, all or "
            + "nothing: when any candidate is not valid nobody is invited and every problem is listed by index. "
            + "One start deadline for all. Scope: invite.")
    @ApiResponse(responseCode = "201", description = "Everyone invited, in the order sent, each with their link",
            content = @Content(schema = @Schema(implementation = Invited.class)))
    @ApiResponse(responseCode = "400", description = "The body is not valid")
    @ApiResponse(responseCode = "404", description = "No such assessment")
    @ApiResponse(responseCode = "409", description = "The assessment is not open for invitations")
    @ApiResponse(responseCode = "422", description = "Nobody was invited; errors lists each problem by "
            + "index")
    @PostMapping("/api/v1/assessments/{assessmentId}/invitations/bulk")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> inviteAll(@PathVariable long assessmentId, @RequestBody NewCandidates body) {
        List<NewCandidate> list = body.candidates() == null ? List.of() : body.candidates();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("candidates must list at least one candidate.");
        }
        if (list.size() > InvitationService.MAX_CSV_ROWS) {
            throw new IllegalArgumentException("candidates can hold at most " + InvitationService.MAX_CSV_ROWS
                    + " candidates (it has " + list.size() + ").");
        }
        Instant startBy = startBy(body.startBy());
        // The candidates become the CSV the portal reads, so that both follow one set of rules; each record's first
        // line is remembered to turn the CSV's line numbers back into indexes.
        StringBuilder csv = new StringBuilder("name,email,accommodation_percent\n");
        Map<Integer, Integer> indexByLine = new java.util.HashMap<>();
        List<Map<String, Object>> extra = new java.util.ArrayList<>();
        int line = 2;
        for (int i = 0; i < list.size(); i++) {
            NewCandidate c = list.get(i);
            if (c == null) {
                extra.add(Map.of("index", i, "message", "a candidate must be an object with name and email"));
                c = new NewCandidate("", "", null, null);
            } else if (c.startBy() != null) {
                extra.add(Map.of("index", i, "message", "startBy is given once for all candidates, not per candidate"));
            }
            indexByLine.put(line, i);
            String record = quoted(c.name()) + "," + quoted(c.email()) + ","
                    + (c.accommodationPercent() == null ? "" : c.accommodationPercent()) + "\n";
            csv.append(record);
            line += (int) record.chars().filter(ch -> ch == '\n').count();
        }
        List<Map<String, Object>> problems = new java.util.ArrayList<>(extra);
        if (problems.isEmpty()) {
            try {
                List<IssuedInvitation> issued = invitations.inviteAll(assessmentId, csv.toString(), startBy);
                return ResponseEntity.status(HttpStatus.CREATED).body(new Invited(issued.stream()
                        .map(x -> show(x.invitation(), x.link())).toList()));
            } catch (InvitationException e) {
                if (e.rows().isEmpty()) {
                    return ApiErrors.problem(HttpStatus.CONFLICT, "invitation-refused", "Invitation refused",
                            e.getMessage());
                }
                for (InvitationException.RowProblem row : e.rows()) {
                    Integer index = indexByLine.get(row.line());
                    Map<String, Object> one = new LinkedHashMap<>();
                    if (index != null) {
                        one.put("index", index);
                    }
                    one.put("message", row.message());
                    problems.add(one);
                }
            }
        }
        problems.sort(java.util.Comparator.comparingInt(m -> (Integer) m.getOrDefault("index", -1)));
        return ApiErrors.invalid("Invitations not valid", "Nobody was invited: " + problems.size()
                + (problems.size() == 1 ? " candidate needs" : " candidates need") + " fixing.", problems);
    }

    private static String quoted(String value) {
        return "\"" + (value == null ? "" : value).replace("\"", "\"\"") + "\"";
    }

    private Invitation show(InvitationView v, String link) {
        return Invitation.of(v, new Progress().status(v), link);
    }

    /** The API's status of invitations, reading each assessment's ranking and decisions once. */
    private final class Progress {

        private final Map<Long, AssessmentRanking> ranking = new java.util.HashMap<>();
        private final Map<Long, Map<Long, Decision>> decided = new java.util.HashMap<>();

        String status(InvitationView v) {
            String own = v.status().name().toLowerCase(Locale.ROOT);
            if (v.status() != InvitationStatus.SUBMITTED) {
                return own;
            }
            AssessmentRanking r = ranking.computeIfAbsent(v.assessmentId(),
                    id -> rankings.ranking(id, RankingService.DEFAULT_CONFIDENCE));
            if (!r.identitiesVisible()) {
                return own;
            }
            return r.candidates().stream().filter(c -> c.candidateCode().equals(v.candidateCode())).findFirst()
                    .map(c -> decided.computeIfAbsent(v.assessmentId(), decisions::current)
                            .containsKey(c.submissionId()) ? "decided" : "reviewed")
                    .orElse(own);
        }
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

    @Operation(summary = "Invite a candidate", description = "The same rules and mail as the portal. The answer "
            + "carries the candidate's link, this once. Scope: invite.")
    @ApiResponse(responseCode = "201", description = "The invitation, with its link and a Location header",
            content = @Content(schema = @Schema(implementation = Invitation.class)))
    @ApiResponse(responseCode = "400", description = "The body is not valid")
    @ApiResponse(responseCode = "404", description = "No such assessment")
    @ApiResponse(responseCode = "409", description = "Refused, e.g. the assessment is closed or the address is "
            + "already invited")
    @ApiResponse(responseCode = "422", description = "Not valid; errors gives the problem by field")
    @PostMapping("/api/v1/assessments/{assessmentId}/invitations")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> invite(@PathVariable long assessmentId, @RequestBody NewCandidate body) {
        Instant startBy = startBy(body.startBy());
        NewInvitation candidate = new NewInvitation(body.name(), body.email(),
                body.accommodationPercent() == null ? 0 : body.accommodationPercent(), startBy);
        Map<InvitationField, String> problems = invitations.problems(assessmentId, candidate);
        if (!problems.isEmpty()) {
            Map<String, String> fields = new LinkedHashMap<>();
            problems.forEach((field, message) -> fields.put(fieldName(field), message));
            return ApiErrors.invalid("Invitation not valid", String.join(" ", problems.values()), fields);
        }
        try {
            IssuedInvitation issued = invitations.invite(assessmentId, candidate);
            return ResponseEntity.created(URI.create("/api/v1/invitations/" + issued.invitation().id()))
                    .body(show(issued.invitation(), issued.link()));
        } catch (InvitationException e) {
            return ApiErrors.problem(HttpStatus.CONFLICT, "invitation-refused", "Invitation refused", e.getMessage());
        }
    }

    @Operation(summary = "Read an invitation", description = "Its status: sent, opened, started, submitted, "
            + "expired or revoked, then reviewed and decided. Scope: read.")
    @ApiResponse(responseCode = "200", description = "The invitation",
            content = @Content(schema = @Schema(implementation = Invitation.class)))
    @ApiResponse(responseCode = "404", description = "No such invitation")
    @GetMapping("/api/v1/invitations/{invitationId}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    public ResponseEntity<?> invitation(@PathVariable long invitationId) {
        InvitationView v = find(invitationId);
        return v == null ? notFound(invitationId) : ResponseEntity.ok(show(v, null));
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
