package dev.assay.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.assay.attempt.AttemptSubmitted;
import dev.assay.audit.AuditEntry;
import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import dev.assay.integration.internal.WebhookDispatcher;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.invitation.NewInvitation;
import dev.assay.review.PanelService;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.StaffFixtures;
import dev.assay.support.WebAppTest;
import dev.assay.taskbank.AssessmentView;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks end to end against a receiver on this machine (an in-process HTTP server playing the integration's part):
 * it gets signed events for what happens in the portal and checks every signature itself, with its own HMAC code,
 * as a receiver following the Standard Webhooks specification would. Failures are retried with growing pauses, the
 * same message id each time, and given up after a day; a change that rolls back sends nothing.
 */
class WebhooksIT extends WebAppTest {

    @Autowired
    WebhookService webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    InvitationService invitations;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    DecisionService decisions;

    @Autowired
    StaffService staff;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    /** What the receiver got: its headers (lower case) and body, and whether the signature held. */
    record Received(Map<String, String> headers, String body, boolean verified) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private volatile String secret;
    private final List<Long> endpoints = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/assay", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            received.add(new Received(headers, body, verify(headers, body)));
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? 200 : answers.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        endpoints.forEach(id -> admin(() -> {
            webhooks.delete(id);
            return null;
        }));
    }

    /** The receiver's own check, written from the specification rather than with the product's class. */
    private boolean verify(Map<String, String> headers, String body) {
        try {
            String id = headers.get("webhook-id");
            long timestamp = Long.parseLong(headers.get("webhook-timestamp"));
            if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    headers.get("webhook-signature").getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            return false;
        }
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/assay";
    }

    private static <T> T admin(java.util.function.Supplier<T> work) {
        return SystemAuthentication.callAs("ADMIN", work::get);
    }

    private CreatedWebhook register(Set<WebhookEvent> wanted) {
        CreatedWebhook created = admin(() -> webhooks.create(url(), "Test receiver " + System.nanoTime(), wanted));
        secret = created.secret();
        endpoints.add(created.webhook().id());
        return created;
    }

    private Received await(Predicate<Received> wanted) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (Received r : received) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The receiver did not get the event; it got " + received);
    }

    @Test
    void aReceiverGetsASignedAttemptSubmittedAndVerifiesIt() throws Exception {
        CreatedWebhook hook = register(EnumSet.of(WebhookEvent.ATTEMPT_SUBMITTED, WebhookEvent.INVITATION_OPENED));
        assertThat(hook.secret()).startsWith("whsec_");
        assertThat(hook.toString()).doesNotContain(hook.secret());
        String stored = jdbc.sql("select secret_sealed from webhook_endpoint where id = ?").param(hook.webhook().id())
                .query(String.class).single();
        assertThat(stored).startsWith("aesgcm1:").doesNotContain(hook.secret().substring(6));

        AssessmentView a = fixtures.assessment();
        IssuedInvitation invited = ReviewFixtures.recruiter(() -> invitations.invite(a.id(), new NewInvitation(
                "Opening Person", "opening." + System.nanoTime() + "@candidates.example", 0,
                Instant.now().plus(Duration.ofDays(2)))));
        invitations.resolve(invited.link().substring(invited.link().lastIndexOf('/') + 1));
        Received opened = await(r -> r.body().contains("\"invitation.opened\"")
                && r.body().contains("\"invitationId\":" + invited.invitation().id() + ","));
        assertThat(opened.verified()).isTrue();

        ReviewFixtures.Submitted s = fixtures.submit(a, "Webhook Person");
        Received got = await(r -> r.body().contains("\"attempt.submitted\"")
                && r.body().contains("\"invitationId\":" + s.invitationId() + ","));
        assertThat(got.verified()).as("signature verified by the receiver").isTrue();
        assertThat(got.headers().get("content-type")).isEqualTo("application/json");
        assertThat(got.headers().get("webhook-id")).startsWith("msg_");
        assertThat(got.body()).startsWith("{\"type\":\"attempt.submitted\",\"timestamp\":\"")
                .contains("\"assessmentId\":" + a.id()).contains("\"invitation\":\"/api/v1/invitations/"
                        + s.invitationId() + "\"")
                // Never who the candidate is: the receiver reads that through the API with its scopes.
                .doesNotContain(s.email()).doesNotContain(s.name());
        // A tampered copy fails the receiver's check: the signature covers the body.
        assertThat(verify(got.headers(), got.body().replace("attempt.submitted", "attempt.started"))).isFalse();

        WebhookDelivery logged = awaitValue(() -> admin(() -> webhooks.deliveries(hook.webhook().id(), 0, 50)).stream()
                .filter(d -> d.messageId().equals(got.headers().get("webhook-id"))
                        && d.state() == WebhookDelivery.State.DELIVERED).findFirst().orElse(null));
        assertThat(logged.attempts()).isEqualTo(1);
        assertThat(logged.lastStatus()).isEqualTo(200);
        assertThat(logged.event()).isEqualTo("attempt.submitted");
    }

    private static <T> T awaitValue(java.util.function.Supplier<T> read) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            T value = read.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Not recorded in time");
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        register(EnumSet.of(WebhookEvent.ATTEMPT_SUBMITTED));
        long rolledBack = 900_000_000L + (System.nanoTime() % 1_000_000);
        long committed = rolledBack + 1;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            events.publishEvent(new AttemptSubmitted(-1, rolledBack, -1, Instant.now()));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> events.publishEvent(new AttemptSubmitted(-1, committed, -1, Instant.now())));
        assertThat(queuedFor(rolledBack)).isZero();
        assertThat(queuedFor(committed)).isEqualTo(1);
    }

    private long queuedFor(long invitationId) {
        return jdbc.sql("select count(*) from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id "
                + "where e.url = ? and d.payload like ?").params(url(), "%\"invitationId\":" + invitationId + ",%")
                .query(Long.class).single();
    }

    @Test
    void failedDeliveriesAreRetriedWithGrowingPausesThenGivenUpAndCanBeRetriedByHand() throws Exception {
        CreatedWebhook hook = register(EnumSet.of(WebhookEvent.DECISION_RECORDED));
        synchronized (answers) {
            answers.addAll(List.of(500, 502));
        }
        Instant start = Instant.now();
        WebhookDelivery first = admin(() -> webhooks.sendTest(hook.webhook().id()));
        assertThat(first.state()).isEqualTo(WebhookDelivery.State.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastStatus()).isEqualTo(500);
        assertThat(first.lastError()).isEqualTo("The endpoint answered 500.");
        assertThat(Duration.between(start, first.nextAttemptAt())).isBetween(Duration.ofSeconds(29),
                Duration.ofSeconds(40));

        // The dispatcher's idea of the time moves on; nothing is sent before the pause is over.
        dispatcher.deliverDue(start.plusSeconds(5));
        assertThat(delivery(first.id()).attempts()).isEqualTo(1);
        Instant second = start.plusSeconds(41);
        dispatcher.deliverDue(second);
        WebhookDelivery afterSecond = delivery(first.id());
        assertThat(afterSecond.attempts()).isEqualTo(2);
        assertThat(afterSecond.lastStatus()).isEqualTo(502);
        // One minute later (times are stored to the second).
        assertThat(Duration.between(second, afterSecond.nextAttemptAt())).isBetween(Duration.ofSeconds(59),
                Duration.ofSeconds(60));
        dispatcher.deliverDue(second.plus(Duration.ofMinutes(1)));
        WebhookDelivery delivered = delivery(first.id());
        assertThat(delivered.state()).isEqualTo(WebhookDelivery.State.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);

        List<Received> pings = received.stream().filter(r -> r.body().contains("\"ping\"")).toList();
        assertThat(pings).hasSize(3);
        assertThat(pings).allMatch(Received::verified);
        assertThat(pings.stream().map(r -> r.headers().get("webhook-id")).distinct()).containsExactly(first.messageId());
        assertThat(pings.stream().map(r -> r.headers().get("assay-attempt"))).containsExactly("1", "2", "3");

        // A receiver that keeps failing: after a day the delivery is given up, and an admin can try once more.
        synchronized (answers) {
            answers.addAll(List.of(503, 503));
        }
        WebhookDelivery failing = admin(() -> webhooks.sendTest(hook.webhook().id()));
        assertThat(failing.state()).isEqualTo(WebhookDelivery.State.PENDING);
        dispatcher.deliverDue(Instant.now().plus(Duration.ofHours(25)));
        WebhookDelivery gaveUp = delivery(failing.id());
        assertThat(gaveUp.state()).isEqualTo(WebhookDelivery.State.FAILED);
        assertThat(gaveUp.nextAttemptAt()).isNull();
        assertThat(gaveUp.lastError()).isEqualTo("The endpoint answered 503.");
        WebhookDelivery byHand = admin(() -> webhooks.retry(failing.id()));
        assertThat(byHand.state()).isEqualTo(WebhookDelivery.State.DELIVERED);
        assertThat(byHand.attempts()).isEqualTo(3);
        assertThatThrownBy(() -> admin(() -> webhooks.retry(failing.id()))).hasMessageContaining("already been delivered");

        // Nobody listening: the error says so, and the try is counted.
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CreatedWebhook nobody = admin(() -> webhooks.create("http://127.0.0.1:" + closedPort + "/hooks", "Nobody home",
                EnumSet.of(WebhookEvent.DECISION_RECORDED)));
        endpoints.add(nobody.webhook().id());
        WebhookDelivery refused = admin(() -> webhooks.sendTest(nobody.webhook().id()));
        assertThat(refused.state()).isEqualTo(WebhookDelivery.State.PENDING);
        assertThat(refused.lastStatus()).isNull();
        assertThat(refused.lastError()).startsWith("Could not connect");
    }

    private WebhookDelivery delivery(long id) {
        return admin(() -> webhooks.deliveries(endpoints.getFirst(), 0, 100)).stream().filter(d -> d.id() == id)
                .findFirst().orElseThrow();
    }

    @Test
    void closingTheReviewAndDecidingAreAnnounced() throws Exception {
        register(EnumSet.of(WebhookEvent.REVIEW_CLOSED, WebhookEvent.DECISION_RECORDED));
        AssessmentView a = fixtures.assessment();
        StaffMember reviewer = fixtures.reviewer("Webhook Reviewer");
        ReviewFixtures.recruiter(() -> panels.savePanel(a.id(), Set.of(reviewer.id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Decided Person");
        long assignment = ReviewFixtures.as(reviewer, () -> reviews.queue()).getFirst().assignmentId();
        fixtures.scoreAll(reviewer, assignment, 3, "Fine.");
        long submission = ReviewFixtures.recruiter(() -> panels.board(a.id())).submissions().getFirst().submissionId();
        StaffMember recruiter = StaffFixtures.create(staff, "Webhook Decider", StaffRole.RECRUITER).member();
        // Decided while the review is open: not announced (results cannot be read yet).
        ReviewFixtures.as(recruiter, () -> decisions.record(a.id(), List.of(submission), Outcome.HOLD, ""));
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_type = 'decision.recorded' "
                + "and payload like ?").param("%\"invitationId\":" + s.invitationId() + ",%").query(Long.class)
                .single()).isZero();
        ReviewFixtures.recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });
        Received closed = await(r -> r.body().contains("\"review.closed\"")
                && r.body().contains("\"assessmentId\":" + a.id() + ","));
        assertThat(closed.verified()).isTrue();
        assertThat(closed.body()).contains("\"invitationIds\":[" + s.invitationId() + "]");

        ReviewFixtures.as(recruiter, () -> decisions.record(a.id(), List.of(submission), Outcome.ADVANCE,
                "Second look at the critique."));
        Received advanced = await(r -> r.body().contains("\"decision.recorded\"")
                && r.body().contains("\"invitationId\":" + s.invitationId() + ",")
                && r.body().contains("\"outcome\":\"advance\""));
        assertThat(advanced.verified()).isTrue();
        assertThat(advanced.body()).contains("\"previousOutcome\":\"hold\"")
                .contains("\"result\":\"/api/v1/invitations/" + s.invitationId() + "/result\"")
                .doesNotContain("Second look");
    }

    @Test
    void onlyAdminsManageWebhooksBadAddressesAreRefusedInWordsAndPausedEndpointsGetNothing() {
        assertThatThrownBy(() -> ReviewFixtures.recruiter(() -> webhooks.list()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ReviewFixtures.recruiter(() -> webhooks.create(url(), "x",
                EnumSet.of(WebhookEvent.ATTEMPT_SUBMITTED)))).isInstanceOf(AccessDeniedException.class);

        Set<WebhookEvent> some = EnumSet.of(WebhookEvent.ATTEMPT_SUBMITTED);
        Map<WebhookService.Field, String> p = admin(() -> webhooks.problems("ftp://ats.example.com/x", "ATS", some));
        assertThat(p.get(WebhookService.Field.URL)).contains("full address");
        p = admin(() -> webhooks.problems("http://ats.example.com/hooks", "ATS", some));
        assertThat(p.get(WebhookService.Field.URL)).contains("Use https");
        p = admin(() -> webhooks.problems("https://me:pw@ats.example.com/hooks", "ATS", some));
        assertThat(p.get(WebhookService.Field.URL)).contains("Leave names and passwords out");
        p = admin(() -> webhooks.problems("https://ats.example.com/hooks", " ", EnumSet.of(WebhookEvent.PING)));
        assertThat(p).containsOnlyKeys(WebhookService.Field.DESCRIPTION, WebhookService.Field.EVENTS);
        assertThat(admin(() -> webhooks.problems("https://ats.example.com/hooks", "ATS", some))).isEmpty();
        assertThatThrownBy(() -> admin(() -> webhooks.create("http://ats.example.com/h", "ATS", some)))
                .hasMessageContaining("Use https");

        CreatedWebhook hook = register(some);
        WebhookView paused = admin(() -> webhooks.update(hook.webhook().id(), "Paused receiver", some, false));
        assertThat(paused.active()).isFalse();
        long invitation = 910_000_000L + (System.nanoTime() % 1_000_000);
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                events.publishEvent(new AttemptSubmitted(-1, invitation, -1, Instant.now())));
        assertThat(queuedFor(invitation)).isZero();

        admin(() -> webhooks.sendTest(hook.webhook().id()));
        admin(() -> {
            webhooks.delete(hook.webhook().id());
            return null;
        });
        endpoints.remove(hook.webhook().id());
        assertThat(jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ?").param(hook.webhook().id())
                .query(Long.class).single()).isZero();
        List<String> actions = admin(() -> audit.search(new AuditFilter(null, null, "webhook " + hook.webhook().id(),
                null, null), 0, 20)).stream().map(AuditEntry::action).toList();
        assertThat(actions).contains("webhook.created", "webhook.changed", "webhook.deleted");
    }
}
