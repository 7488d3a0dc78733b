package dev.assay.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.assay.audit.AuditEntry;
import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.review.PanelService;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.staff.StaffMember;
import dev.assay.support.WebAppTest;
import dev.assay.taskbank.AssessmentView;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Greenhouse's side of its Assessment Partner API, played by this test with the requests and answers Greenhouse
 * publishes (developers.greenhouse.io, Assessment API): it lists tests, sends one to a candidate (the published
 * example body, Harry Potter and all), polls its status while the candidate works and the panel reviews, receives
 * Assay's "test completed" PATCH with its own key, and reads the result with a link to the rank card and its PDF.
 */
class GreenhouseIT extends WebAppTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    AuditLog audit;

    @Autowired
    dev.assay.integration.internal.GreenhouseOrders orders;

    @Autowired
    dev.assay.privacy.PrivacyService privacy;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The send_test body as Greenhouse publishes it, with this test's assessment, address and callback. */
    private static String sendTest(String testId, String email, String callback) {
        return """
                {
                  "partner_test_id": "%s",
                  "candidate": {
                    "first_name": "Harry",
                    "last_name": "Potter",
                    "preferred_name": "The Chosen One",
                    "resume_url": "https://hogwarts.com/resume",
                    "phone_number": "123-456-7890",
                    "email": "%s",
                    "greenhouse_profile_url": "https://app.greenhouse.io/people/17681532?application_id=26234709"
                  },
                  "sent_by": "test_sender@example.org",
                  "url": "%s"
                }""".formatted(testId, email, callback);
    }

    private String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private IssuedApiKey key(String name, Set<ApiScope> scopes) {
        return SystemAuthentication.callAs("ADMIN", () -> keys.create(name + " " + System.nanoTime(), scopes));
    }

    @Test
    void greenhouseSendsATestPollsItAndIsToldWhenItIsComplete() throws Exception {
        List<Map<String, String>> patches = new CopyOnWriteArrayList<>();
        HttpServer greenhouse = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        greenhouse.createContext("/integrations/testing_partners/take_home_tests/", exchange -> {
            patches.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        greenhouse.start();
        try {
            AssessmentView a = fixtures.assessment();
            StaffMember reviewer = fixtures.reviewer("Greenhouse Reviewer");
            ReviewFixtures.recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
            IssuedApiKey key = key("Greenhouse", EnumSet.of(ApiScope.READ, ApiScope.INVITE));
            String auth = basic(key.secret());

            HttpResponse<String> tests = call("GET", "/api/greenhouse/list_tests", auth, null);
            assertThat(tests.statusCode()).isEqualTo(200);
            assertThat(tests.body()).startsWith("[").contains("{\"partner_test_id\":\"" + a.id()
                    + "\",\"partner_test_name\":\"" + a.title() + "\"}");

            String email = "hpotter." + System.nanoTime() + "@hogwarts.edu";
            String callback = "http://127.0.0.1:" + greenhouse.getAddress().getPort()
                    + "/integrations/testing_partners/take_home_tests/12345";
            HttpResponse<String> sent = call("POST", "/api/greenhouse/send_test", auth,
                    sendTest(Long.toString(a.id()), email, callback));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            assertThat(sent.body()).matches("\\{\"partner_interview_id\":\"\\d+\"}");
            long invitationId = Long.parseLong(sent.body().replaceAll("\\D", ""));
            String status = "/api/greenhouse/test_status?partner_interview_id=" + invitationId;
            assertThat(call("GET", status, auth, null).body()).isEqualTo(
                    "{\"partner_status\":\"sent\",\"partner_profile_url\":null,\"partner_score\":null,\"metadata\":null}");
            assertThat(ReviewFixtures.recruiter(() -> invitations.identity(invitationId)).name()).isEqualTo("Harry Potter");

            // The candidate takes the test (through a fresh link: the first went by mail), and the panel reviews it.
            IssuedInvitation link = ReviewFixtures.recruiter(() -> invitations.resend(invitationId,
                    Instant.now().plus(Duration.ofDays(3))));
            fixtures.complete(link.link().substring(link.link().lastIndexOf('/') + 1), invitationId);
            assertThat(call("GET", status, auth, null).body()).contains("\"partner_status\":\"submitted\"");
            long assignment = ReviewFixtures.as(reviewer, () -> reviews.queue()).getFirst().assignmentId();
            fixtures.scoreAll(reviewer, assignment, 4, "Careful work.");
            assertThat(call("GET", status, auth, null).body()).as("not complete while the review is open")
                    .contains("\"partner_status\":\"submitted\"");
            assertThat(patches).isEmpty();

            // A second candidate submits but is not reviewed before the review closes: no result, so no "complete".
            HttpResponse<String> second = call("POST", "/api/greenhouse/send_test", auth, sendTest(Long.toString(a.id()),
                    "hgranger." + System.nanoTime() + "@hogwarts.edu", callback.replace("12345", "67890")));
            long secondId = Long.parseLong(second.body().replaceAll("\\D", ""));
            IssuedInvitation secondLink = ReviewFixtures.recruiter(() -> invitations.resend(secondId,
                    Instant.now().plus(Duration.ofDays(3))));
            fixtures.complete(secondLink.link().substring(secondLink.link().lastIndexOf('/') + 1), secondId);
            ReviewFixtures.recruiter(() -> {
                panels.closeReview(a.id());
                return null;
            });

            // Assay tells Greenhouse: PATCH to the url it gave, no body, HTTP Basic with Greenhouse's own key.
            for (int i = 0; i < 300 && patches.isEmpty(); i++) {
                Thread.sleep(50);
            }
            orders.sendDue(Instant.now().plusSeconds(1));
            assertThat(patches).hasSize(1);
            assertThat(patches.getFirst()).containsEntry("method", "PATCH")
                    .containsEntry("path", "/integrations/testing_partners/take_home_tests/12345")
                    .containsEntry("authorization", auth).containsEntry("body", "");

            assertThat(call("GET", "/api/greenhouse/test_status?partner_interview_id=" + secondId, auth, null).body())
                    .contains("\"partner_status\":\"submitted\"");
            HttpResponse<String> complete = call("GET", status, auth, null);
            assertThat(complete.body()).contains("\"partner_status\":\"complete\"")
                    .containsPattern("\"partner_profile_url\":\"http[^\"]+/recruiter/rank-card/\\d+\"")
                    .contains("\"partner_score\":4.0").contains("\"Candidate code\":\"")
                    .contains("\"Report (PDF)\":\"http").contains("\"Planted flaws found, task 3\":\"");
            String report = complete.body().replaceAll(".*\"Report \\(PDF\\)\":\"[^\"]*(/api/v1/reports/[^\"]+)\".*",
                    "$1");
            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + report)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            // Greenhouse reports an answer it could not use (its published example): taken, logged and audited.
            HttpResponse<String> error = call("POST", "/api/greenhouse/response_error", auth, """
                    {
                    	"api_call": "test_status",
                    	"errors": ["partner_status is 'complete' but partner_profile url is missing"],
                    	"partner_test_id" : "12345",
                    	"partner_test_name": "Personality Test",
                    	"partner_interview_id": "299506",
                    	"candidate_email": "hpotter@hogwarts.edu"
                    }""");
            assertThat(error.statusCode()).isEqualTo(200);
            assertThat(error.body()).isEqualTo("{\"status\":200}");
            List<AuditEntry> audited = SystemAuthentication.callAs("ADMIN", () -> audit.search(
                    new AuditFilter(null, "greenhouse.response_error", null, null, null), 0, 5));
            assertThat(audited).anyMatch(e -> e.details().contains("partner_profile url is missing"));

            // Erasing the candidate forgets what Greenhouse told Assay about them.
            SystemAuthentication.callAs("ADMIN", () -> privacy.erase(email, email, "Candidate asked"));
            assertThat(jdbc.sql("select count(*) from greenhouse_order where invitation_id = ? and profile_url is null "
                    + "and sent_by is null").param(invitationId).query(Long.class).single()).isEqualTo(1);
        } finally {
            greenhouse.stop(0);
        }
    }

    @Test
    void greenhouseRequestsAreRefusedInWordsWhenTheyCannotBeServed() throws Exception {
        AssessmentView a = fixtures.assessment();
        IssuedApiKey key = key("Greenhouse checks", EnumSet.of(ApiScope.READ, ApiScope.INVITE));
        IssuedApiKey reader = key("Greenhouse reader", EnumSet.of(ApiScope.READ));
        String auth = basic(key.secret());
        assertThat(call("GET", "/api/greenhouse/list_tests", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/greenhouse/list_tests", basic("assay_not-a-key"), null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/greenhouse/list_tests", "Bearer " + key.secret(), null).statusCode())
                .as("a bearer key works too").isEqualTo(200);
        String body = sendTest(Long.toString(a.id()), "x." + System.nanoTime() + "@hogwarts.edu", "");
        assertThat(call("POST", "/api/greenhouse/send_test", basic(reader.secret()), body).statusCode())
                .as("sending needs the invite scope").isEqualTo(403);
        HttpResponse<String> unknown = call("POST", "/api/greenhouse/send_test", auth,
                sendTest("99999999", "y." + System.nanoTime() + "@hogwarts.edu", ""));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = call("POST", "/api/greenhouse/send_test", auth,
                sendTest(Long.toString(a.id()), "not-an-address", "http://greenhouse.example.com/callback"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"email\":\"Enter a valid email address").contains("\"url\":\"Use https");
        HttpResponse<String> elsewhere = call("POST", "/api/greenhouse/send_test", auth,
                sendTest(Long.toString(a.id()), "z." + System.nanoTime() + "@hogwarts.edu",
                        "https://attacker.example.com/greenhouse.io/callback"));
        assertThat(elsewhere.statusCode()).as("callbacks go only to Greenhouse").isEqualTo(422);
        assertThat(elsewhere.body()).contains("\"url\":\"url must be an address at Greenhouse");
        assertThat(call("GET", "/api/greenhouse/test_status?partner_interview_id=99999999", auth, null).statusCode())
                .isEqualTo(404);
        // An invitation made in the portal is not Greenhouse's to read through this endpoint.
        ReviewFixtures.Submitted portal = fixtures.submit(a, "Portal Person");
        assertThat(call("GET", "/api/greenhouse/test_status?partner_interview_id=" + portal.invitationId(), auth,
                null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/greenhouse/send_test", auth, "not json").statusCode()).isEqualTo(400);
    }
}
