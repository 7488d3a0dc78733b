package dev.assay.base;

import java.util.Locale;
import java.util.Optional;

/**
 * Rules for one-line names and titles (people's names, task and role titles, criteria): no control
 * characters (line breaks, tabs, NUL, BEL…) and no invisible formatting characters that can disguise text,
 * such as bidirectional overrides (which can make "txt.exe" read "exe.txt") or zero-width spaces (which make
 * two names look identical). Zero-width joiners and non-joiners stay allowed: Persian and Indic names need them.
 */
public final class PlainText {

    private PlainText() {
    }

    /** What is wrong with the text, in words, or empty if it is plain. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (refused(cp)) {
                String name = Character.getName(cp);
                return Optional.of(String.format(Locale.ROOT, "contains an invisible or control character "
                        + "(U+%04X%s) at position %d; retype it without hidden characters", cp,
                        name == null ? "" : " " + name.toLowerCase(Locale.ROOT), i + 1));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    static boolean refused(int cp) {
        return Character.isISOControl(cp)                 // C0 and C1 controls, DEL: NUL, BEL, tab, line breaks
                || cp >= 0x202A && cp <= 0x202E           // bidirectional embeddings and overrides
                || cp >= 0x2066 && cp <= 0x2069           // bidirectional isolates
                || cp == 0x200E || cp == 0x200F || cp == 0x061C  // directional marks
                || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF  // zero-width space, word joiner, BOM
                || cp == 0x2028 || cp == 0x2029;          // line and paragraph separators
    }
}
