package dev.assay.taskbank;

import java.util.List;

/**
 * Tries a prompt on an AI-collaboration playbook the way candidates' assistants answer it, for the task editor's
 * "test the playbook" box. Declared here and implemented by the assistant module (which computes the
 * embeddings), so the task bank does not depend on it.
 */
public interface PlaybookProbe {

    /**
     * @param previousPrompt the prompt before (for follow-ups), or null
     * @param previousIntent the intent that answered it, or null
     */
    Probe probe(TaskContent.Playbook playbook, String prompt, String previousPrompt, String previousIntent);

    /** {@code outcome} is "intent", "fallback" or "off-topic"; {@code ranking} the intents nearest first. */
    record Probe(String outcome, String intentKey, double similarity, double offTopicSimilarity, String reply,
            List<Integer> flaws, List<Scored> ranking) {
    }

    record Scored(String intentKey, double similarity, boolean eligible) {
    }
}
