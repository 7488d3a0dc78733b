package dev.assay.base;

import java.util.regex.Pattern;

/**
 * Masks candidates' link tokens in text that may reach a log. A token is the candidate's only credential,
 * and addresses such as {@code /c/<token>} turn up in error messages and exceptions, so every log line passes
 * through {@link #mask} (see {@code logback-spring.xml}).
 */
public final class LogSafe {

    /** A candidate page address: "c/" followed by a token (32 random bytes, base64url: 43 characters). */
    private static final Pattern CANDIDATE_LINK = Pattern.compile("(?<![A-Za-z0-9_-])c/[A-Za-z0-9_-]{16,}");

    private LogSafe() {
    }

    public static String mask(String text) {
        if (text == null || !text.contains("c/")) {
            return text;
        }
        return CANDIDATE_LINK.matcher(text).replaceAll("c/[link]");
    }
}
