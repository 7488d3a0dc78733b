package dev.assay.review.internal;

import dev.assay.review.Disagreement;
import dev.assay.review.Resolution;
import dev.assay.review.ReviewException;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardRules;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A submitted attempt under review. Reviewers know it by its candidate code only; the flag and its
 * resolution record a disagreement between reviewers and how it was settled.
 */
@Entity
@Table(name = "review_submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false, unique = true)
    private long attemptId;

    @Column(name = "invitation_id", nullable = false)
    private long invitationId;

    @Column(name = "assessment_id", nullable = false)
    private long assessmentId;

    @Column(name = "candidate_code", nullable = false)
    private String candidateCode;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(nullable = false)
    private boolean linking;

    @Column(nullable = false)
    private int shortfall;

    @Column(name = "flagged_at")
    private Instant flaggedAt;

    @Column(name = "flag_detail")
    private String flagDetail;

    @Enumerated(EnumType.STRING)
    private Resolution resolution;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolution_reason")
    private String resolutionReason;

    @Version
    private long version;

    protected Submission() {
    }

    public Submission(long attemptId, long invitationId, long assessmentId, String candidateCode, Instant submittedAt) {
        this.attemptId = attemptId;
        this.invitationId = invitationId;
        this.assessmentId = assessmentId;
        this.candidateCode = candidateCode;
        this.submittedAt = submittedAt;
    }

    /** What {@link #followReviews} changed, for the audit log. */
    public enum FlagChange { NONE, FLAGGED, AGREED_AFTER_REVISION, EXTRA_REVIEW_IN }

    /**
     * Brings the flag up to date with the latest submitted reviews: flags the submission when they differ by
     * {@link Disagreements#THRESHOLD} or more levels on a cell (once: a flag is not raised again while it
     * stands or after it was settled), and settles an open flag when a revision brings the reviews within one
     * level, or when every review is in and one of them is an extra review a recruiter added.
     *
     * @param found where the latest submitted reviews disagree now
     * @param detail the flag's description, read only when the submission becomes flagged
     */
    public FlagChange followReviews(List<Disagreement> found, int activeReviews, boolean allReviewsIn,
            boolean extraReviewAmongThem, java.util.function.Supplier<String> detail, String by, Instant now) {
        if (!found.isEmpty() && !isFlagged()) {
            flaggedAt = now;
            flagDetail = detail.get();
            return FlagChange.FLAGGED;
        }
        if (!isOpenFlag()) {
            return FlagChange.NONE;
        }
        if (found.isEmpty()) {
            settle(Resolution.REVISED, by, "After a revision the reviews agree within one level.", now);
            return FlagChange.AGREED_AFTER_REVISION;
        }
        if (allReviewsIn && extraReviewAmongThem) {
            settle(Resolution.EXTRA_REVIEW, by, "An extra reviewer scored the submission; all " + activeReviews
                    + " reviews count.", now);
            return FlagChange.EXTRA_REVIEW_IN;
        }
        return FlagChange.NONE;
    }

    /**
     * Settles an open disagreement with the levels the reviewers agreed on, one for each disputed cell, and
     * their reason; refuses (naming every problem) a missing or out-of-range level or a missing or overlong
     * reason, and a submission that has no open disagreement.
     */
    public Reconciliation reconcile(List<Disagreement> open, Map<ScoreCell.Cell, Integer> agreed, String reason,
            Function<ScoreCell.Cell, String> names, String by, Instant now) {
        if (!isOpenFlag() || open.isEmpty()) {
            throw new ReviewException("This submission has no open disagreement to reconcile.");
        }
        List<String> problems = new ArrayList<>();
        List<Reconciliation.Agreed> levels = new ArrayList<>();
        for (Disagreement d : open) {
            Integer level = agreed == null ? null : agreed.get(d.cell());
            if (level == null || !ScorecardRules.isLevel(level)) {
                problems.add("Choose the agreed level for " + names.apply(d.cell()) + ".");
            } else {
                levels.add(new Reconciliation.Agreed(d.cell().taskPosition(), d.cell().criterionKey(), level));
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add("Explain how you reached the reconciled score.");
        } else if (why.length() > ScorecardRules.MAX_REASON) {
            problems.add("Keep the reason under 2,000 characters.");
        }
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        settle(Resolution.RECONCILED, by, why, now);
        return new Reconciliation(id, by, now, why, levels);
    }

    private void settle(Resolution how, String by, String reason, Instant now) {
        resolution = how;
        resolvedBy = by;
        resolutionReason = reason;
        resolvedAt = now;
    }

    public boolean isFlagged() {
        return flaggedAt != null;
    }

    /** Flagged and not yet settled. */
    public boolean isOpenFlag() {
        return flaggedAt != null && resolution == null;
    }

    public void setLinking(boolean linking) {
        this.linking = linking;
    }

    public void setShortfall(int shortfall) {
        this.shortfall = shortfall;
    }

    public Long getId() {
        return id;
    }

    public long getAttemptId() {
        return attemptId;
    }

    public long getInvitationId() {
        return invitationId;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public String getCandidateCode() {
        return candidateCode;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public boolean isLinking() {
        return linking;
    }

    public int getShortfall() {
        return shortfall;
    }

    public Instant getFlaggedAt() {
        return flaggedAt;
    }

    public String getFlagDetail() {
        return flagDetail;
    }

    public Resolution getResolution() {
        return resolution;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public String getResolutionReason() {
        return resolutionReason;
    }

    public long getVersion() {
        return version;
    }
}
