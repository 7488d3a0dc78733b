package dev.assay.integration.internal;

import dev.assay.base.InstallationSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to one candidate's PDF rank card, for an applicant tracking system to show beside the result
 * without holding an API key: {@code /api/v1/reports/rank-cards/{submissionId}.pdf?expires=…&signature=…}, where the
 * signature is HMAC-SHA256 (key derived from the installation secret) over the submission and the expiry. A link
 * opens that one report until it expires ({@code assay.api.report-link-ttl}, 7 days) and nothing else.
 */
@Component
public class ReportLinks {

    public static final String PATH = "/api/v1/reports/rank-cards/";

    /** A link and when it stops working. */
    public record Link(String url, Instant expiresAt) {
    }

    private final byte[] key;
    private final Clock clock;
    private final Duration ttl;
    private final String publicUrl;

    @org.springframework.beans.factory.annotation.Autowired
    ReportLinks(InstallationSecret secret, Clock clock, @Value("${assay.api.report-link-ttl:P7D}") Duration ttl,
            @Value("${assay.public-url:http://localhost:8080}") String publicUrl) {
        this(secret.derive("report-link"), clock, ttl, publicUrl);
    }

    ReportLinks(byte[] key, Clock clock, Duration ttl, String publicUrl) {
        this.key = key.clone();
        this.clock = clock;
        this.ttl = ttl;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The portal's public address ({@code assay.public-url}), without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    /** A fresh link to the submission's rank card, absolute (on the portal's public address). */
    public Link issue(long submissionId) {
        Instant expires = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long seconds = expires.getEpochSecond();
        return new Link(publicUrl + PATH + submissionId + ".pdf?expires=" + seconds + "&signature="
                + sign(submissionId, seconds), expires);
    }

    /** Whether a link's signature is right for the submission and expiry, and the expiry still ahead. */
    public boolean valid(long submissionId, String expires, String signature) {
        if (expires == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        boolean right = MessageDigest.isEqual(sign(submissionId, seconds).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        return right && clock.instant().getEpochSecond() < seconds;
    }

    private String sign(long submissionId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("rank-card:" + submissionId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
