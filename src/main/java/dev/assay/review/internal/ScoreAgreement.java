package dev.assay.review.internal;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import dev.assay.review.AssignmentOrigin;
import dev.assay.review.AssignmentStatus;
import dev.assay.review.Disagreement;
import dev.assay.review.ReviewState;
import dev.assay.review.ScoreCell;
import dev.assay.taskbank.port.AssessmentCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a submission's reviewers agree: the latest submitted scorecard of each active review, where they
 * are two or more levels apart, and keeping the submission's flag in step with them (the rule itself is the
 * submission's own, {@link Submission#followReviews}). Callers have checked who may act.
 */
@Component
@Transactional
public class ScoreAgreement {

    private final AssignmentRepository assignments;
    private final ScorecardRevisionRepository revisions;
    private final AssessmentCatalog assessments;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReviewPanelRepository panels;
    private final ReviewAssignments assigning;

    ScoreAgreement(AssignmentRepository assignments, ScorecardRevisionRepository revisions,
            AssessmentCatalog assessments, AuditTrail audit, Clock clock, ReviewPanelRepository panels,
            ReviewAssignments assigning) {
        this.panels = panels;
        this.assigning = assigning;
        this.assignments = assignments;
        this.revisions = revisions;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    /** The latest submitted revision of each active assignment that has one. */
    public Map<Assignment, ScorecardRevision> latestSubmitted(List<Assignment> active) {
        Map<Long, Assignment> byId = new LinkedHashMap<>();
        active.forEach(a -> byId.put(a.getId(), a));
        Map<Assignment, ScorecardRevision> latest = new LinkedHashMap<>();
        if (byId.isEmpty()) {
            return latest;
        }
        for (ScorecardRevision r : revisions.findByAssignmentIdInOrderByRevisionAsc(byId.keySet())) {
            if (r.isSubmitted()) {
                latest.put(byId.get(r.getAssignmentId()), r);
            }
        }
        return latest;
    }

    public List<Disagreement> disagreements(Map<Assignment, ScorecardRevision> latest) {
        return Disagreements.of(latest.values().stream().map(ScorecardRevision::cells).toList());
    }

    /**
     * Flags the submission when submitted reviews differ by two or more levels (and, if the panel escalates, assigns
     * one more reviewer at once), and marks an open flag resolved when the reviews come to agree (a revision) or an
     * extra or escalation review is in.
     */
    public void refreshFlag(Submission s) {
        List<Assignment> active = assignments.findBySubmissionId(s.getId()).stream().filter(Assignment::isActive).toList();
        List<Disagreement> found = disagreements(latestSubmitted(active));
        boolean allIn = active.stream().allMatch(a -> a.getStatus() == AssignmentStatus.SUBMITTED);
        boolean extra = active.stream().anyMatch(a -> a.getOrigin() == AssignmentOrigin.EXTRA
                || a.getOrigin() == AssignmentOrigin.ESCALATION);
        Submission.FlagChange change = s.followReviews(found, active.size(), allIn, extra,
                () -> ReviewWording.describe(found, cellNames(s.getAssessmentId())), SystemAuthentication.currentName(),
                clock.instant());
        switch (change) {
            case FLAGGED -> {
                audit.record("submission.flagged", ReviewWording.subject(s), s.getFlagDetail(), null);
                panels.findById(s.getAssessmentId()).filter(p -> p.getRules().escalate() && !p.isClosed())
                        .ifPresent(p -> assigning.escalate(s, p));
            }
            case AGREED_AFTER_REVISION, EXTRA_REVIEW_IN -> audit.record("submission.resolved",
                    ReviewWording.subject(s), "Resolved: " + s.getResolution().label() + ".", null);
            case NONE -> { }
        }
    }

    public static ReviewState state(Submission s, List<Assignment> all, int required) {
        List<Assignment> active = all.stream().filter(Assignment::isActive).toList();
        return state(active.size(), (int) active.stream().filter(a -> a.getStatus() != AssignmentStatus.SUBMITTED)
                .count(), s.isOpenFlag(), required);
    }

    /**
     * A submission's review state from its active reviews: too few to be fully assigned, some not submitted,
     * an open disagreement, or complete.
     */
    public static ReviewState state(int active, int unfinished, boolean openFlag, int required) {
        if (active == 0 || active < required) {
            return ReviewState.UNASSIGNED;
        }
        if (unfinished > 0) {
            return ReviewState.IN_PROGRESS;
        }
        return openFlag ? ReviewState.FLAGGED : ReviewState.COMPLETE;
    }

    /** How people read a task × criterion of this assessment: "Task 2 · Automation instinct". */
    public Function<ScoreCell.Cell, String> cellNames(long assessmentId) {
        Map<String, String> names = new HashMap<>();
        assessments.rubric(assessmentId).criteria().forEach(c -> names.put(c.key(), c.name()));
        return c -> "Task " + (c.taskPosition() + 1) + " · " + names.getOrDefault(c.criterionKey(), c.criterionKey());
    }

    /**
     * The disagreement as it stands now, naming every reviewer's latest submitted level on each disputed
     * task × criterion (the stored flag describes the moment it was raised), or null when none remains.
     */
    public String disagreementNow(List<Assignment> assignments, Function<ScoreCell.Cell, String> cellNames,
            Map<Long, String> reviewerNames) {
        Map<Assignment, ScorecardRevision> latest = latestSubmitted(assignments.stream().filter(Assignment::isActive)
                .toList());
        List<String> parts = new ArrayList<>();
        for (Disagreement d : disagreements(latest)) {
            List<String> given = new ArrayList<>();
            latest.entrySet().stream()
                    .sorted(Comparator.comparing(e -> reviewerNames.getOrDefault(e.getKey().getReviewerId(), "")))
                    .forEach(e -> e.getValue().cells().stream().filter(c -> c.cell().equals(d.cell())).findFirst()
                            .ifPresent(c -> given.add(reviewerNames.getOrDefault(e.getKey().getReviewerId(),
                                    "Reviewer #" + e.getKey().getReviewerId()) + " " + c.level())));
            parts.add(cellNames.apply(d.cell()) + " (" + String.join(", ", given) + ")");
        }
        return parts.isEmpty() ? null : "Reviews differ by 2 or more levels on " + String.join("; ", parts) + ".";
    }
}
