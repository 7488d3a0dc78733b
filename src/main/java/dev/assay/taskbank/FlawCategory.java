package dev.assay.taskbank;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of flaw an AI artifact can contain. Task authors classify planted flaws with these, and
 * candidates classify their flags with the same list, so the two can be compared.
 */
public enum FlawCategory {
    FABRICATED_FACT("fabricated-fact", "Fabricated fact"),
    WRONG_CALCULATION("wrong-calculation", "Wrong calculation"),
    OUTDATED_INFORMATION("outdated-information", "Outdated information"),
    LOGICAL_GAP("logical-gap", "Logical gap"),
    BIAS_OR_UNFAIR_LANGUAGE("bias-or-unfair-language", "Bias or unfair language"),
    PRIVACY_LEAK("privacy-leak", "Privacy or confidentiality leak"),
    MISSING_CAVEAT("missing-caveat", "Missing caveat or unsupported claim"),
    TONE_UNFIT("tone-unfit", "Tone unfit for audience"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    FlawCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<FlawCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
