package dev.assay.integration.greenhouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.assay.audit.port.AuditTrail;
import dev.assay.integration.api.ApiErrors;
import dev.assay.integration.api.CandidateResults;
import dev.assay.integration.internal.GreenhouseOrders;
import dev.assay.integration.internal.OutboundUrls;
import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationField;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner side of Greenhouse's Assessment API, as Greenhouse publishes it (developers.greenhouse.io, Assessment
 * API): {@code list_tests} offers the open assessments, {@code send_test} invites the candidate (the same rules and
 * mail as the portal) and answers with the invitation's id as {@code partner_interview_id}, {@code test_status}
 * reports the invitation's progress and, once the review is closed, {@code complete} with the score, a link to the
 * rank card and the result as metadata, and {@code response_error} takes Greenhouse's reports of answers it could
 * not use. Greenhouse authenticates with HTTP Basic, an Assay API key as the user name and no password; the key's
 * scopes apply (read for listing and status, invite for sending). When a test is sent with a callback {@code url},
 * Assay tells Greenhouse the test is complete (see {@link GreenhouseOrders}) instead of waiting to be polled.
 */
@RestController
@RequestMapping("/api/greenhouse")
public class GreenhouseApi {

    private static final Logger log = LoggerFactory.getLogger(GreenhouseApi.class);
    static final Duration START_WINDOW = Duration.ofDays(14);

    /** One test on offer: an open assessment. */
    public record PartnerTest(@JsonProperty("partner_test_id") String partnerTestId,
            @JsonProperty("partner_test_name") String partnerTestName) {
    }

    /** The candidate Greenhouse sends a test to. */
    public record Candidate(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
            @JsonProperty("preferred_name") String preferredName, @JsonProperty("resume_url") String resumeUrl,
            @JsonProperty("phone_number") String phoneNumber, String email,
            @JsonProperty("greenhouse_profile_url") String greenhouseProfileUrl) {
    }

    /** Greenhouse's {@code send_test} request. */
    public record SendTest(@JsonProperty("partner_test_id") String partnerTestId, Candidate candidate,
            @JsonProperty("sent_by") String sentBy, String url) {
    }

    public record SentTest(@JsonProperty("partner_interview_id") String partnerInterviewId) {
    }

    /** The answer to {@code test_status}; empty properties are null, as Greenhouse asks. */
    public record TestStatus(@JsonProperty("partner_status") String partnerStatus,
            @JsonProperty("partner_profile_url") String partnerProfileUrl,
            @JsonProperty("partner_score") Double partnerScore, Map<String, Object> metadata) {
    }

    /** Greenhouse's report of an answer it could not use. */
    public record ResponseError(@JsonProperty("api_call") String apiCall, List<String> errors,
            @JsonProperty("partner_test_id") String partnerTestId,
            @JsonProperty("partner_test_name") String partnerTestName,
            @JsonProperty("partner_interview_id") String partnerInterviewId,
            @JsonProperty("candidate_email") String candidateEmail) {
    }

    private final AssessmentService assessments;
    private final InvitationService invitations;
    private final GreenhouseOrders orders;
    private final CandidateResults results;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final List<String> callbackHosts;

