package dev.assay.attempt.port;

import java.util.Map;

/**
 * What the attempt module holds about one invitation's candidate, for a subject access export and for erasure.
 * Unguarded like every port: the privacy module's admin-only service calls it.
 */
public interface CandidateData {

    /** The attempt (times), every task's answer and signals, the assistant conversations and the candidate's own
     * self-identification answers; empty when the candidate never started. */
    Map<String, Object> export(long invitationId);

    /**
     * Erases what the candidate wrote and said: answers, assistant conversations and self-identification answers.
     * Times and the counted signals (seconds, pastes, focus losses) stay for statistics, without text.
     */
    void forget(long invitationId);

    /** Erases the answers' text (retention): every task's answer. */
    void forgetAnswers(long invitationId);

    /** Erases the assistant conversations (retention). */
    void forgetTranscripts(long invitationId);

    /** Erases the self-identification answers (retention). */
    void forgetSelfIdentification(long invitationId);

    /** Erases the counted signals: seconds, pastes, pasted characters, focus losses (retention). */
    void forgetSignals(long invitationId);
}
