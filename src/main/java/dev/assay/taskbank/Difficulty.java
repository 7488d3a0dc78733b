package dev.assay.taskbank;

import java.util.Arrays;
import java.util.Optional;

/** How demanding a task is; random assessment slots can filter on it. */
public enum Difficulty {
    INTRODUCTORY("introductory", "Introductory"),
    INTERMEDIATE("intermediate", "Intermediate"),
    ADVANCED("advanced", "Advanced");

    private final String code;
    private final String label;

    Difficulty(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Difficulty> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
