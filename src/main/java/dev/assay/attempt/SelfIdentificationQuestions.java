package dev.assay.attempt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Voluntary questions an organisation adds to sex and race/ethnicity (for example veteran or disability status),
 * asked with them after submission, each with its options and "prefer not to say", and counted in the adverse-impact
 * monitor like the others. Set as {@code assay.self-identification.extra[i].key / name / question / options}.
 */
@ConfigurationProperties("assay.self-identification")
public record SelfIdentificationQuestions(List<Extra> extra) {

    /** What every question offers besides its options. */
    public static final String PREFER_NOT_TO_SAY = "Prefer not to say";

    /**
     * One added question.
     *
     * @param key      stable identifier, stored with answers (lower-case letters, digits and hyphens)
     * @param name     the characteristic as the monitor names it, e.g. "Veteran status"
     * @param question what the candidate reads
     * @param options  the answers offered, besides "prefer not to say"
     */
    public record Extra(String key, String name, String question, List<String> options) {
    }

    public SelfIdentificationQuestions {
        extra = extra == null ? List.of() : List.copyOf(extra);
        Set<String> keys = new HashSet<>();
        for (Extra e : extra) {
            String where = "assay.self-identification.extra (" + (e.key() == null ? "no key" : e.key()) + "): ";
            if (e.key() == null || !e.key().matches("[a-z0-9-]{1,40}") || !keys.add(e.key())
                    || Set.of("sex", "race", "intersection").contains(e.key())) {
                throw new IllegalArgumentException(where + "each question needs its own key of up to 40 lower-case "
                        + "letters, digits or hyphens (not sex, race or intersection)");
            }
            if (e.name() == null || e.name().isBlank() || e.name().length() > 80 || e.question() == null
                    || e.question().isBlank() || e.question().length() > 300) {
                throw new IllegalArgumentException(where + "needs a name (up to 80 characters) and a question (up to "
                        + "300)");
            }
            if (e.options() == null || e.options().size() < 2 || e.options().size() > 12
                    || e.options().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 80
                            || o.equals(PREFER_NOT_TO_SAY))
                    || new HashSet<>(e.options()).size() != e.options().size()) {
                throw new IllegalArgumentException(where + "needs 2 to 12 different options of up to 80 characters "
                        + "(\"" + PREFER_NOT_TO_SAY + "\" is added by itself)");
            }
        }
    }

    /** The question with this key, if configured. */
    public java.util.Optional<Extra> find(String key) {
        return extra.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
