package dev.assay.review.internal;

import dev.assay.review.ReviewException;
import dev.assay.review.ScorecardGaps;
import dev.assay.review.ScorecardRules;

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

    /** A new draft revision; refused (with every problem named) when the input does not fit the form. */
    public ScorecardRevision(long assignmentId, int revision, ScorecardForm form, ScorecardInput input, Instant now) {
        this.assignmentId = assignmentId;
        this.revision = revision;
        this.status = Status.DRAFT;
        write(form, input, now);
    }

    /**
     * Writes a draft: it may be incomplete (levels missing, no comment) but must fit the form. A submitted
     * revision never changes; a later change is a new revision.
     */
    public void write(ScorecardForm form, ScorecardInput input, Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("A submitted scorecard revision never changes");
        }
        List<String> problems = form.shapeProblems(input);
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        scores.clear();
        input.scores().forEach(s -> scores.add(new StoredScore(s)));
        overallComment = input.overallComment();
        savedAt = now;
    }

    /**
     * Submits this revision. Refused, naming every gap, unless each cell of the form has a level, levels 1
     * and 5 have a justification and there is an overall comment; a revision that replaces a submitted one
     * also needs its reason (kept with it).
     *
     * @param replacesSubmitted whether the reviewer submitted an earlier revision
     */
    public void submit(ScorecardForm form, boolean replacesSubmitted, String reason, Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("This scorecard revision was already submitted");
        }
        String why = reason == null ? "" : reason.strip();
        List<String> problems = new ArrayList<>(ScorecardGaps.of(form.cells(), cells(), getOverallComment(),
                replacesSubmitted, why).messages(form.names()));
        if (why.length() > ScorecardRules.MAX_REASON) {
            problems.add("Keep the reason under 2,000 characters.");
        }
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        this.reason = replacesSubmitted ? why : null;
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
