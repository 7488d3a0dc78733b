package dev.assay.invitation.internal;

import dev.assay.base.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Invitation tokens: 256 random bits, URL-safe. Only the SHA-256 of a token is stored, so a copy of the
 * database does not contain working links.
 */
public final class Tokens {

    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }

    /** Whether a string could be a token at all; anything else is refused before a database lookup. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
    }
}
