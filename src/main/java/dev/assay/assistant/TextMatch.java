package dev.assay.assistant;

import dev.assay.taskbank.TaskContent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparing texts the way a reviewer would read them: case, spacing, punctuation and the way a number is written
 * ("$48,210.00", "48210", "12.40 %" and "12.4%") do not count. Tokens are lower-case words and numbers in a
 * canonical form.
 */
public final class TextMatch {

    private static final Pattern TOKEN = Pattern.compile(
            "[-−]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|[-−]?\\d+(?:\\.\\d+)?|\\.\\d+|[\\p{L}][\\p{L}'’]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"“(])|\\n+");

    private TextMatch() {
    }

    /** Words (lower case) and numbers (canonical: no thousands separators, no trailing zeros), in order. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String t = m.group();
            out.add(Character.isLetter(t.charAt(0)) ? t.toLowerCase(Locale.ROOT).replace('’', '\'') : number(t));
        }
        return out;
    }

    /** The numbers of a text, canonical. */
    public static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens(text)) {
            if (!Character.isLetter(t.charAt(0))) {
                out.add(t);
            }
        }
        return out;
    }

    /** The numbers the task itself states (scenario, materials, what to hand in): quoting them proves nothing. */
    public static Set<String> sourceNumbers(TaskContent.AiCollaboration task) {
        Set<String> out = new LinkedHashSet<>(numbers(task.materials()));
        out.addAll(numbers(task.scenario()));
        out.addAll(numbers(task.deliverable()));
        return out;
    }

    /**
     * The figures that give a planted flaw away: those of its flawed text that neither the task's own numbers
     * ({@link #sourceNumbers}) nor the correction contain. Empty for a flaw that is a claim, not a figure.
     */
    public static Set<String> flawFigures(TaskContent.ReplyFlaw flaw, Set<String> sourceNumbers) {
        Set<String> out = new LinkedHashSet<>(numbers(flaw.text()));
        out.removeAll(sourceNumbers);
        out.removeAll(numbers(flaw.correction()));
        return out;
    }

    /** Whether {@code needle}'s tokens occur, in order and next to each other, among {@code haystack}'s. */
    public static boolean containsPhrase(List<String> haystack, List<String> needle) {
        return indexOf(haystack, needle) >= 0;
    }

    public static int indexOf(List<String> haystack, List<String> needle) {
        if (needle.isEmpty() || needle.size() > haystack.size()) {
            return -1;
        }
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Sentences and lines, trimmed, empty ones left out. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String s : SENTENCE_END.split(text)) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String number(String raw) {
        String plain = raw.replace(",", "").replace('−', '-');
        try {
            BigDecimal value = new BigDecimal(plain.startsWith(".") ? "0" + plain : plain).stripTrailingZeros();
            return value.compareTo(BigDecimal.ZERO) == 0 ? "0" : value.toPlainString();
        } catch (NumberFormatException e) {
            return plain;
        }
    }
}
