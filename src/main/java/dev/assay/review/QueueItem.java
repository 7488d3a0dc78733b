package dev.assay.review;

import java.time.Instant;

/**
 * One review in a reviewer's queue. The candidate is a code; {@code revealedName} stays null until a
 * recruiter closes the assessment's review.
 */
public record QueueItem(long assignmentId, String candidateCode, String revealedName, String assessmentTitle,
        String roleName, int taskCount, Instant assignedAt, Instant dueAt, AssignmentStatus status,
        AssignmentOrigin origin, boolean overdue, boolean flagged, boolean reviewClosed) {

    public boolean done() {
        return status == AssignmentStatus.SUBMITTED;
    }
}
