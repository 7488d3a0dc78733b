package dev.assay.taskbank;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an AI artifact into segments for a critique task: each non-empty line is split into
 * sentences, so headings and list items stay segments of their own. Authors then merge or split by hand.
 */
public final class Segmenter {

    private Segmenter() {
    }

    public static List<String> split(String artifact) {
        List<String> segments = new ArrayList<>();
        if (artifact == null) {
            return segments;
        }
        for (String line : artifact.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            sentences.setText(trimmed);
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                String sentence = trimmed.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    segments.add(sentence);
                }
            }
        }
        return segments;
    }

    /** The segments joined back into one text, one segment per line. */
    public static String join(List<String> segments) {
        return String.join("\n", segments);
    }
}
