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
import dev.assay.review.PanelRules;
import dev.assay.review.ReviewException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Column(nullable = false)
    private boolean escalate;

    @Column(name = "calibration_required", nullable = false)
    private boolean calibrationRequired;

    @Column(name = "calibration_within_one", nullable = false)
    private int calibrationWithinOne = PanelRules.DEFAULT.withinOnePercent();

    @Column(name = "calibration_max_off", nullable = false)
    private int calibrationMaxOff = PanelRules.DEFAULT.maxOff();

    @Column(name = "drift_every", nullable = false)
    private int driftEvery;

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

    /** At most this many independent reviews per submission. */
    public static final int MAX_REVIEWS = 5;
    /** At most this many submissions in the linking set that every panel member scores. */
    public static final int MAX_LINKING = 30;
    /** Reviews fall due at most this many days after assignment. */
    public static final int MAX_DUE_DAYS = 60;

    /**
     * Sets who reviews and how. Refused, naming every problem, unless the panel has at least one member,
     * every member is an eligible reviewer (enabled, with the Reviewer role), each submission can get its
     * reviews from different members, and the linking set and due days are within their limits; and refused
     * once the review is closed.
     *
     * @param eligible the accounts that may review now
     */
    public void define(Set<Long> members, Set<Long> eligible, int reviewsPerSubmission, int linkingCount,
            int dueDays, Instant now) {
        if (isClosed()) {
            throw new ReviewException("This review is closed; the panel can no longer change.");
        }
        List<String> problems = problems(members, eligible, reviewsPerSubmission, linkingCount, dueDays);
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        this.members.clear();
        this.members.addAll(members);
        this.reviewsPerSubmission = reviewsPerSubmission;
        this.linkingCount = linkingCount;
        this.dueDays = dueDays;
        this.updatedAt = now;
    }

    public static List<String> problems(Set<Long> members, Set<Long> eligible, int reviewsPerSubmission, int linkingCount,
            int dueDays) {
        List<String> problems = new ArrayList<>();
        if (members == null || members.isEmpty()) {
            problems.add("Choose at least one reviewer.");
        } else if (!eligible.containsAll(members)) {
            problems.add("Only active staff with the Reviewer role can be on a panel.");
        }
        if (reviewsPerSubmission < 1 || reviewsPerSubmission > MAX_REVIEWS) {
            problems.add("Each submission needs between 1 and " + MAX_REVIEWS + " reviews.");
        } else if (members != null && !members.isEmpty() && members.size() < reviewsPerSubmission) {
            problems.add("Each submission needs " + reviewsPerSubmission + " independent reviews, but the panel has "
                    + members.size() + (members.size() == 1 ? " reviewer" : " reviewers")
                    + ". Add reviewers or lower the number.");
        }
        if (linkingCount < 0 || linkingCount > MAX_LINKING) {
            problems.add("The linking set can hold 0 to " + MAX_LINKING + " submissions.");
        }
        if (dueDays < 1 || dueDays > MAX_DUE_DAYS) {
            problems.add("Reviews are due between 1 and " + MAX_DUE_DAYS + " days after assignment.");
        }
        return problems;
    }

    /**
     * Sets escalation, the calibration gate and drift checks. Refused (naming every problem) when the rules are
     * out of range, when calibration is required of a panel whose assessment has no calibration item, or once
     * the review is closed.
     */
    public void setRules(PanelRules rules, int calibrationItems, Instant now) {
        if (isClosed()) {
            throw new ReviewException("This review is closed; the panel can no longer change.");
        }
        List<String> problems = rules.problems();
        if ((rules.calibrationRequired() || rules.driftEvery() > 0) && calibrationItems == 0) {
            problems.add("Add at least one calibration item before requiring calibration or drift checks.");
        }
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        escalate = rules.escalate();
        calibrationRequired = rules.calibrationRequired();
        calibrationWithinOne = rules.withinOnePercent();
        calibrationMaxOff = rules.maxOff();
        driftEvery = rules.driftEvery();
        updatedAt = now;
    }

    public PanelRules getRules() {
        return new PanelRules(escalate, calibrationRequired, calibrationWithinOne, calibrationMaxOff, driftEvery);
    }

    /** Ends scoring: scorecards no longer change and names are revealed. Refused when already closed. */
    public void close(String by, Instant now) {
        if (isClosed()) {
            throw new ReviewException("This review is already closed.");
        }
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
