package dev.assay.attempt.internal;

import dev.assay.attempt.Answer;
import tools.jackson.databind.json.JsonMapper;

/** Answers are stored as JSON; segment numbers and log positions refer to the exact task version. */
public final class AnswerJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerJson() {
    }

    public static String write(Answer answer) {
        return JSON.writeValueAsString(answer);
    }

    public static Answer read(String json) {
        return JSON.readValue(json, Answer.class);
    }
}
