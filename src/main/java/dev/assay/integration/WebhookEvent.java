package dev.assay.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a webhook endpoint can be told about; {@link #PING} is only sent by the admin page's "Send test event". */
public enum WebhookEvent {
    INVITATION_OPENED("invitation.opened", "A candidate opened their link for the first time"),
    ATTEMPT_SUBMITTED("attempt.submitted", "A candidate's attempt was submitted, by them or at the deadline"),
    REVIEW_CLOSED("review.closed", "An assessment's review was closed: results can be read"),
    DECISION_RECORDED("decision.recorded", "A recruiter recorded or changed a decision on a candidate"),
    PING("ping", "A test event, sent on request");

    private final String type;
    private final String description;

    WebhookEvent(String type, String description) {
        this.type = type;
        this.description = description;
    }

    /** The name on the wire, e.g. {@code attempt.submitted}. */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The events an endpoint can subscribe to, in the order a candidate meets them. */
    public static List<WebhookEvent> subscribable() {
        return Arrays.stream(values()).filter(e -> e != PING).toList();
    }

    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
