package dev.assay.base;

import java.security.SecureRandom;

/**
 * Short reference ids printed on error pages and in the log beside the stack trace, so a person can
 * report "ERR-7F3K9Q" and an operator can find exactly what went wrong.
 */
public final class ErrorReference {

    // No 0/O or 1/I: people read these aloud and type them.
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder("ERR-");
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
