package dev.assay.attempt;

import java.time.Instant;
import java.util.List;

/** A submitted attempt as its reviewers need it: the tasks served, the answers and the page's signals. */
public record SubmittedResponse(long attemptId, long invitationId, long assessmentId, Instant submittedAt,
        boolean submittedAutomatically, List<TaskResponse> tasks) {

    /** One task: the exact version served, the answer as saved (empty if never saved), and its signals. */
    public record TaskResponse(int position, long taskVersionId, Answer answer, boolean answered,
            IntegritySignals signals) {
    }
}