    GreenhouseApi(AssessmentService assessments, InvitationService invitations, GreenhouseOrders orders,
            CandidateResults results, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Value("${assay.greenhouse.callback-hosts:greenhouse.io}")
            List<String> callbackHosts) {
        this.callbackHosts = callbackHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
        this.assessments = assessments;
        this.invitations = invitations;
        this.orders = orders;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @GetMapping("/list_tests")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    public List<PartnerTest> listTests() {
        return assessments.list().stream().filter(a -> a.status() == AssessmentStatus.OPEN)
                .map(a -> new PartnerTest(Long.toString(a.id()), a.title())).toList();
    }

    @PostMapping("/send_test")
    @PreAuthorize("hasAuthority('SCOPE_invite')")
    public ResponseEntity<?> sendTest(@RequestBody SendTest body, HttpServletRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        Long assessmentId = id(body.partnerTestId());
        if (assessmentId == null) {
            problems.put("partner_test_id", "partner_test_id must be the id of a test from list_tests.");
        }
        Candidate c = body.candidate();
        if (c == null) {
            problems.put("candidate", "candidate is required.");
            c = new Candidate(null, null, null, null, null, null, null);
        }
        if (body.url() != null && body.url().strip().length() > 500) {
            problems.put("url", "url can be at most 500 characters.");
        } else if (body.url() != null && !body.url().isBlank()) {
            OutboundUrls.problem(body.url()).or(() -> atGreenhouse(body.url()) ? java.util.Optional.empty()
                    : java.util.Optional.of("url must be an address at Greenhouse (" + String.join(", ", callbackHosts)
                            + ").")).ifPresent(p -> problems.put("url", p));
        }
        String name = (blank(c.firstName()) + " " + blank(c.lastName())).strip();
        NewInvitation candidate = new NewInvitation(name, c.email(), 0, clock.instant().plus(START_WINDOW));
        if (assessmentId != null) {
            invitations.problems(assessmentId, candidate).forEach((field, message) -> problems.put(
                    field == InvitationField.NAME ? "first_name" : field == InvitationField.EMAIL ? "email"
                            : field.name().toLowerCase(Locale.ROOT), message));
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        String key = (String) request.getAttribute(GreenhouseOrders.PRESENTED_KEY);
        Candidate who = c;
        try {
            IssuedInvitation issued = transaction.execute(status -> {
                IssuedInvitation made = invitations.invite(assessmentId, candidate);
                orders.record(made.invitation().id(), body.partnerTestId().strip(), body.url(),
                        upTo(who.greenhouseProfileUrl(), 500), upTo(body.sentBy(), 254), key);
                return made;
            });
            log.info("Greenhouse sent test {} to invitation {}", body.partnerTestId(), issued.invitation().id());
            return ResponseEntity.ok(new SentTest(Long.toString(issued.invitation().id())));
        } catch (InvitationException e) {
            return problem(HttpStatus.CONFLICT, "invitation-refused", "Test not sent", e.getMessage());
        }
    }

    @GetMapping("/test_status")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    public ResponseEntity<?> testStatus(@RequestParam(name = "partner_interview_id") String partnerInterviewId) {
        Long invitationId = id(partnerInterviewId);
        InvitationView v = invitationId == null ? null : invitations.identities(List.of(invitationId)).get(invitationId);
        if (v == null || orders.order(invitationId).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "No such test",
                    "No test was sent through Greenhouse with partner_interview_id " + partnerInterviewId + ".");
        }
        if (v.status() != dev.assay.invitation.InvitationStatus.SUBMITTED) {
            return ResponseEntity.ok(new TestStatus(v.status().name().toLowerCase(Locale.ROOT), null, null, null));
        }
        CandidateResults.Outcome outcome = results.read(v);
        if (outcome.result() == null) {
            return ResponseEntity.ok(new TestStatus("submitted", null, null, null));
        }
        var r = outcome.result();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Candidate code", r.candidateCode());
        metadata.put("Band", r.band() == null ? "None (bands need two reviews of a candidate)" : r.band());
        metadata.put("Position", r.position() + " of " + r.candidates());
        metadata.put("Score", String.format(Locale.ROOT, "%.2f on the rubric's 1–5 levels%s", r.adjustedScore(),
                r.adjustedForSeverity() ? ", adjusted for reviewer severity" : ""));
        metadata.put("Raw score", Math.round(r.rawScore() * 100) / 100.0);
        metadata.put("Reviews", r.reviews());
        r.plantedFlaws().forEach(f -> metadata.put("Planted flaws found, task " + f.task(),
                f.found() + " of " + f.planted()));
        metadata.put("Decision", r.decision() == null ? "None recorded" : r.decision());
        metadata.put("Report (PDF)", r.reportUrl());
        metadata.put("Report link expires", r.reportExpiresAt());
        return ResponseEntity.ok(new TestStatus("complete", results.publicUrl() + "/recruiter/rank-card/"
                + outcome.submissionId(), Math.round(r.adjustedScore() * 100) / 100.0, metadata));
    }

    /** Greenhouse reports an answer of Assay's it could not use: logged and audited for an admin to look into. */
    @PostMapping("/response_error")
    @PreAuthorize("hasAuthority('SCOPE_read') or hasAuthority('SCOPE_invite')")
    public Map<String, Integer> responseError(@RequestBody ResponseError body) {
        String call = body.apiCall() == null ? "(unknown call)" : body.apiCall();
        String errors = body.errors() == null ? "" : String.join("; ", body.errors());
        log.warn("Greenhouse could not use Assay's answer to {} (interview {}): {}", call, body.partnerInterviewId(),
                errors);
        audit.record("greenhouse.response_error", "greenhouse " + call, "Greenhouse could not use the answer to "
                + call + (body.partnerInterviewId() == null ? "" : " for invitation " + body.partnerInterviewId())
                + ": " + errors, null);
        return Map.of("status", 200);
    }

    /**
     * Whether a callback address is at one of the hosts Greenhouse calls back from (a key holder chooses it, and Assay
     * sends the key there, so it may not point anywhere else).
     */
    private boolean atGreenhouse(String url) {
        String host = URI.create(url.strip()).getHost();
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return callbackHosts.stream().anyMatch(allowed -> h.equals(allowed) || h.endsWith("." + allowed));
    }

    /** Informational text kept only when it fits its column (Greenhouse's addresses and emails always do). */
    private static String upTo(String s, int max) {
        return s == null || s.strip().length() > max ? null : s.strip();
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static Long id(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> invalid(Map<String, String> problems) {
        return ApiErrors.invalid("Test not sent", String.join(" ", problems.values()), problems);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ApiErrors.problem(status, type, title, detail);
    }
}
