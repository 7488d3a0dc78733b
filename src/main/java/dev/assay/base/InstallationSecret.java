package dev.assay.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's secret, kept outside the database: from {@code ASSAY_SECRET} (at least 32 characters;
 * every node of a cluster needs the same value) or else from a key file, created with a random secret on the
 * first start. Each use gets its own key derived from it ({@link #derive}), so the audit seal and the outbox
 * encryption never share a key. Whoever holds only a copy of the database holds neither.
 */
@Component
public class InstallationSecret {

    private static final Logger log = LoggerFactory.getLogger(InstallationSecret.class);
    public static final int MIN_LENGTH = 32;

    private final byte[] secret;

    InstallationSecret(@Value("${assay.secret:${ASSAY_SECRET:}}") String configured,
            @Value("${assay.secret-file:${ASSAY_SECRET_FILE:./data/assay-secret.key}}") String file) {
        String value = configured == null || configured.isBlank() ? fromFile(Path.of(file)) : configured.strip();
        if (value.length() < MIN_LENGTH) {
            throw new IllegalStateException("The installation secret must be at least " + MIN_LENGTH + " characters");
        }
        this.secret = value.getBytes(StandardCharsets.UTF_8);
    }

    /** A 256-bit key for one purpose, e.g. "audit-seal": HMAC-SHA256 of the purpose under the secret. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("assay/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String value = Base64.getEncoder().encodeToString(random);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps its folder's permissions.
            }
            log.warn("Created a new installation secret in {}. Keep it outside the database and back it up "
                    + "separately: without it the audit seals cannot be checked and held outbox messages cannot be "
                    + "read. With several nodes, set ASSAY_SECRET to one shared value instead.", file.toAbsolutePath().normalize());
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("The installation secret file " + file + " cannot be read or created", e);
        }
    }
}
