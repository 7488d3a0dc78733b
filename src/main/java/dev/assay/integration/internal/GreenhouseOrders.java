package dev.assay.integration.internal;

import dev.assay.base.ClusterJobs;
import dev.assay.base.InstallationSecret;
import dev.assay.base.SealedBox;
import dev.assay.integration.port.IntegrationRecords;
import dev.assay.review.ReviewClosed;
import dev.assay.review.ScoredSubmission;
import dev.assay.review.port.ScoredWork;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tests Greenhouse sent (one row per invitation a {@code send_test} made) and Assay's "test completed" call back to
 * Greenhouse: when an assessment's review closes, the orders of its reviewed candidates become due, and every node
 * sends due callbacks ({@code PATCH} to the address Greenhouse gave, no body, HTTP Basic with the key Greenhouse
 * presented), each claimed under a lease, retried with the webhooks' pauses for a day. Greenhouse then reads the
 * result from {@code test_status}.
 */
@Component
public class GreenhouseOrders implements IntegrationRecords {

    private static final Logger log = LoggerFactory.getLogger(GreenhouseOrders.class);

    /** Where Greenhouse's assessment-partner endpoints live. */
    public static final String PATH = "/api/greenhouse/";

    /**
     * The request attribute holding the key a Greenhouse request presented, for the one use that needs it in clear:
     * authenticating Assay's "test completed" call back to Greenhouse, which expects the same key.
     */
    public static final String PRESENTED_KEY = GreenhouseOrders.class.getName() + ".presentedKey";

    /** Where an order's callback stands: waiting for the result, due, sent, given up, or not asked for. */
    public enum Callback {
        WAITING, PENDING, DONE, FAILED, NONE
    }

    /** One order as the status endpoint needs it. */
    public record Order(long invitationId, String partnerTestId, String profileUrl, Callback callback) {
    }

    private final JdbcClient jdbc;
    private final ScoredWork work;
    private final SealedBox box;
    private final Clock clock;
    private final String node;
    private final Duration retryFor;
    private final Duration timeout;
    private final HttpClient http;

