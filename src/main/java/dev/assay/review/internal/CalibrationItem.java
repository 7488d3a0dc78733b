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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A calibration item of an assessment: an earlier reviewed submission (its source) with the agreed key level and a
 * short rationale for each task × criterion. It holds no candidate identity: reviewers see it under its label, and
 * the source is only the way to its answers.
 */
@Entity
@Table(name = "calibration_item")
public class CalibrationItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id", nullable = false)
    private long assessmentId;

    @Column(name = "source_submission_id", nullable = false)
    private long sourceSubmissionId;

    @Column(nullable = false)
    private String label;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "calibration_key", joinColumns = @JoinColumn(name = "item_id"))
    private List<Key> keys = new ArrayList<>();

    @Version
    private long version;

    /** The agreed level of one task × criterion, and why. */
    @Embeddable
    public static class Key {
        @Column(name = "task_position", nullable = false)
        private int taskPosition;

        @Column(name = "criterion_key", nullable = false)
        private String criterionKey;

        @Column(nullable = false)
        private int level;

        @Column
        private String rationale;

        protected Key() {
        }

        public Key(int taskPosition, String criterionKey, int level, String rationale) {
            this.taskPosition = taskPosition;
            this.criterionKey = criterionKey;
            this.level = level;
            this.rationale = rationale;
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

        public String getRationale() {
            return rationale;
        }
    }

    protected CalibrationItem() {
    }

    public CalibrationItem(long assessmentId, long sourceSubmissionId, String label, List<Key> keys, String createdBy,
            Instant now) {
        this.assessmentId = assessmentId;
        this.sourceSubmissionId = sourceSubmissionId;
        this.label = label;
        this.keys = new ArrayList<>(keys);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void rekey(List<Key> keys) {
        this.keys.clear();
        this.keys.addAll(keys);
    }

    public void retire(Instant now) {
        retiredAt = now;
    }

    public boolean isActive() {
        return retiredAt == null;
    }

    public Long getId() {
        return id;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public long getSourceSubmissionId() {
        return sourceSubmissionId;
    }

    public String getLabel() {
        return label;
    }

    public List<Key> getKeys() {
        return List.copyOf(keys);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
