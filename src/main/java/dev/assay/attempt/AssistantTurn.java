package dev.assay.attempt;

import java.time.Instant;
import java.util.List;

/**
 * One prompt of an AI-collaboration task and the assistant's reply, as stored (append-only) with the attempt.
 * {@code turn} counts from 1 per task; {@code intentKey} and {@code similarity} say which playbook intent
 * answered and how closely the prompt matched it (both null for the fallback and off-topic replies);
 * {@code flaws} are the numbers of the planted flaws the reply carried (for a live model's reply, those it
 * verifiably carries); {@code tokens} what a live model reported using (null for the playbook).
 */
public record AssistantTurn(int position, int turn, String prompt, String reply, Source source, String intentKey,
        Double similarity, List<Integer> flaws, Instant askedAt, int replyMillis, Integer tokens) {

    public AssistantTurn {
        flaws = flaws == null ? List.of() : List.copyOf(flaws);
    }

    /** A turn answered without a live model. */
    public AssistantTurn(int position, int turn, String prompt, String reply, Source source, String intentKey,
            Double similarity, List<Integer> flaws, Instant askedAt, int replyMillis) {
        this(position, turn, prompt, reply, source, intentKey, similarity, flaws, askedAt, replyMillis, null);
    }

    /** What the candidate is told when the live model cannot answer. */
    public static final String UNAVAILABLE_REPLY = "The assistant is unavailable right now. Carry on without it; this "
            + "is noted for the reviewers.";

    /** What answered. */
    public enum Source {
        PLAYBOOK("Playbook reply"), FALLBACK("Fallback reply (no intent matched)"), OFF_TOPIC("Off-topic reply"),
        LIVE("Live model"), UNAVAILABLE("Live model unavailable");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The most prompts a candidate can send on one task. */
    public static final int MAX_TURNS = 40;
    /** The longest prompt, in characters. */
    public static final int MAX_PROMPT = 1_000;
}
