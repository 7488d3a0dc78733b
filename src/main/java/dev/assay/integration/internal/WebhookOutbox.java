package dev.assay.integration.internal;

import dev.assay.attempt.AttemptSubmitted;
import dev.assay.decision.DecisionRecorded;
import dev.assay.integration.WebhookEvent;
import dev.assay.invitation.InvitationOpened;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.review.ReviewClosed;
import dev.assay.review.port.ScoredWork;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the portal's events into webhook deliveries, one per subscribed endpoint, written in the transaction of the
 * change they announce (plain listeners run inside it): when that change rolls back, so do its deliveries, and no
 * receiver ever hears of something that did not happen. Sending is left to {@link WebhookDispatcher}. Payloads carry
 * ids and API paths, never names or emails: a receiver reads those through the API with a key's scopes.
 *
 * <p>It also records the review's closing and decisions on the invitations, so that the API lists them as changed.
 */
@Component
public class WebhookOutbox {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final WebhookStore store;
    private final CandidateRecords invitations;
    private final ScoredWork work;

    WebhookOutbox(WebhookStore store, CandidateRecords invitations, ScoredWork work) {
        this.store = store;
        this.invitations = invitations;
        this.work = work;
    }

    @EventListener
    void opened(InvitationOpened e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invitationId", e.invitationId());
        data.put("assessmentId", e.assessmentId());
        data.put("openedAt", e.openedAt().toString());
        data.put("invitation", "/api/v1/invitations/" + e.invitationId());
        queue(WebhookEvent.INVITATION_OPENED, data, e.openedAt());
    }

    @EventListener
    void submitted(AttemptSubmitted e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invitationId", e.invitationId());
        data.put("assessmentId", e.assessmentId());
        data.put("submittedAt", e.submittedAt().toString());
        data.put("invitation", "/api/v1/invitations/" + e.invitationId());
        queue(WebhookEvent.ATTEMPT_SUBMITTED, data, e.submittedAt());
    }

    @EventListener
    void closed(ReviewClosed e) {
        invitations.touch(e.invitationIds(), e.closedAt());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assessmentId", e.assessmentId());
        data.put("closedAt", e.closedAt().toString());
        data.put("invitationIds", e.invitationIds());
        data.put("invitations", "/api/v1/invitations?assessment_id=" + e.assessmentId());
        queue(WebhookEvent.REVIEW_CLOSED, data, e.closedAt());
    }

    /**
     * A decision, announced once results can be read: a decision recorded while the review is still open is not
     * (integrations read results only after the review closes, and {@code review.closed} then names everyone).
     */
    @EventListener
    void decided(DecisionRecorded e) {
        if (!work.reviewClosed(e.assessmentId())) {
            return;
        }
        invitations.touch(List.of(e.invitationId()), e.decidedAt());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assessmentId", e.assessmentId());
        data.put("invitationId", e.invitationId());
        data.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
        data.put("previousOutcome", e.previous() == null ? null : e.previous().name().toLowerCase(Locale.ROOT));
        data.put("decidedAt", e.decidedAt().toString());
        data.put("result", "/api/v1/invitations/" + e.invitationId() + "/result");
        queue(WebhookEvent.DECISION_RECORDED, data, e.decidedAt());
    }

    /** Queues an event for every active endpoint that wants it; returns the message id (null when none wants it). */
    String queue(WebhookEvent event, Map<String, Object> data, Instant at) {
        List<WebhookStore.Endpoint> to = store.subscribers(event);
        if (to.isEmpty()) {
            return null;
        }
        String id = messageId();
        String payload = payload(event, data, at);
        for (WebhookStore.Endpoint endpoint : to) {
            store.insertDelivery(endpoint.id(), id, event, payload, at, true);
        }
        return id;
    }

    /** Queues an event for one endpoint whatever it subscribes to (a test event); returns the delivery's id. */
    public long queueTo(long endpointId, WebhookEvent event, Map<String, Object> data, Instant at) {
        return store.insertDelivery(endpointId, messageId(), event, payload(event, data, at), at, false);
    }

    /** The body every delivery of an event carries: Standard Webhooks' type, timestamp and data. */
    static String payload(WebhookEvent event, Map<String, Object> data, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("timestamp", at.toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    /** {@code msg_} and 24 random base-62 characters (143 bits). */
    static String messageId() {
        StringBuilder id = new StringBuilder("msg_");
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
