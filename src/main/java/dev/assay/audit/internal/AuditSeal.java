package dev.assay.audit.internal;

import dev.assay.base.InstallationSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals audit entries with HMAC-SHA256 under a key derived from the installation secret, which is not in the
 * database. The hash chain alone shows that an entry was changed, unless whoever changed it recomputed every
 * later hash; the seal cannot be recomputed without the key.
 */
@Component
public class AuditSeal {

    private final SecretKeySpec key;

    AuditSeal(InstallationSecret secret) {
        this.key = new SecretKeySpec(secret.derive("audit-seal"), "HmacSHA256");
    }

    /** The seal of an entry's hash. */
    public String seal(String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the seal belongs to the hash under this installation's key (compared in constant time). */
    public boolean matches(String hash, String seal) {
        return seal != null && MessageDigest.isEqual(seal(hash).getBytes(StandardCharsets.US_ASCII),
                seal.getBytes(StandardCharsets.US_ASCII));
    }
}
