package dev.assay.ranking;

import dev.assay.attempt.IntegritySignals;
import dev.assay.review.FlagCheck;
import java.util.List;

/**
 * Why a candidate stands where they do: each criterion's and task's contribution, every reviewer's score
 * and the severity adjustment applied to it, the planted-flaw check, integrity signals and the
 * reconciliation history.
 */
public record RankCard(long assessmentId, String assessmentTitle, AssessmentRanking.Candidate candidate,
        int candidates, long bands, double confidence, List<Contribution> criteria, List<TaskScore> tasks,
        List<ReviewerScore> reviewers, List<FlawCheck> flawChecks, List<IntegritySignals> signals,
        Reconciliation reconciliation, List<Collaboration> collaborations) {

    public RankCard {
        collaborations = collaborations == null ? List.of() : List.copyOf(collaborations);
    }

    /** A criterion: its weight share, mean level, and the points it adds to the weighted score. */
    public record Contribution(String key, String name, double weightShare, Double mean, Double points) {
    }

    /** A task: its title, kind and the mean level given on it. */
    public record TaskScore(int position, String title, String kind, Double mean) {
    }

    /** One reviewer's weighted score of this candidate, their severity, and the score after adjustment. */
    public record ReviewerScore(String name, double raw, Double severity, double adjusted, int revision,
            String overallComment) {
    }

    /** The planted-flaw check on one critique task. */
    public record FlawCheck(int position, String title, FlagCheck result) {
    }

    /** What the transcript and deliverable of one AI-collaboration task show (facts, not a score). */
    public record Collaboration(int position, String title, dev.assay.review.CollaborationEvidence evidence) {
    }

    /** The disagreement flag and how it was settled. */
    public record Reconciliation(boolean flagged, String resolution, String reason, List<String> agreedLevels) {
    }
}
