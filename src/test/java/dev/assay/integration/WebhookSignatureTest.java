package dev.assay.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Signatures against the Standard Webhooks specification's published example (the test vector its reference
 * libraries share: secret, message id, timestamp and body, and the signature they must give), and the checks a
 * receiver makes: a tampered body, another secret, an old or future timestamp, missing headers, several signatures.
 */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String PUBLISHED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsThePublishedExampleAsTheSpecificationDoes() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(PUBLISHED);
        // The key is what follows whsec_, base64-decoded; without the prefix the same key gives the same signature.
        assertThat(WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID, TIMESTAMP, BODY)).isEqualTo(PUBLISHED);
    }

    @Test
    void aReceiverAcceptsOnlyAnUntouchedFreshMessage() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP + 60);
        String ts = Long.toString(TIMESTAMP);
        assertThat(WebhookSignature.verify(SECRET, ID, ts, PUBLISHED, BODY, now)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, ts, PUBLISHED, "{\"test\": 2432232315}", now)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "msg_other", ts, PUBLISHED, BODY, now)).isFalse();
        assertThat(WebhookSignature.verify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]), ID, ts,
                PUBLISHED, BODY, now)).isFalse();
        // Replays: more than five minutes either side of the receiver's clock.
        assertThat(WebhookSignature.verify(SECRET, ID, ts, PUBLISHED, BODY, Instant.ofEpochSecond(TIMESTAMP + 301)))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, ts, PUBLISHED, BODY, Instant.ofEpochSecond(TIMESTAMP - 301)))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, ts, PUBLISHED, BODY, Instant.ofEpochSecond(TIMESTAMP + 300)))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, null, PUBLISHED, BODY, now)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, "soon", PUBLISHED, BODY, now)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, ts, null, BODY, now)).isFalse();
        // Several signatures (as during a secret's rotation): one match is enough.
        assertThat(WebhookSignature.verify(SECRET, ID, ts, "v1,bm90IGl0 " + PUBLISHED, BODY, now)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, ts, "v1,bm90IGl0 v1,YWxzbyBub3Q=", BODY, now)).isFalse();
    }
}
