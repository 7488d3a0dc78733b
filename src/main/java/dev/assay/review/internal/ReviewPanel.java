package dev.assay.review.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The reviewers of one assessment and how they review: reviews per submission, linking set, due time. */
@Entity
@Table(name = "review_panel")
public class ReviewPanel {

    public static final int DEFAULT_REVIEWS = 2;
    public static final int DEFAULT_DUE_DAYS = 5;

    @Id
    @Column(name = "assessment_id")
    private Long assessmentId;

    @Column(name = "reviews_per_submission", nullable = false)
    private int reviewsPerSubmission = DEFAULT_REVIEWS;

    @Column(name = "linking_count", nullable = false)
    private int linkingCount;

    @Column(name = "due_days", nullable = false)
    private int dueDays = DEFAULT_DUE_DAYS;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_panel_member", joinColumns = @JoinColumn(name = "assessment_id"))
    @Column(name = "staff_id")
    private Set<Long> members = new HashSet<>();

    @Version
    private long version;

    protected ReviewPanel() {
    }

    public static ReviewPanel create(long assessmentId, Instant now) {
        ReviewPanel panel = new ReviewPanel();
        panel.assessmentId = assessmentId;
        panel.updatedAt = now;
        return panel;
    }

    public void define(Set<Long> members, int reviewsPerSubmission, int linkingCount, int dueDays, Instant now) {
        this.members.clear();
        this.members.addAll(members);
        this.reviewsPerSubmission = reviewsPerSubmission;
        this.linkingCount = linkingCount;
        this.dueDays = dueDays;
        this.updatedAt = now;
    }

    public void close(String by, Instant now) {
        closedAt = now;
        closedBy = by;
        updatedAt = now;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getAssessmentId() {
        return assessmentId;
    }

    public int getReviewsPerSubmission() {
        return reviewsPerSubmission;
    }

    public int getLinkingCount() {
        return linkingCount;
    }

    public int getDueDays() {
        return dueDays;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Set<Long> getMembers() {
        return Set.copyOf(members);
    }

    public long getVersion() {
        return version;
    }
}
