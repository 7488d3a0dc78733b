package dev.assay.review.internal;

import dev.assay.review.AssignmentOrigin;
import dev.assay.review.AssignmentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.SQLRestriction;
import java.time.Instant;

/**
 * One reviewer's review of one submission. Its version guards the scorecard against silent overwrites.
 *
 * <p>A row that names a calibration item is a calibration take (origin {@code CALIBRATION} or {@code DRIFT}): the
 * reviewer scores the item's source submission, and the scorecard never counts toward it. Such rows are excluded
 * from every query of this entity by the restriction below, so nothing that reads live reviews can see them;
 * {@link AssignmentRepository#findTake} and its siblings read them explicitly, and plain SQL over
 * {@code review_assignment} filters {@code calibration_item_id IS NULL}.
 */
@Entity
@Table(name = "review_assignment")
@SQLRestriction("calibration_item_id is null")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false)
    private long submissionId;

    @Column(name = "reviewer_id", nullable = false)
    private long reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssignmentStatus status;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "last_saved_at")
    private Instant lastSavedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "calibration_item_id")
    private Long calibrationItemId;

    @Column(name = "calibration_round")
    private Integer calibrationRound;

    @Version
    private long version;

    protected Assignment() {
    }

    /** A calibration take: the item's source submission scored by {@code reviewerId}, round 0 for a drift check. */
    public static Assignment take(long sourceSubmissionId, long reviewerId, long itemId, int round, boolean drift,
            Instant now, Instant dueAt) {
        Assignment a = new Assignment(sourceSubmissionId, reviewerId, drift ? AssignmentOrigin.DRIFT
                : AssignmentOrigin.CALIBRATION, "calibration", now, dueAt);
        a.calibrationItemId = itemId;
        a.calibrationRound = round;
        return a;
    }

    public Assignment(long submissionId, long reviewerId, AssignmentOrigin origin, String assignedBy, Instant now,
            Instant dueAt) {
        this.submissionId = submissionId;
        this.reviewerId = reviewerId;
        this.origin = origin;
        this.status = AssignmentStatus.ASSIGNED;
        this.assignedBy = assignedBy;
        this.assignedAt = now;
        this.dueAt = dueAt;
    }

    public boolean isTake() {
        return calibrationItemId != null;
    }

    public Long getCalibrationItemId() {
        return calibrationItemId;
    }

    public Integer getCalibrationRound() {
        return calibrationRound;
    }

    public boolean isActive() {
        return status != AssignmentStatus.WITHDRAWN;
    }

    public boolean isOverdue(Instant now) {
        return (status == AssignmentStatus.ASSIGNED || status == AssignmentStatus.DRAFT) && dueAt.isBefore(now);
    }

    public void draftSaved(Instant now) {
        lastSavedAt = now;
        if (status == AssignmentStatus.ASSIGNED) {
            status = AssignmentStatus.DRAFT;
        }
    }

    public void submitted(Instant now) {
        lastSavedAt = now;
        status = AssignmentStatus.SUBMITTED;
        if (submittedAt == null) {
            submittedAt = now;
        }
    }

    public void withdraw(String by, Instant now) {
        status = AssignmentStatus.WITHDRAWN;
        withdrawnBy = by;
        withdrawnAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getSubmissionId() {
        return submissionId;
    }

    public long getReviewerId() {
        return reviewerId;
    }

    public AssignmentOrigin getOrigin() {
        return origin;
    }

    public AssignmentStatus getStatus() {
        return status;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getLastSavedAt() {
        return lastSavedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public long getVersion() {
        return version;
    }
}
