package dev.assay.base;

import java.util.Locale;

/**
 * What people type into a search box, as a SQL {@code LIKE} pattern that matches it anywhere, lower-cased,
 * with {@code %}, {@code _} and the escape character taken literally. Use it with {@link #ESCAPE}.
 */
public final class SearchText {

    public static final char ESCAPE = '\\';

    private SearchText() {
    }

    public static String containsPattern(String typed) {
        String literal = typed.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
