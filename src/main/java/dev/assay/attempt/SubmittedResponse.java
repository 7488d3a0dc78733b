package dev.assay.attempt;

import java.time.Instant;
import java.util.List;

/** A submitted attempt as its reviewers need it: the tasks served, the answers and the page's signals. */
public record SubmittedResponse(long attemptId, long invitationId, long assessmentId, Instant submittedAt,
        boolean submittedAutomatically, List<TaskResponse> tasks) {

    /**
     * One task: the exact version served, the answer as saved (empty if never saved), its signals, and the
     * conversation with the assistant (AI-collaboration tasks; empty otherwise).
     */
    public record TaskResponse(int position, long taskVersionId, Answer answer, boolean answered,
            IntegritySignals signals, List<AssistantTurn> transcript) {
        public TaskResponse {
            transcript = transcript == null ? List.of() : List.copyOf(transcript);
        }

        public TaskResponse(int position, long taskVersionId, Answer answer, boolean answered, IntegritySignals signals) {
            this(position, taskVersionId, answer, answered, signals, List.of());
        }
    }
}
