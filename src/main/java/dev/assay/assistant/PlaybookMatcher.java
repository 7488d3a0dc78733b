package dev.assay.assistant;

import dev.assay.taskbank.TaskContent.Intent;
import dev.assay.taskbank.TaskContent.NumberedFlaw;
import dev.assay.taskbank.TaskContent.Playbook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The standardised assistant: a prompt gets the reply of the playbook intent nearest in meaning (cosine
 * similarity of all-MiniLM-L6-v2 embeddings to the intent's example prompts, or to its reply less
 * {@link #REPLY_DISCOUNT}), when that similarity reaches the playbook's threshold and the off-topic examples are
 * not nearer. A prompt nearer the off-topic examples than any intent gets the off-topic reply; anything else the
 * fallback. The threshold and discount were chosen on half of a labelled set of prompts (docs/assistant.md). The same playbook and prompt always give the same reply, so every candidate of a
 * task version meets the same assistant.
 *
 * <p>Follow-ups: an intent that names predecessors ({@code after}) is eligible only right after a reply of one
 * of them; and when a prompt on its own matches nothing (a short "and for the north?"), it is matched again
 * together with the previous prompt.
 */
@Component
public class PlaybookMatcher {

    /** What was asked and matched in the turn before (intent key null when that turn got no intent's reply). */
    public record Previous(String prompt, String intentKey) {
    }

    public enum Outcome { INTENT, FALLBACK, OFF_TOPIC }

    /** One intent's similarity to the prompt, and whether it could answer at this point of the conversation. */
    public record Scored(String intentKey, double similarity, boolean eligible) {
    }

    /**
     * The reply chosen: for {@link Outcome#INTENT} the intent, its similarity and the numbers of the planted
     * flaws its reply carries; {@code withPrevious} when the match needed the previous prompt. {@code ranking}
     * holds every intent's similarity, best first, for the author's playbook test.
     */
    public record Match(Outcome outcome, String intentKey, double similarity, boolean withPrevious, String reply,
            List<Integer> flaws, double offTopicSimilarity, List<Scored> ranking) {
    }

    /** A prompt close to an intent's reply counts, less this, as close to the intent (questions and answers differ). */
    public static final double REPLY_DISCOUNT = 0.10;

    private final TextEmbedder embedder;

    public PlaybookMatcher(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    public Match match(Playbook book, String prompt, Previous previous) {
        float[] asked = embedder.embed(clean(prompt));
        List<Scored> ranking = score(book, asked, previous);
        double offTopic = best(book.offTopic().examples(), asked);
        Scored top = ranking.stream().filter(Scored::eligible).findFirst().orElse(null);
        boolean withPrevious = false;
        if (previous != null && (top == null || top.similarity() < book.threshold())) {
            float[] together = embedder.embed(clean(previous.prompt()) + "\n" + clean(prompt));
            Scored again = score(book, together, previous).stream().filter(Scored::eligible).findFirst().orElse(null);
            if (again != null && again.similarity() >= book.threshold()
                    && (top == null || again.similarity() > top.similarity())) {
                top = again;
                withPrevious = true;
            }
        }
        double topSimilarity = top == null ? 0 : top.similarity();
        if (offTopic > topSimilarity) {
            return new Match(Outcome.OFF_TOPIC, null, offTopic, false, book.offTopic().reply(), List.of(), offTopic,
                    ranking);
        }
        if (top == null || topSimilarity < book.threshold()) {
            return new Match(Outcome.FALLBACK, null, topSimilarity, false, book.fallback(), List.of(), offTopic, ranking);
        }
        String key = top.intentKey();
        Intent intent = book.intent(key).orElseThrow();
        // A reply carries the flaws planted in it, and any other planted flaw whose text it repeats (a shorter
        // version of a flawed draft, say).
        List<Integer> flaws = book.flaws().stream().filter(f -> f.intentKey().equals(key)
                || (!f.flaw().text().isBlank() && intent.reply().contains(f.flaw().text())))
                .map(NumberedFlaw::number).toList();
        return new Match(Outcome.INTENT, key, topSimilarity, withPrevious, intent.reply(), flaws, offTopic, ranking);
    }

    private List<Scored> score(Playbook book, float[] asked, Previous previous) {
        List<Scored> out = new ArrayList<>();
        for (Intent intent : book.intents()) {
            boolean eligible = intent.after().isEmpty()
                    || (previous != null && previous.intentKey() != null && intent.after().contains(previous.intentKey()));
            double byReply = intent.reply().isBlank() ? 0
                    : TextEmbedder.cosine(asked, embedder.embed(clean(intent.reply()))) - REPLY_DISCOUNT;
            out.add(new Scored(intent.key(), Math.max(best(intent.examples(), asked), byReply), eligible));
        }
        out.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return out;
    }

    private double best(List<String> examples, float[] asked) {
        double best = 0;
        for (String example : examples) {
            best = Math.max(best, TextEmbedder.cosine(asked, embedder.embed(clean(example))));
        }
        return best;
    }

    /** Lower-case, single spaces: the model is uncased, and this lets equal prompts share cache entries. */
    static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
