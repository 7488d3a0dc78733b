package dev.assay.integration.internal;

import dev.assay.base.ClusterJobs;
import dev.assay.integration.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued webhook deliveries. Every node of a cluster runs it: a node first claims a batch of due deliveries with
 * one conditional update (its name and a lease), so no two nodes send the same delivery at once; a node that dies
 * leaves its claim to run out, and another node sends again (receivers tell repeats apart by {@code webhook-id}).
 * A 2xx answer delivers; anything else (another status, a refused connection, a timeout after
 * {@code assay.webhooks.timeout}) is retried after a pause that doubles from 30 seconds up to three hours, until the
 * next try would fall more than {@code assay.webhooks.retry-for} (a day) after the event: then the delivery has
 * failed, and an admin can retry it by hand. Redirects are not followed. Each attempt is signed afresh
 * ({@code webhook-timestamp} is the moment of sending) so that retries pass receivers' replay window.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofHours(3);
    public static final String USER_AGENT = "Assay-Webhooks/1";

    private final WebhookStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node;
    private final Duration timeout;
    private final Duration retryFor;
    private final Duration lease;
    private final Duration keep;
    private final ClusterJobs cluster;
    private final HttpClient http;

    WebhookDispatcher(WebhookStore store, JdbcClient jdbc, Clock clock, ClusterJobs cluster,
            @Value("${assay.webhooks.timeout:PT10S}") Duration timeout,
            @Value("${assay.webhooks.retry-for:PT24H}") Duration retryFor,
            @Value("${assay.webhooks.keep:P30D}") Duration keep) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cluster = cluster;
        this.node = cluster.node();
        this.timeout = timeout;
        this.retryFor = retryFor;
        this.keep = keep;
        // Far longer than a batch can take: every request ends by its timeout.
        this.lease = timeout.multipliedBy(BATCH + 5);
        // HTTP/1.1: receivers behind simple servers choke on the h2c upgrade an HTTP/2 client offers on plain http.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The pause before retry number {@code attempts} (1 after the first failure): 30 s, 1 min, 2 min … 3 h. */
    static Duration pause(int attempts) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    @Scheduled(fixedDelayString = "${assay.webhooks.dispatch-interval:PT2S}",
            initialDelayString = "${assay.webhooks.dispatch-initial-delay:PT5S}")
    public void dispatch() {
        deliverDue(clock.instant());
    }

    /** Deletes deliveries older than {@code assay.webhooks.keep} (30 days), once an hour on one node. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public void purge() {
        cluster.runOnce("webhook-purge", Duration.ofMinutes(10), Duration.ofMinutes(50), () -> {
            int gone = jdbc.sql("delete from webhook_delivery where created_at < ? and state <> 'PENDING'")
                    .param(Timestamp.from(clock.instant().minus(keep))).update();
            if (gone > 0) {
                log.info("Deleted {} webhook deliveries older than {}", gone, keep);
            }
        });
    }

    /**
     * Claims and sends the deliveries due at {@code now} (the dispatcher's idea of the time, for choosing what is due
     * and when to try again); returns how many were delivered.
     */
    public int deliverDue(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<Long> due = jdbc.sql("select id from webhook_delivery where state = 'PENDING' and next_attempt_at <= ? "
                + "and (lease_until is null or lease_until <= ?) order by next_attempt_at, id limit ?")
                .params(Timestamp.from(at), Timestamp.from(clock.instant()), BATCH).query(Long.class).list();
        int delivered = 0;
        for (Long id : due) {
            if (claim(id) && send(id, at)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Sends one pending delivery now, whether due or not (the admin page's test event and retry); false if taken. */
    public boolean deliverNow(long id) {
        return claim(id) && send(id, clock.instant()) ;
    }

    private boolean claim(long id) {
        Instant real = clock.instant();
        return jdbc.sql("update webhook_delivery set lease_owner = ?, lease_until = ? where id = ? and state = 'PENDING' "
                + "and (lease_until is null or lease_until <= ?)")
                .params(node, Timestamp.from(real.plus(lease)), id, Timestamp.from(real)).update() == 1;
    }

    /** What one request got: the HTTP status, or null; the error in words, or null when it succeeded (2xx). */
    record Outcome(Integer status, String error) {
    }

    /**
     * Sends a request and waits for the whole answer at most twice the timeout ({@link HttpRequest#timeout} covers
     * only the wait for the answer's headers; a receiver that sends them and then trickles the body would otherwise
     * hold the sending thread forever). The answer's body is discarded.
     */
    static Outcome exchange(HttpClient http, HttpRequest request, Duration timeout) {
        java.util.concurrent.CompletableFuture<HttpResponse<Void>> sent =
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = sent.get(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS).statusCode();
            return new Outcome(status, status >= 200 && status <= 299 ? null : "The endpoint answered " + status + ".");
        } catch (java.util.concurrent.TimeoutException e) {
            sent.cancel(true);
            return new Outcome(null, "No complete answer within " + timeout.multipliedBy(2).toSeconds() + " s.");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new Outcome(null, "No answer within " + timeout.toSeconds() + " s.");
            }
            return new Outcome(null, "Could not connect: " + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            return new Outcome(null, "Interrupted while sending.");
        }
    }

    /** One attempt; true when delivered. */
    private boolean send(long id, Instant now) {
        WebhookDelivery d = store.delivery(id).orElse(null);
        if (d == null) {
            return false;
        }
        WebhookStore.Endpoint endpoint = store.endpoint(d.endpointId()).orElse(null);
        if (endpoint == null) {
            return false;
        }
        long started = System.nanoTime();
        long timestamp = clock.instant().getEpochSecond();
        Outcome outcome;
        try {
            outcome = exchange(http, HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("webhook-id", d.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", dev.assay.integration.WebhookSignature.sign(endpoint.secret(),
                            d.messageId(), timestamp, d.payload()))
                    .header("Assay-Event", d.event())
                    .header("Assay-Attempt", Integer.toString(d.attempts() + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build(), timeout);
        } catch (IllegalArgumentException e) {
            outcome = new Outcome(null, "The endpoint's address is not usable: " + e.getMessage());
        }
        Integer status = outcome.status();
        String error = outcome.error();
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        int attempts = d.attempts() + 1;
        Instant attemptedAt = clock.instant();
        if (error == null) {
            jdbc.sql("update webhook_delivery set state = 'DELIVERED', attempts = ?, last_attempt_at = ?, "
                    + "last_status = ?, last_error = null, last_millis = ?, delivered_at = ?, next_attempt_at = null, "
                    + "lease_owner = null, lease_until = null where id = ? and lease_owner = ?")
                    .params(attempts, Timestamp.from(attemptedAt), status, millis, Timestamp.from(attemptedAt), id, node)
                    .update();
            return true;
        }
        Instant next = now.plus(pause(attempts));
        boolean giveUp = next.isAfter(d.createdAt().plus(retryFor));
        jdbc.sql("update webhook_delivery set state = ?, attempts = ?, last_attempt_at = ?, last_status = ?, "
                + "last_error = ?, last_millis = ?, next_attempt_at = ?, lease_owner = null, lease_until = null "
                + "where id = ? and lease_owner = ?")
                .params(giveUp ? "FAILED" : "PENDING", attempts, Timestamp.from(attemptedAt), status,
                        error.length() > 300 ? error.substring(0, 297) + "..." : error, millis,
                        giveUp ? null : Timestamp.from(next), id, node)
                .update();
        log.info("Webhook delivery {} ({}) to endpoint {} failed (attempt {}): {}{}", id, d.event(), d.endpointId(),
                attempts, error, giveUp ? "; given up" : "; next try at " + next);
        return false;
    }
}
