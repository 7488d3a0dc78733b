package dev.assay.review.internal;

import dev.assay.attempt.AttemptService;
import dev.assay.attempt.SubmittedAttempt;
import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.review.AssignmentOrigin;
import dev.assay.review.AssignmentStatus;
import dev.assay.review.Disagreement;
import dev.assay.review.Resolution;
import dev.assay.review.ReviewState;
import dev.assay.review.ScoreCell;
import dev.assay.staff.StaffService;
import dev.assay.taskbank.AssessmentService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review rules shared by the recruiter's and the reviewer's services and the submission listener:
 * taking submissions into review, assigning reviewers, and flagging and resolving disagreements. Every
 * change is written to the audit log in the same transaction. Callers have checked who may act.
 */
@Component
@Transactional
public class ReviewEngine {

    private static final Logger log = LoggerFactory.getLogger(ReviewEngine.class);

    private final ReviewPanelRepository panels;
    private final SubmissionRepository submissions;
    private final AssignmentRepository assignments;
    private final ScorecardRevisionRepository revisions;
    private final ConflictRepository conflicts;
    private final AttemptService attempts;
    private final InvitationService invitations;
    private final StaffService staff;
    private final AssessmentService assessments;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReviewEngine(ReviewPanelRepository panels, SubmissionRepository submissions, AssignmentRepository assignments,
            ScorecardRevisionRepository revisions, ConflictRepository conflicts, AttemptService attempts,
            InvitationService invitations, StaffService staff, AssessmentService assessments, AuditLog audit, Clock clock) {
        this.panels = panels;
        this.submissions = submissions;
        this.assignments = assignments;
        this.revisions = revisions;
        this.conflicts = conflicts;
        this.attempts = attempts;
        this.invitations = invitations;
        this.staff = staff;
        this.assessments = assessments;
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes a submitted attempt into review (once) and assigns its reviewers if the assessment has a panel. */
    public Submission intake(long attemptId, long invitationId, long assessmentId, Instant submittedAt) {
        return intake(attemptId, invitationId, assessmentId, submittedAt, false);
    }

    /**
     * The panel's row is locked first (as a panel change locks it), so intake and panel changes of one
     * assessment run one after the other. Under that lock, {@code lockingRead} looks for the attempt's
     * submission by a locking read, which also sees what was committed after this transaction's snapshot; a
     * plain read is used otherwise, because locking reads of absent keys take gap locks that deadlock
     * concurrent intakes of an assessment with no panel.
     */
    private Submission intake(long attemptId, long invitationId, long assessmentId, Instant submittedAt,
            boolean lockingRead) {
        Optional<ReviewPanel> panel = panels.lockById(assessmentId);
        Optional<Submission> existing = lockingRead && panel.isPresent() ? submissions.lockByAttemptId(attemptId)
                : submissions.findByAttemptId(attemptId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String code = system(() -> invitations.identity(invitationId)).candidateCode();
        Submission submission = submissions.saveAndFlush(new Submission(attemptId, invitationId, assessmentId, code,
                submittedAt));
        audit.record("submission.received", subject(submission),
                "Attempt " + attemptId + " of assessment " + assessmentId + " entered review.", null);
        panel.filter(p -> !p.isClosed() && !p.getMembers().isEmpty())
                .ifPresent(p -> fill(submission, p, planner(p)));
        return submission;
    }

    /**
     * Brings an assessment's review up to date: takes in any submitted attempt not yet in review, and gives
     * every submission the reviewers it still needs. Returns the number of reviews assigned.
     */
    public int fillAll(long assessmentId) {
        for (SubmittedAttempt a : system(() -> attempts.submitted(assessmentId))) {
            if (submissions.findByAttemptId(a.attemptId()).isEmpty()) {
                intake(a.attemptId(), a.invitationId(), a.assessmentId(), a.submittedAt(), true);
            }
        }
        ReviewPanel panel = panels.findById(assessmentId).orElse(null);
        if (panel == null || panel.isClosed() || panel.getMembers().isEmpty()) {
            return 0;
        }
        AssignmentPlanner planner = planner(panel);
        int assigned = 0;
        for (Submission s : submissions.findByAssessmentIdOrderBySubmittedAtAscIdAsc(assessmentId)) {
            assigned += fill(s, panel, planner);
        }
        return assigned;
    }

    private AssignmentPlanner planner(ReviewPanel panel) {
        Map<Long, Integer> load = new HashMap<>();
        panel.getMembers().forEach(m -> load.put(m, 0));
        for (Object[] row : assignments.loadByReviewer(panel.getAssessmentId())) {
            long reviewer = (Long) row[0];
            if (load.containsKey(reviewer)) {
                load.put(reviewer, ((Number) row[1]).intValue());
            }
        }
        return new AssignmentPlanner(load, random);
    }

    /** Assigns the reviewers one submission still needs. */
    private int fill(Submission unlocked, ReviewPanel panel, AssignmentPlanner planner) {
        Submission s = submissions.lockById(unlocked.getId()).orElseThrow();
        if (!s.isLinking() && submissions.countByAssessmentIdAndLinkingTrue(s.getAssessmentId()) < panel.getLinkingCount()) {
            s.setLinking(true);
        }
        List<Assignment> all = assignments.findBySubmissionId(s.getId());
        List<Long> active = all.stream().filter(Assignment::isActive).map(Assignment::getReviewerId).toList();
        Set<Long> excluded = new HashSet<>(conflicted(s.getInvitationId()));
        all.stream().filter(a -> !a.isActive()).forEach(a -> excluded.add(a.getReviewerId()));
        AssignmentPlanner.Plan plan = planner.plan(panel.getReviewsPerSubmission(), active, excluded, s.isLinking());
        for (Long reviewer : plan.reviewers()) {
            assign(s, reviewer, s.isLinking() ? AssignmentOrigin.LINKING : AssignmentOrigin.PANEL, panel.getDueDays());
        }
        if (s.getShortfall() != plan.shortfall()) {
            s.setShortfall(plan.shortfall());
            if (plan.shortfall() > 0) {
                log.warn("Submission {} needs {} more reviewers than the panel can give", s.getCandidateCode(),
                        plan.shortfall());
            }
        }
        return plan.reviewers().size();
    }

    Set<Long> conflicted(long invitationId) {
        return conflicts.findByInvitationId(invitationId).stream().map(Conflict::getStaffId).collect(Collectors.toSet());
    }

    /** Creates one assignment and records it. */
    public Assignment assign(Submission s, long reviewer, AssignmentOrigin origin, int dueDays) {
        Instant now = clock.instant();
        Assignment a = assignments.saveAndFlush(new Assignment(s.getId(), reviewer, origin,
                SystemAuthentication.currentName(), now, now.plus(Duration.ofDays(dueDays))));
        audit.record("assignment.created", subject(s), label(reviewer) + " assigned (" + origin.label()
                + "); assignment " + a.getId() + ", due " + a.getDueAt() + ".", null);
        return a;
    }

    /** Takes a review off its reviewer, keeping it for the record. */
    public void withdraw(Assignment a, Submission s, String why) {
        a.withdraw(SystemAuthentication.currentName(), clock.instant());
        audit.record("assignment.withdrawn", subject(s), "Assignment " + a.getId() + " of "
                + label(a.getReviewerId()) + " withdrawn (was " + a.getStatus().label() + ").", why);
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
     * Flags the submission when submitted reviews differ by two or more levels, and marks an open flag
     * resolved when the reviews come to agree (a revision) or an extra review is in.
     */
    public void refreshFlag(Submission s) {
        List<Assignment> active = assignments.findBySubmissionId(s.getId()).stream().filter(Assignment::isActive).toList();
        List<Disagreement> found = disagreements(latestSubmitted(active));
        Instant now = clock.instant();
        if (!found.isEmpty() && !s.isFlagged()) {
            s.flag(describe(found, cellNames(s.getAssessmentId())), now);
            audit.record("submission.flagged", subject(s), s.getFlagDetail(), null);
        } else if (s.isOpenFlag()) {
            boolean allIn = active.stream().allMatch(a -> a.getStatus() == AssignmentStatus.SUBMITTED);
            if (found.isEmpty()) {
                s.resolve(Resolution.REVISED, SystemAuthentication.currentName(),
                        "After a revision the reviews agree within one level.", now);
                audit.record("submission.resolved", subject(s), "Resolved: " + Resolution.REVISED.label() + ".", null);
            } else if (allIn && active.stream().anyMatch(a -> a.getOrigin() == AssignmentOrigin.EXTRA)) {
                s.resolve(Resolution.EXTRA_REVIEW, SystemAuthentication.currentName(),
                        "An extra reviewer scored the submission; all " + active.size() + " reviews count.", now);
                audit.record("submission.resolved", subject(s), "Resolved: " + Resolution.EXTRA_REVIEW.label() + ".",
                        null);
            }
        }
    }

    public static ReviewState state(Submission s, List<Assignment> all, int required) {
        List<Assignment> active = all.stream().filter(Assignment::isActive).toList();
        if (active.isEmpty() || active.size() < required) {
            return ReviewState.UNASSIGNED;
        }
        if (active.stream().anyMatch(a -> a.getStatus() != AssignmentStatus.SUBMITTED)) {
            return ReviewState.IN_PROGRESS;
        }
        return s.isOpenFlag() ? ReviewState.FLAGGED : ReviewState.COMPLETE;
    }

    /** How people read a task × criterion of this assessment: "Task 2 · Automation instinct". */
    public Function<ScoreCell.Cell, String> cellNames(long assessmentId) {
        Map<String, String> names = new HashMap<>();
        system(() -> assessments.rubric(assessmentId)).criteria().forEach(c -> names.put(c.key(), c.name()));
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

    static String describe(List<Disagreement> found, Function<ScoreCell.Cell, String> names) {
        return found.stream().sorted(Comparator.comparingInt(Disagreement::spread).reversed())
                .map(d -> names.apply(d.cell()) + " (levels "
                        + d.levels().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; ", "Reviews differ by 2 or more levels on ", "."));
    }

    public static String subject(Submission s) {
        return "submission " + s.getCandidateCode();
    }

    public static String levels(List<ScoreCell> cells, Function<ScoreCell.Cell, String> names) {
        return cells.stream().map(c -> names.apply(c.cell()) + " = " + (c.level() == 0 ? "–" : c.level()))
                .collect(Collectors.joining(", "));
    }

    /** What changed between two scorecards, cell by cell ("Task 1 · Critique of AI output: 2 → 4"). */
    public static String changes(List<ScoreCell> before, List<ScoreCell> after, Function<ScoreCell.Cell, String> names) {
        Map<ScoreCell.Cell, Integer> old = new HashMap<>();
        before.forEach(c -> old.put(c.cell(), c.level()));
        List<String> changed = new ArrayList<>();
        for (ScoreCell c : after) {
            Integer was = old.get(c.cell());
            if (was == null || was != c.level()) {
                changed.add(names.apply(c.cell()) + ": "
                        + (was == null ? "–" : was) + " → " + c.level());
            }
        }
        return changed.isEmpty() ? "No level changed." : String.join(", ", changed) + ".";
    }

    /** A reviewer as the audit log names them: email and account id. */
    public String label(long reviewerId) {
        return system(() -> staff.accounts(List.of(reviewerId))).stream().findFirst()
                .map(m -> m.email() + " (#" + m.id() + ")").orElse("reviewer #" + reviewerId);
    }

    static <T> T system(Supplier<T> work) {
        return SystemAuthentication.callAs("SYSTEM", work);
    }
}
