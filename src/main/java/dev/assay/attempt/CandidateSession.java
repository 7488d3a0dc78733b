package dev.assay.attempt;

import dev.assay.taskbank.CandidateBrief;
import dev.assay.taskbank.TaskVersionView;
import java.time.Instant;
import java.util.List;

/**
 * Everything the candidate's page shows for one link, whatever state it is in. {@code activePage} is the
 * browser page (tab) that saves the attempt, so a page can tell when another tab has taken over.
 */
public record CandidateSession(Stage stage, String candidateName, String contact, CandidateBrief brief,
        int accommodationPercent, int allowedMinutes, Instant startDeadline, Instant deadline, Instant submittedAt,
        boolean submittedAutomatically, int currentPosition, List<CandidateTask> tasks, String activePage) {

    public enum Stage {
        /** The link is not one we know (mistyped, or replaced by a newer link). */
        UNKNOWN_LINK,
        EXPIRED_LINK,
        REVOKED_LINK,
        /** The link works; the candidate has not started. */
        READY,
        IN_PROGRESS,
        SUBMITTED
    }

    /** One task of the attempt: what it asks and the candidate's latest saved answer. */
    public record CandidateTask(int position, TaskVersionView task, Answer answer, Instant savedAt) {
    }

    public static CandidateSession closed(Stage stage, String contact) {
        return new CandidateSession(stage, null, contact, null, 0, 0, null, null, null, false, 0, List.of(), null);
    }
}
