package dev.assay.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals audit entries with HMAC-SHA256 under a key that is not in the database. The hash chain alone shows
 * that an entry was changed, unless whoever changed it recomputed every later hash; the seal cannot be
 * recomputed without the key. The key comes from {@code ASSAY_AUDIT_KEY} (at least 32 characters; every node
 * of a cluster needs the same) or else from a key file, created with a random key on first start.
 */
@Component
public class AuditSeal {

    private static final Logger log = LoggerFactory.getLogger(AuditSeal.class);
    static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;

    AuditSeal(@Value("${assay.audit.key:${ASSAY_AUDIT_KEY:}}") String configured,
            @Value("${assay.audit.key-file:${ASSAY_AUDIT_KEY_FILE:./data/audit.key}}") String keyFile) {
        String secret = configured == null || configured.isBlank() ? fromFile(Path.of(keyFile)) : configured.strip();
        if (secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("The audit seal key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps its folder's permissions.
            }
            log.warn("Created a new audit seal key in {}. Keep it outside the database and back it up separately; "
                    + "with several nodes, set ASSAY_AUDIT_KEY to one shared value instead.", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit seal key file " + file + " cannot be read or created", e);
        }
    }
}
