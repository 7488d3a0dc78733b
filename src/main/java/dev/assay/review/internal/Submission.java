package dev.assay.review.internal;

import dev.assay.review.Resolution;
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

    public void flag(String detail, Instant now) {
        flaggedAt = now;
        flagDetail = detail;
        resolution = null;
        resolvedAt = null;
        resolvedBy = null;
        resolutionReason = null;
    }

    public void resolve(Resolution how, String by, String reason, Instant now) {
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
