package dev.assay.assistant.internal;

import dev.assay.assistant.PlaybookMatcher;
import dev.assay.taskbank.PlaybookProbe;
import dev.assay.taskbank.TaskContent;
import org.springframework.stereotype.Component;

/** The task editor's playbook test, answered by the same matcher candidates meet. */
@Component
class PlaybookProbes implements PlaybookProbe {

    private final PlaybookMatcher matcher;

    PlaybookProbes(PlaybookMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public Probe probe(TaskContent.Playbook playbook, String prompt, String previousPrompt, String previousIntent) {
        PlaybookMatcher.Match m = matcher.match(playbook, prompt, previousPrompt == null || previousPrompt.isBlank()
                ? null : new PlaybookMatcher.Previous(previousPrompt, previousIntent));
        String outcome = switch (m.outcome()) {
            case INTENT -> "intent";
            case FALLBACK -> "fallback";
            case OFF_TOPIC -> "off-topic";
        };
        return new Probe(outcome, m.intentKey(), m.similarity(), m.offTopicSimilarity(), m.reply(), m.flaws(),
                m.ranking().stream().map(s -> new Scored(s.intentKey(), s.similarity(), s.eligible())).toList());
    }
}
