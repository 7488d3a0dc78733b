package dev.assay.taskbank;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Keys identify roles, criteria and tasks across installations: lower-case words joined by '-'. */
public final class Keys {

    public static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 60;

    private Keys() {
    }

    public static boolean isValid(String key) {
        return key != null && key.length() <= MAX_LENGTH && KEY.matcher(key).matches();
    }

    /** A key made from a name, e.g. "Customer Success Manager" → "customer-success-manager". */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String key = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (key.length() > MAX_LENGTH - 4) {
            key = key.substring(0, MAX_LENGTH - 4).replaceAll("-+$", "");
        }
        return key.isEmpty() ? "item" : key;
    }

    /** {@link #fromName} made unique against keys already taken by adding -2, -3, …. */
    public static String unique(String name, Predicate<String> taken) {
        String base = fromName(name);
        String key = base;
        for (int n = 2; taken.test(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }
}
