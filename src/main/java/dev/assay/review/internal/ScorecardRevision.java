package dev.assay.review.internal;

import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardInput;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One revision of a reviewer's scorecard. A draft changes in place; a submitted revision never changes
 * again: a later change is a new revision with a reason, and the old one stays.
 */
@Entity
@Table(name = "scorecard_revision")
public class ScorecardRevision {

    public enum Status { DRAFT, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false)
    private long assignmentId;

    @Column(nullable = false)
    private int revision;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Lob
    @Column(name = "overall_comment", length = Integer.MAX_VALUE)
    private String overallComment;

    private String reason;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scorecard_score", joinColumns = @JoinColumn(name = "revision_id"))
    private List<StoredScore> scores = new ArrayList<>();

    protected ScorecardRevision() {
    }

    public ScorecardRevision(long assignmentId, int revision, ScorecardInput input, Instant now) {
        this.assignmentId = assignmentId;
        this.revision = revision;
        this.status = Status.DRAFT;
        write(input, now);
    }

    public void write(ScorecardInput input, Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("A submitted scorecard revision never changes");
        }
        scores.clear();
        input.scores().forEach(s -> scores.add(new StoredScore(s)));
        overallComment = input.overallComment();
        savedAt = now;
    }

    public void submit(String reason, Instant now) {
        this.reason = reason;
        this.status = Status.SUBMITTED;
        this.submittedAt = now;
        this.savedAt = now;
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }

    public List<ScoreCell> cells() {
        return scores.stream().map(StoredScore::cell).toList();
    }

    public Long getId() {
        return id;
    }

    public long getAssignmentId() {
        return assignmentId;
    }

    public int getRevision() {
        return revision;
    }

    public String getOverallComment() {
        return overallComment == null ? "" : overallComment;
    }

    public String getReason() {
        return reason;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
