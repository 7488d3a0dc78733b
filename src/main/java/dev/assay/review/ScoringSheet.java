package dev.assay.review;

import dev.assay.attempt.Answer;
import dev.assay.attempt.IntegritySignals;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.TaskVersionView;
import java.time.Instant;
import java.util.List;

/**
 * Everything a reviewer sees while scoring one submission. Built for that reviewer only: the candidate
 * appears as a code (identity only after the review is closed), and other reviewers' scorecards are
 * included only once this reviewer has submitted their own.
 *
 * @param version   the assignment's version, to send back with a save so nothing is overwritten silently
 * @param peers     other reviewers' latest submitted scorecards; empty until this reviewer submitted
 * @param editable  false once the review is closed
 * @param calibrationExample whether this is an example of a calibration round (never for a hidden drift check)
 * @param calibration for a calibration example the reviewer has submitted, their levels against the key with the
 *                    rationale (null for every live review, and for hidden drift checks)
 */
public record ScoringSheet(long assignmentId, long version, long submissionId, long submissionVersion,
        String candidateCode, Identity revealed, String assessmentTitle, String roleName, Instant dueAt,
        AssignmentStatus status, boolean reviewClosed, boolean editable, List<RubricCriterion> criteria,
        List<SheetTask> tasks, Revision current, List<Revision> history, List<Peer> peers, int pendingPeers,
        Flag flag, boolean calibrationExample, CalibrationGrade calibration) {

    /** A candidate's name and email, revealed to the panel when the review is closed. */
    public record Identity(String name, String email) {
    }

    /** One task of the submission: the version served, the answer, the page's signals, the criteria to score. */
    public record SheetTask(int position, TaskVersionView version, Answer answer, boolean answered,
            IntegritySignals signals, FlagCheck flagCheck, List<String> criterionKeys,
            List<dev.assay.attempt.AssistantTurn> transcript, CollaborationEvidence evidence) {
        public SheetTask {
            transcript = transcript == null ? List.of() : List.copyOf(transcript);
        }
    }

    /** A scorecard revision. */
    public record Revision(int number, boolean submitted, List<ScoreCell> scores, String overallComment,
            String reason, Instant savedAt, Instant submittedAt) {
    }

    /** Another reviewer's latest submitted scorecard. */
    public record Peer(String reviewerName, Revision revision) {
    }

    /** The submission's disagreement flag, if any, and how it was resolved. */
    public record Flag(boolean flagged, List<Disagreement> disagreements, Resolution resolution, String resolvedBy,
            Instant resolvedAt, String reason, List<ScoreCell> reconciled, boolean canReconcile) {
    }

    public boolean hasSubmitted() {
        return history.stream().anyMatch(Revision::submitted);
    }

    /** This reviewer's latest submitted revision, or null before the first submission. */
    public Revision lastSubmitted() {
        return history.stream().filter(Revision::submitted).reduce((x, y) -> y).orElse(null);
    }

    public RubricCriterion criterion(String key) {
        return criteria.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    public SheetTask task(int position) {
        return tasks.stream().filter(t -> t.position() == position).findFirst().orElse(null);
    }

    /** "Task 2 · Critique of AI output": where a cell is, in words. */
    public String describe(ScoreCell.Cell cell) {
        RubricCriterion c = criterion(cell.criterionKey());
        return "Task " + (cell.taskPosition() + 1) + " · " + (c == null ? cell.criterionKey() : c.name());
    }
}
