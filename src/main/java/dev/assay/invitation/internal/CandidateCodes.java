package dev.assay.invitation.internal;

import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * The code reviewers see instead of a candidate's name, e.g. {@code C-7F3K}: random, from an alphabet
 * without look-alike characters, and unique in the installation.
 */
public final class CandidateCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CandidateCodes() {
    }

    public static String next(Predicate<String> taken) {
        for (int length = 4; ; length++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                StringBuilder code = new StringBuilder("C-");
                for (int i = 0; i < length; i++) {
                    code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
                }
                if (!taken.test(code.toString())) {
                    return code.toString();
                }
            }
        }
    }
}