    GreenhouseOrders(JdbcClient jdbc, InstallationSecret secret, Clock clock, ClusterJobs cluster, ScoredWork work,
            @Value("${assay.webhooks.retry-for:PT24H}") Duration retryFor,
            @Value("${assay.webhooks.timeout:PT10S}") Duration timeout) {
        this.jdbc = jdbc;
        this.work = work;
        this.box = new SealedBox(secret, "greenhouse-key");
        this.clock = clock;
        this.node = cluster.node();
        this.retryFor = retryFor;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Records the order a {@code send_test} made, in the caller's transaction. */
    public void record(long invitationId, String partnerTestId, String callbackUrl, String profileUrl, String sentBy,
            String key) {
        boolean callback = callbackUrl != null && !callbackUrl.isBlank();
        jdbc.sql("insert into greenhouse_order (invitation_id, partner_test_id, callback_url, profile_url, sent_by, "
                + "key_sealed, created_at, callback_state) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(invitationId, partnerTestId, callback ? callbackUrl.strip() : null, profileUrl, sentBy,
                        callback ? box.seal(key) : null, Timestamp.from(clock.instant()),
                        (callback ? Callback.WAITING : Callback.NONE).name())
                .update();
    }

    public Optional<Order> order(long invitationId) {
        return jdbc.sql("select invitation_id, partner_test_id, profile_url, callback_state from greenhouse_order "
                + "where invitation_id = ?").param(invitationId)
                .query((rs, n) -> new Order(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Callback.valueOf(rs.getString(4)))).optional();
    }

    /**
     * The review closed: the callbacks of its reviewed candidates' orders are due now (in the closing transaction).
     * A candidate without a submitted review has no result, so Greenhouse is not told their test is complete.
     */
    @EventListener
    void closed(ReviewClosed e) {
        Instant now = e.closedAt();
        List<Long> reviewed = work.scores(e.assessmentId()).stream().filter(s -> !s.reviews().isEmpty())
                .map(ScoredSubmission::invitationId).toList();
        for (Long invitationId : reviewed) {
            jdbc.sql("update greenhouse_order set callback_state = 'PENDING', callback_since = ?, callback_due_at = ? "
                    + "where invitation_id = ? and callback_state = 'WAITING'")
                    .params(Timestamp.from(now), Timestamp.from(now), invitationId).update();
        }
    }

    @Scheduled(fixedDelayString = "${assay.webhooks.dispatch-interval:PT2S}",
            initialDelayString = "${assay.webhooks.dispatch-initial-delay:PT5S}")
    public void dispatch() {
        sendDue(clock.instant());
    }

    /** Sends the callbacks due at {@code now}; returns how many Greenhouse accepted. */
    public int sendDue(Instant now) {
        List<Long> due = jdbc.sql("select invitation_id from greenhouse_order where callback_state = 'PENDING' "
                + "and callback_due_at <= ? and (lease_until is null or lease_until <= ?) order by callback_due_at "
                + "limit 50").params(Timestamp.from(now), Timestamp.from(clock.instant())).query(Long.class).list();
        int sent = 0;
        for (Long id : due) {
            Instant real = clock.instant();
            boolean claimed = jdbc.sql("update greenhouse_order set lease_owner = ?, lease_until = ? where invitation_id = ? "
                    + "and callback_state = 'PENDING' and (lease_until is null or lease_until <= ?)")
                    .params(node, Timestamp.from(real.plus(timeout.multipliedBy(3))), id, Timestamp.from(real))
                    .update() == 1;
            if (claimed && send(id, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(long invitationId, Instant now) {
        record Row(String url, String key, int attempts, Instant since) {
        }
        Row row = jdbc.sql("select callback_url, key_sealed, callback_attempts, callback_since from greenhouse_order "
                + "where invitation_id = ?").param(invitationId)
                .query((rs, n) -> new Row(rs.getString(1), box.open(rs.getString(2)), rs.getInt(3),
                        rs.getTimestamp(4).toInstant())).single();
        String basic = Base64.getEncoder().encodeToString((row.key() + ":").getBytes(StandardCharsets.UTF_8));
        WebhookDispatcher.Outcome outcome;
        try {
            outcome = WebhookDispatcher.exchange(http, HttpRequest.newBuilder(URI.create(row.url())).timeout(timeout)
                    .header("Authorization", "Basic " + basic).header("User-Agent", WebhookDispatcher.USER_AGENT)
                    .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), timeout);
        } catch (IllegalArgumentException e) {
            outcome = new WebhookDispatcher.Outcome(null, "The callback address is not usable: " + e.getMessage());
        }
        Integer status = outcome.status();
        String error = outcome.error() == null ? null : outcome.error().replace("The endpoint", "Greenhouse");
        int attempts = row.attempts() + 1;
        Instant at = clock.instant();
        if (error == null) {
            jdbc.sql("update greenhouse_order set callback_state = 'DONE', callback_attempts = ?, callback_last_status = ?, "
                    + "callback_last_error = null, callback_done_at = ?, lease_owner = null, lease_until = null "
                    + "where invitation_id = ? and lease_owner = ?")
                    .params(attempts, status, Timestamp.from(at), invitationId, node).update();
            return true;
        }
        Instant next = now.plus(WebhookDispatcher.pause(attempts));
        boolean giveUp = next.isAfter(row.since().plus(retryFor));
        jdbc.sql("update greenhouse_order set callback_state = ?, callback_attempts = ?, callback_last_status = ?, "
                + "callback_last_error = ?, callback_due_at = ?, lease_owner = null, lease_until = null "
                + "where invitation_id = ? and lease_owner = ?")
                .params(giveUp ? "FAILED" : "PENDING", attempts, status, error.length() > 300 ? error.substring(0, 300)
                        : error, giveUp ? null : Timestamp.from(next), invitationId, node).update();
        log.info("Greenhouse callback for invitation {} failed (attempt {}): {}{}", invitationId, attempts, error,
                giveUp ? "; given up (Greenhouse can still read the result from test_status)" : "");
        return false;
    }

    @Override
    public void forget(long invitationId) {
        jdbc.sql("update greenhouse_order set profile_url = null, sent_by = null where invitation_id = ?")
                .param(invitationId).update();
    }
}
