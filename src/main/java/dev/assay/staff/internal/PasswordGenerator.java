package dev.assay.staff.internal;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Temporary passwords that are strong (about 95 bits) yet easy to read out and type. */
@Component
public class PasswordGenerator {

    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** Four groups of four characters, e.g. {@code k7Qm-x2Pa-9rTt-Hd4e}. */
    public String next() {
        StringBuilder password = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
