package dev.assay.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.audit.AuditEntry;
import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.review.ReviewFixtures;
import dev.assay.support.WebAppTest;
import dev.assay.taskbank.AssessmentView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The REST API's keys over real HTTP on the running application: no key, a wrong key, a key without the scope, a
 * revoked key and a key over its rate limit are each refused with the right status and an RFC 9457 problem; a valid
 * key reads assessments, paged. Only the key's digest is stored, and creating and revoking are audited by name.
 */
class ApiKeysIT extends WebAppTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Key names must be unique across the shared test database. */
    private IssuedApiKey create(String name, Set<ApiScope> scopes) {
        return SystemAuthentication.callAs("ADMIN", () -> keys.create(name + " "
                + java.util.UUID.randomUUID().toString().substring(0, 8), scopes));
    }

    @Test
    void keysOpenTheApiByScopeAndEveryRefusalIsAProblem() throws Exception {
        java.time.Instant since = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .minusSeconds(1);
        AssessmentView older = fixtures.assessment();
        AssessmentView a = fixtures.assessment();
        IssuedApiKey reader = create("ATS reader", EnumSet.of(ApiScope.READ));
        assertThat(reader.secret()).startsWith(ApiKeyService.KEY_PREFIX).hasSizeGreaterThan(40);
        assertThat(reader.toString()).doesNotContain(reader.secret());
        String stored = jdbc.sql("select secret_hash from api_key where id = ?").param(reader.key().id())
                .query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(reader.secret());
        assertThat(jdbc.sql("select count(*) from api_key where secret_hash = ? or prefix = ?")
                .params(reader.secret(), reader.secret()).query(Integer.class).single()).isZero();

        // No key, a wrong key: 401 problems that say what to do.
        HttpResponse<String> none = get("/api/v1/assessments", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(none.body()).contains("\"status\":401").contains("API key required").contains("Bearer");
        HttpResponse<String> wrong = get("/api/v1/assessments", ApiKeyService.KEY_PREFIX + "not-a-real-key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not known or was revoked");

        // The reader lists assessments, newest first, a page at a time.
        HttpResponse<String> page = get("/api/v1/assessments?limit=1", reader.secret());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(page.body()).contains("\"status\":\"open\"").contains("\"limit\":1").contains("\"offset\":0")
                .contains("\"nextOffset\":1").containsPattern("\"updatedAt\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]*Z\"");
        // Changed since just before this test: both assessments, by their stable ids and titles, on one page.
        String recent = get("/api/v1/assessments?limit=200&updated_since=" + since, reader.secret()).body();
        for (AssessmentView x : List.of(a, older)) {
            assertThat(recent).contains("\"id\":" + x.id() + ",\"title\":\"" + x.title() + "\"");
        }
        assertThat(recent).contains("\"nextOffset\":null");
        assertThat(get("/api/v1/assessments?updated_since=2999-01-01T00:00:00Z", reader.secret()).body())
                .contains("\"items\":[]").contains("\"total\":0");
        HttpResponse<String> bad = get("/api/v1/assessments?limit=0", reader.secret());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("limit must be between 1 and 200");
        assertThat(get("/api/v1/assessments?updated_since=yesterday", reader.secret()).body())
                .contains("updated_since must be an ISO-8601 time");
        assertThat(jdbc.sql("select last_used_at from api_key where id = ?").param(reader.key().id())
                .query(java.sql.Timestamp.class).optional()).isPresent();

        // A key without the read scope: 403.
        IssuedApiKey inviter = create("ATS inviter", EnumSet.of(ApiScope.INVITE));
        HttpResponse<String> denied = get("/api/v1/assessments", inviter.secret());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Scope missing");

        // Revoked: refused at once.
        SystemAuthentication.callAs("ADMIN", () -> keys.revoke(reader.key().id()));
        assertThat(get("/api/v1/assessments", reader.secret()).statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> SystemAuthentication.callAs("ADMIN", () -> keys.revoke(reader.key().id())))
                .hasMessageContaining("already revoked");

        List<AuditEntry> entries = SystemAuthentication.callAs("ADMIN", () -> audit.search(
                new AuditFilter(null, null, "api key " + reader.key().name(), null, null), 0, 20));
        assertThat(entries).extracting(AuditEntry::action).contains("api_key.created", "api_key.revoked");
        assertThat(entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain(reader.secret()));
    }

    @Test
    void anIntegrationInvitesACandidateAndReadsTheInvitationBack() throws Exception {
        AssessmentView a = fixtures.assessment();
        IssuedApiKey ats = create("Hiring ATS", EnumSet.of(ApiScope.READ, ApiScope.INVITE));
        String email = "api.candidate." + System.nanoTime() + "@candidates.example";
        HttpResponse<String> created = post("/api/v1/assessments/" + a.id() + "/invitations", ats.secret(),
                "{\"name\": \"Api Candidate\", \"email\": \"" + email + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/invitations/\\d+");
        assertThat(created.body()).contains("\"status\":\"sent\"").contains("\"email\":\"" + email + "\"")
                .containsPattern("\"candidateCode\":\"C-[0-9A-Z]{4,}\"").containsPattern("\"link\":\"http[^\"]+/\"?");
        HttpResponse<String> read = get(location, ats.secret());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"sent\"").contains("\"link\":null")
                .contains("\"assessmentId\":" + a.id());

        // The same rules as the portal, every problem by field; a second invitation of the same email is refused.
        HttpResponse<String> invalid = post("/api/v1/assessments/" + a.id() + "/invitations", ats.secret(),
                "{\"name\": \"\", \"email\": \"not-an-email\", \"startBy\": \"2020-01-01T00:00:00Z\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"errors\"").contains("\"name\"").contains("\"email\"")
                .contains("\"startBy\"");
        HttpResponse<String> again = post("/api/v1/assessments/" + a.id() + "/invitations", ats.secret(),
                "{\"name\": \"Api Candidate\", \"email\": \"" + email + "\"}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("already invited");
        assertThat(post("/api/v1/assessments/99999999/invitations", ats.secret(),
                "{\"name\": \"X Y\", \"email\": \"x@y.example\"}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/assessments/" + a.id() + "/invitations", ats.secret(), "not json").statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/invitations/99999999", ats.secret()).statusCode()).isEqualTo(404);

        // A read-only key cannot invite; the invitation is audited under the key's name.
        IssuedApiKey reader = create("Read-only ATS", EnumSet.of(ApiScope.READ));
        assertThat(post("/api/v1/assessments/" + a.id() + "/invitations", reader.secret(),
                "{\"name\": \"Other Person\", \"email\": \"other." + System.nanoTime() + "@candidates.example\"}")
                .statusCode()).isEqualTo(403);
        String code = created.body().replaceAll(".*\"candidateCode\":\"([^\"]+)\".*", "$1");
        List<AuditEntry> invited = SystemAuthentication.callAs("ADMIN", () -> audit.search(
                new AuditFilter(null, "candidate.invited", "candidate " + code, null, null), 0, 5));
        assertThat(invited).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("api key "
                + ats.key().name()));
    }

    @Autowired
    dev.assay.review.PanelService panels;

    @Autowired
    dev.assay.review.ReviewService reviews;

    @Autowired
    dev.assay.decision.DecisionService decisions;

    @Autowired
    dev.assay.staff.StaffService staff;

    @Test
    void resultsComeOnlyAfterTheReviewClosesAndInvitationsCanBeResentOrRevoked() throws Exception {
        AssessmentView a = fixtures.assessment();
        dev.assay.staff.StaffMember reviewer = fixtures.reviewer("Api Result Reviewer");
        ReviewFixtures.recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Result Person");
        IssuedApiKey ats = create("Results ATS", EnumSet.of(ApiScope.READ, ApiScope.INVITE));
        String result = "/api/v1/invitations/" + s.invitationId() + "/result";
        HttpResponse<String> early = get(result, ats.secret());
        String invitation = "/api/v1/invitations/" + s.invitationId();
        assertThat(get(invitation, ats.secret()).body()).contains("\"status\":\"submitted\"")
                .contains("\"result\":null");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("result-not-ready").contains("no reviewed submission yet");

        long assignment = ReviewFixtures.as(reviewer, () -> reviews.queue()).getFirst().assignmentId();
        fixtures.scoreAll(reviewer, assignment, 4, "Sound work.");
        assertThat(get(result, ats.secret()).body()).contains("once the assessment's review is closed");
        long open = ReviewFixtures.recruiter(() -> panels.board(a.id())).submissions().getFirst().submissionId();
        assertThat(get("/api/v1/reports/rank-cards/" + open + ".pdf", ats.secret()).statusCode())
                .as("no report by API while the review is open").isEqualTo(404);

        ReviewFixtures.recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });
        assertThat(get(invitation, ats.secret()).body()).contains("\"status\":\"reviewed\"")
                .contains("\"result\":\"" + result + "\"");
        java.time.Instant beforeDecision = java.time.Instant.now().minusMillis(5);
        long submission = ReviewFixtures.recruiter(() -> panels.board(a.id())).submissions().getFirst().submissionId();
        dev.assay.staff.StaffMember recruiter = dev.assay.support.StaffFixtures.create(staff, "Api Decider",
                dev.assay.staff.StaffRole.RECRUITER).member();
        ReviewFixtures.as(recruiter, () -> decisions.record(a.id(), List.of(submission),
                dev.assay.decision.Outcome.ADVANCE, "Strong critique of the AI's memo."));
        HttpResponse<String> ready = get(result, ats.secret());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        // One reviewer: scores without an error estimate, and no band (bands need a candidate with two reviews).
        assertThat(ready.body()).contains("\"candidateCode\":\"" + s.code() + "\"").contains("\"band\":null")
                .contains("\"adjustedScore\":4.0").contains("\"rawStandardError\":null").contains("\"reviews\":1")
                .contains("\"decision\":\"advance\"").contains("Strong critique of the AI's memo.")
                // The critique task's planted-flaw check: how many flaws the AI output held and how many were found.
                .containsPattern("\"plantedFlaws\":\\[\\{\"task\":3,\"title\":\"Memo [^\"]+\",\"planted\":\\d+,\"found\":");
        assertThat(get(invitation, ats.secret()).body()).contains("\"status\":\"decided\"");
        // The result links to the PDF rank card: the signed link works without a key until it expires, and only as
        // it was issued; a key with the read scope opens the report too.
        String reportUrl = ready.body().replaceAll(".*\"reportUrl\":\"([^\"]+)\".*", "$1");
        assertThat(reportUrl).contains("/api/v1/reports/rank-cards/" + submission + ".pdf?expires=");
        String reportPath = reportUrl.substring(reportUrl.indexOf("/api/v1/"));
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + reportPath))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Result Person").contains(s.code()).contains("Advance")
                    .contains("Strong critique of the AI's memo.").contains("Planted-flaw check").contains("Page 1 of");
        }
        HttpResponse<String> tampered = get(reportPath.replace("signature=", "signature=x"), null);
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("link-not-valid").contains("fresh link");
        assertThat(get(reportPath.replace("/rank-cards/" + submission + ".pdf", "/rank-cards/" + (submission + 1)
                + ".pdf"), null).statusCode()).as("the link opens only its own report").isEqualTo(403);
        assertThat(get("/api/v1/reports/rank-cards/" + submission + ".pdf", null).statusCode()).isEqualTo(401);
        HttpResponse<String> byKey = get("/api/v1/reports/rank-cards/" + submission + ".pdf", ats.secret());
        assertThat(byKey.statusCode()).isEqualTo(200);
        IssuedApiKey inviter = create("Invite only", EnumSet.of(ApiScope.INVITE));
        assertThat(get("/api/v1/reports/rank-cards/" + submission + ".pdf", inviter.secret()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/reports/rank-cards/99999999.pdf", ats.secret()).statusCode()).isEqualTo(404);
        // A decision counts as a change of the invitation: an integration polling for changes sees it.
        String changed = get("/api/v1/invitations?assessment_id=" + a.id() + "&updated_since=" + beforeDecision,
                ats.secret()).body();
        assertThat(changed).contains("\"total\":1").contains("\"id\":" + s.invitationId() + ",")
                .contains("\"status\":\"decided\"");

        // A fresh invitation: re-sent with a new link, then revoked; the old link's invitation reads revoked.
        String email = "resend." + System.nanoTime() + "@candidates.example";
        String created = post("/api/v1/assessments/" + a.id() + "/invitations", ats.secret(),
                "{\"name\": \"Resend Person\", \"email\": \"" + email + "\"}").body();
        String id = created.replaceAll(".*\"id\":(\\d+),.*", "$1");
        String firstLink = created.replaceAll(".*\"link\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> resent = post("/api/v1/invitations/" + id + "/resend", ats.secret(),
                "{\"startBy\": \"2099-01-01T00:00:00Z\"}");
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(resent.body()).contains("\"startBy\":\"2099-01-01T00:00:00Z\"").doesNotContain(firstLink);
        IssuedApiKey inviteOnly = create("Revoker", EnumSet.of(ApiScope.INVITE));
        assertThat(post("/api/v1/invitations/" + id + "/resend", inviteOnly.secret(),
                "{\"startBy\": \"2099-01-02T00:00:00Z\"}").statusCode()).as("an invite-only key re-sends").isEqualTo(200);
        HttpResponse<String> revoked = post("/api/v1/invitations/" + id + "/revoke", inviteOnly.secret(), "");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/invitations/" + id, ats.secret()).body()).contains("\"status\":\"revoked\"");
        assertThat(post("/api/v1/invitations/99999999/revoke", ats.secret(), "").statusCode()).isEqualTo(404);
    }

    @Test
    void anIntegrationInvitesManyAtOnceAllOrNothingAndKeepsUpWithChanges() throws Exception {
        AssessmentView a = fixtures.assessment();
        IssuedApiKey ats = create("Bulk ATS", EnumSet.of(ApiScope.READ, ApiScope.INVITE));
        String bulk = "/api/v1/assessments/" + a.id() + "/invitations/bulk";
        long n = System.nanoTime();
        // One bad candidate (and one repeated address): nobody is invited, and each problem names its index.
        HttpResponse<String> refused = post(bulk, ats.secret(), "{\"candidates\": ["
                + "{\"name\": \"Ada One\", \"email\": \"ada." + n + "@candidates.example\"},"
                + "{\"name\": \"\", \"email\": \"not-an-address\"},"
                + "{\"name\": \"Ada Again\", \"email\": \"ADA." + n + "@candidates.example\"}]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("Nobody was invited: 2 candidates need fixing.")
                .contains("{\"index\":1,\"message\":\"missing name; 'not-an-address' is not a valid email address\"}")
                .contains("{\"index\":2,\"message\":\"duplicate:");
        assertThat(get("/api/v1/invitations?assessment_id=" + a.id(), ats.secret()).body()).contains("\"total\":0");

        java.time.Instant before = java.time.Instant.now().minusMillis(5);
        HttpResponse<String> made = post(bulk, ats.secret(), "{\"startBy\": \"2099-01-01T00:00:00Z\", \"candidates\": ["
                + "{\"name\": \"Bea, Two\", \"email\": \"bea." + n + "@candidates.example\"},"
                + "{\"name\": \"Cy \\\"Three\\\"\", \"email\": \"cy." + n + "@candidates.example\", "
                + "\"accommodationPercent\": 0}]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.body()).contains("\"name\":\"Bea, Two\"").contains("\"name\":\"Cy \\\"Three\\\"\"")
                .contains("\"startBy\":\"2099-01-01T00:00:00Z\"").contains("\"link\":\"http");
        // Listing: one page of one, then the next; the filter by change time and by assessment.
        String first = get("/api/v1/invitations?assessment_id=" + a.id() + "&limit=1", ats.secret()).body();
        assertThat(first).contains("\"total\":2").contains("\"nextOffset\":1").contains("Bea, Two")
                .doesNotContain("\"link\":\"http");
        String second = get("/api/v1/invitations?assessment_id=" + a.id() + "&limit=1&offset=1", ats.secret()).body();
        assertThat(second).contains("\"nextOffset\":null").contains("Three");
        assertThat(get("/api/v1/invitations?updated_since=" + before, ats.secret()).body()).contains("Bea, Two");
        assertThat(get("/api/v1/invitations?assessment_id=" + a.id() + "&updated_since=2999-01-01T00:00:00Z",
                ats.secret()).body()).contains("\"total\":0");
        assertThat(get("/api/v1/invitations?updated_since=yesterday", ats.secret()).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/invitations?limit=0", ats.secret()).statusCode()).isEqualTo(400);
        // The same addresses again: refused as already invited, by index.
        HttpResponse<String> again = post(bulk, ats.secret(), "{\"candidates\": ["
                + "{\"name\": \"Bea Two\", \"email\": \"bea." + n + "@candidates.example\"}]}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("{\"index\":0,\"message\":\"bea." + n
                + "@candidates.example is already invited to this assessment\"}");
        // A read-only key cannot invite.
        IssuedApiKey reader = create("Bulk reader", EnumSet.of(ApiScope.READ));
        assertThat(post(bulk, reader.secret(), "{\"candidates\": []}").statusCode()).isEqualTo(403);
        assertThat(post(bulk, ats.secret(), "{\"candidates\": []}").statusCode()).isEqualTo(400);
    }

    @Test
    void requestsInParallelWithOneKeyAllGoThrough() throws Exception {
        IssuedApiKey key = create("Parallel", EnumSet.of(ApiScope.READ));
        // Last used long ago, so that every request below would note the time.
        jdbc.sql("update api_key set last_used_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), key.key().id()).update();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/assessments?limit=1")).header("Authorization", "Bearer " + key.secret()).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void mistakesTheFrameworkCatchesAreProblemsToo() throws Exception {
        IssuedApiKey key = create("Mistakes", EnumSet.of(ApiScope.READ, ApiScope.INVITE));
        HttpResponse<String> nowhere = get("/api/v1/nowhere", key.secret());
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(nowhere.body()).contains("urn:assay:problem:not-found").contains("openapi.json");
        HttpResponse<String> method = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/assessments")).header("Authorization", "Bearer " + key.secret())
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("GET");
        assertThat(method.body()).contains("urn:assay:problem:method-not-allowed");
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/assessments/1/invitations")).header("Authorization", "Bearer " + key.secret())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Ada")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("urn:assay:problem:unsupported-media-type");
        HttpResponse<String> missing = get("/api/greenhouse/test_status", key.secret());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("partner_interview_id is required");
    }

    @Test
    void aKeyOverItsRateLimitIsToldWhenToComeBack() throws Exception {
        IssuedApiKey busy = create("Busy script", EnumSet.of(ApiScope.READ));
        HttpResponse<String> limited = null;
        int sent = 0;
        while (limited == null && sent < 400) {
            HttpResponse<String> r = get("/api/v1/assessments?limit=1", busy.secret());
            sent++;
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 within 400 requests").isNotNull();
        assertThat(sent).isGreaterThan(120);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.body()).contains("\"status\":429").contains("120 requests a minute");
    }

    @Test
    void onlyAdminsManageKeysAndBadNamesAreRefusedInWords() {
        assertThatThrownBy(() -> SystemAuthentication.callAs("RECRUITER", () -> keys.list()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemAuthentication.callAs("ADMIN", () -> keys.create(" ", Set.of())))
                .hasMessageContaining("Name the integration").hasMessageContaining("at least one scope");
        IssuedApiKey first = create("Duplicate check", EnumSet.of(ApiScope.READ));
        assertThatThrownBy(() -> SystemAuthentication.callAs("ADMIN", () -> keys.create(first.key().name(),
                EnumSet.of(ApiScope.READ)))).hasMessageContaining("already exists");
    }
}
