package dev.assay.taskbank;

import java.util.List;

/** A request the task bank refuses, with a message for the person and, where useful, every problem. */
public class TaskBankException extends RuntimeException {

    private final List<Problem> problems;

    public TaskBankException(String message) {
        this(message, List.of());
    }

    public TaskBankException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
