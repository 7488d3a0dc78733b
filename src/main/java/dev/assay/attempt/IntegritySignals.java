package dev.assay.attempt;

/**
 * Facts the candidate's page observed on one task: time with the task open and the page in focus, how
 * many times text was pasted and how much, and how often the page lost focus. Evidence for a person to
 * weigh, never an automatic verdict.
 */
public record IntegritySignals(int position, int activeSeconds, int pastes, int pastedChars, int focusLosses) {
}
