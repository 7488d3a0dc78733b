package dev.assay.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as the Standard Webhooks specification (standardwebhooks.com, v1) defines them, so receivers
 * can verify with its libraries: the secret is {@code whsec_} + base64 of the key; the {@code webhook-signature}
 * header is {@code v1,} + base64 of HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body}; receivers refuse a
 * timestamp more than {@link #TOLERANCE} from their clock, which stops replays.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header's value for one message. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Whether a received message is authentic and fresh: one of the header's space-separated signatures matches
     * (compared in constant time) and the timestamp is within {@link #TOLERANCE} of {@code now}.
     */
    public static boolean verify(String secret, String messageId, String timestamp, String signatures, String body,
            Instant now) {
        if (messageId == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, messageId, seconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean any = false;
        for (String given : signatures.strip().split(" +")) {
            any |= MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
        }
        return any;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
