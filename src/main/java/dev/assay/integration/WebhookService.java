package dev.assay.integration;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import dev.assay.integration.internal.OutboundUrls;
import dev.assay.integration.internal.WebhookDispatcher;
import dev.assay.integration.internal.WebhookOutbox;
import dev.assay.integration.internal.WebhookStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints, for admins: register one with the events it wants (its signing secret is shown once, stored
 * encrypted), change or pause it, delete it, read its delivery log, send it a test event, and retry a delivery by
 * hand. Registering, changing and deleting are audited.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class WebhookService {

    public static final int MAX_URL = 500;
    public static final int MAX_DESCRIPTION = 200;

    /** A form's fields, for problems shown next to them. */
    public enum Field {
        URL, DESCRIPTION, EVENTS
    }

    private final WebhookStore store;
    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookService(WebhookStore store, WebhookOutbox outbox, WebhookDispatcher dispatcher, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WebhookView> list() {
        return store.views();
    }

    /**
     * Everything wrong with an endpoint, by field: the address must be an absolute https URL (plain http only to
     * this machine, for trying things out) of at most {@value #MAX_URL} characters, without user information; the
     * description is required; at least one event.
     */
    public Map<Field, String> problems(String url, String description, Set<WebhookEvent> events) {
        Map<Field, String> problems = new LinkedHashMap<>();
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            problems.put(Field.URL, "Enter the address that receives the events.");
        } else if (u.length() > MAX_URL) {
            problems.put(Field.URL, "Keep the address under " + MAX_URL + " characters.");
        } else {
            OutboundUrls.problem(u).ifPresent(p -> problems.put(Field.URL, p));
        }
        String d = description == null ? "" : description.strip();
        if (d.isEmpty()) {
            problems.put(Field.DESCRIPTION, "Say what receives these events, e.g. \"Greenhouse sync\".");
        } else if (d.length() > MAX_DESCRIPTION) {
            problems.put(Field.DESCRIPTION, "Keep the description under " + MAX_DESCRIPTION + " characters.");
        }
        if (events == null || events.isEmpty() || events.stream().allMatch(e -> e == WebhookEvent.PING)) {
            problems.put(Field.EVENTS, "Choose at least one event.");
        }
        return problems;
    }

    /** Registers an endpoint and returns it with its new signing secret, shown this once. */
    public CreatedWebhook create(String url, String description, Set<WebhookEvent> events) {
        refuseProblems(url, description, events);
        byte[] key = new byte[24];
        random.nextBytes(key);
        String secret = WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        Set<WebhookEvent> chosen = subscribable(events);
        long id = store.insertEndpoint(url.strip(), description.strip(), chosen, secret,
                SystemAuthentication.currentName(), clock.instant());
        audit.record("webhook.created", "webhook " + id, "Endpoint " + url.strip() + " for "
                + chosen.stream().map(WebhookEvent::type).toList() + ".", null);
        return new CreatedWebhook(view(id), secret);
    }

    /** Changes an endpoint's description and events, or pauses it (a paused endpoint gets no new deliveries). */
    public WebhookView update(long id, String description, Set<WebhookEvent> events, boolean active) {
        WebhookView before = view(id);
        refuseProblems(before.url(), description, events);
        Set<WebhookEvent> chosen = subscribable(events);
        store.updateEndpoint(id, description.strip(), chosen, active);
        audit.record("webhook.changed", "webhook " + id, (active ? "Active" : "Paused") + " for "
                + chosen.stream().map(WebhookEvent::type).toList() + ".", null);
        return view(id);
    }

    /** Deletes an endpoint and its delivery log; deliveries still waiting are dropped. */
    public void delete(long id) {
        WebhookView before = view(id);
        store.deleteEndpoint(id);
        audit.record("webhook.deleted", "webhook " + id, "Endpoint " + before.url() + " and its delivery log deleted.",
                null);
    }

    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(long endpointId, int offset, int limit) {
        return store.deliveries(endpointId, Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public long deliveryCount(long endpointId) {
        return store.deliveryCount(endpointId);
    }

    /**
     * Sends the endpoint a {@code ping} event now and returns how it went (delivered, or pending with the error and
     * the time of the next try). Runs outside a transaction: the delivery is recorded before it is sent.
     */
    @Transactional(propagation = Propagation.NEVER)
    public WebhookDelivery sendTest(long endpointId) {
        view(endpointId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpointId", endpointId);
        data.put("message", "A test event from Assay, sent by " + SystemAuthentication.currentName() + ".");
        long delivery = outbox.queueTo(endpointId, WebhookEvent.PING, data, clock.instant());
        if (delivery < 0) {
            throw new IllegalArgumentException("This webhook endpoint no longer exists.");
        }
        dispatcher.deliverNow(delivery);
        return store.delivery(delivery).orElseThrow();
    }

    /** Tries a pending or failed delivery once more, now, and returns how it went. */
    @Transactional(propagation = Propagation.NEVER)
    public WebhookDelivery retry(long deliveryId) {
        WebhookDelivery d = store.delivery(deliveryId)
                .orElseThrow(() -> new IllegalArgumentException("This delivery no longer exists."));
        if (d.state() == WebhookDelivery.State.DELIVERED) {
            throw new IllegalArgumentException("This delivery has already been delivered.");
        }
        store.reopen(deliveryId, clock.instant());
        audit.record("webhook.retried", "webhook " + d.endpointId(), "Delivery " + deliveryId + " (" + d.event()
                + ") retried by hand.", null);
        dispatcher.deliverNow(deliveryId);
        return store.delivery(deliveryId).orElseThrow();
    }

    private WebhookView view(long id) {
        return store.views().stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This webhook endpoint no longer exists."));
    }

    private void refuseProblems(String url, String description, Set<WebhookEvent> events) {
        Map<Field, String> problems = problems(url, description, events);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems.values()));
        }
    }

    private static Set<WebhookEvent> subscribable(Set<WebhookEvent> events) {
        Set<WebhookEvent> chosen = EnumSet.copyOf(events);
        chosen.remove(WebhookEvent.PING);
        return chosen;
    }
}
