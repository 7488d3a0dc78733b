package dev.assay.review.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The level the reviewers agreed on for each disputed criterion of a submission, and why. */
@Entity
@Table(name = "reconciliation")
public class Reconciliation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id", nullable = false)
    private Long submissionId;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reconciled_score", joinColumns = @JoinColumn(name = "reconciliation_id"))
    private List<Agreed> levels = new ArrayList<>();

    /** One agreed level. */
    @Embeddable
    public static class Agreed {
        @Column(name = "task_position", nullable = false)
        private int taskPosition;

        @Column(name = "criterion_key", nullable = false)
        private String criterionKey;

        @Column(name = "score_level", nullable = false)
        private int level;

        protected Agreed() {
        }

        public Agreed(int taskPosition, String criterionKey, int level) {
            this.taskPosition = taskPosition;
            this.criterionKey = criterionKey;
            this.level = level;
        }

        public int getTaskPosition() {
            return taskPosition;
        }

        public String getCriterionKey() {
            return criterionKey;
        }

        public int getLevel() {
            return level;
        }
    }

    protected Reconciliation() {
    }

    public Reconciliation(Long submissionId, String recordedBy, Instant recordedAt, String reason, List<Agreed> levels) {
        this.submissionId = submissionId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.reason = reason;
        this.levels.addAll(levels);
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getReason() {
        return reason;
    }

    public List<Agreed> getLevels() {
        return List.copyOf(levels);
    }
}
