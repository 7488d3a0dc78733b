package dev.assay.invitation.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses of candidates: a plausible shape and a case-insensitive key for duplicates. */
public final class Emails {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s.,;<>\"]+$");

    private Emails() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }

    public static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
