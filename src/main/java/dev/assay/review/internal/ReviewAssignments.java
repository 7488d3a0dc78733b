package dev.assay.review.internal;

import dev.assay.attempt.SubmittedAttempt;
import dev.assay.attempt.port.SubmittedWork;
import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.review.AssignmentOrigin;
import dev.assay.staff.port.StaffDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reviews what: takes submitted attempts into review and gives each submission the reviewers it still
 * needs from the panel (least-loaded first, never a conflicted or withdrawn reviewer, the linking set first),
 * and creates and withdraws single assignments. Every change is written to the audit log in the same
 * transaction. Callers have checked who may act; the submission listener runs with nobody signed in.
 */
@Component
@Transactional
public class ReviewAssignments {

    private static final Logger log = LoggerFactory.getLogger(ReviewAssignments.class);

    private final ReviewPanelRepository panels;
    private final SubmissionRepository submissions;
    private final AssignmentRepository assignments;
    private final ConflictRepository conflicts;
    private final SubmittedWork attempts;
    private final CandidateRecords invitations;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final ScoresVersions versions;
    private final Clock clock;
    private final Calibration calibration;
    private final SecureRandom random = new SecureRandom();

    ReviewAssignments(ReviewPanelRepository panels, SubmissionRepository submissions, AssignmentRepository assignments,
            ConflictRepository conflicts, SubmittedWork attempts, CandidateRecords invitations, StaffDirectory staff,
            AuditTrail audit, ScoresVersions versions, Clock clock, Calibration calibration) {
        this.calibration = calibration;
        this.versions = versions;
        this.panels = panels;
        this.submissions = submissions;
        this.assignments = assignments;
        this.conflicts = conflicts;
        this.attempts = attempts;
        this.invitations = invitations;
        this.staff = staff;
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
        String code = invitations.identity(invitationId).candidateCode();
        Submission submission = submissions.saveAndFlush(new Submission(attemptId, invitationId, assessmentId, code,
                submittedAt));
        audit.record("submission.received", ReviewWording.subject(submission),
                "Attempt " + attemptId + " of assessment " + assessmentId + " entered review.", null);
        // Only under the panel's lock: without it, two first intakes could both miss the version row and
        // deadlock inserting it. Before a panel exists nothing can be scored, and saving one grows the version.
        panel.ifPresent(p -> versions.changed(assessmentId));
        panel.filter(p -> !p.isClosed() && !p.getMembers().isEmpty())
                .ifPresent(p -> fill(submission, p, planner(p)));
        return submission;
    }

    /**
     * Brings an assessment's review up to date: takes in any submitted attempt not yet in review, and gives
     * every submission the reviewers it still needs. Returns the number of reviews assigned.
     */
    public int fillAll(long assessmentId) {
        for (SubmittedAttempt a : attempts.submitted(assessmentId)) {
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

    /** The load of the members who may take live reviews: all of them, or those who passed calibration. */
    private AssignmentPlanner planner(ReviewPanel panel) {
        Map<Long, Integer> load = new HashMap<>();
        calibration.cleared(panel).forEach(m -> load.put(m, 0));
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
            calibration.maybeDrift(panel, reviewer, s.getId());
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

    /**
     * Escalation: gives a submission whose reviews disagree one more reviewer, the least-loaded eligible member
     * (never one already on it, withdrawn from it, or conflicted), as assignment does. Returns false, with an
     * audit entry, when nobody is left to ask.
     */
    public boolean escalate(Submission s, ReviewPanel panel) {
        List<Assignment> all = assignments.findBySubmissionId(s.getId());
        List<Long> active = all.stream().filter(Assignment::isActive).map(Assignment::getReviewerId).toList();
        Set<Long> excluded = new HashSet<>(conflicted(s.getInvitationId()));
        all.stream().filter(a -> !a.isActive()).forEach(a -> excluded.add(a.getReviewerId()));
        AssignmentPlanner.Plan plan = planner(panel).plan(active.size() + 1, active, excluded, false);
        if (plan.reviewers().isEmpty()) {
            audit.record("submission.escalation_unavailable", ReviewWording.subject(s), "Reviews disagree, but no "
                    + "other eligible reviewer is on the panel; a recruiter must settle it.", null);
            return false;
        }
        assign(s, plan.reviewers().getFirst(), AssignmentOrigin.ESCALATION, panel.getDueDays(),
                "escalation (automatic)");
        return true;
    }

    /** Creates one assignment and records it. */
    public Assignment assign(Submission s, long reviewer, AssignmentOrigin origin, int dueDays) {
        return assign(s, reviewer, origin, dueDays, SystemAuthentication.currentName());
    }

    private Assignment assign(Submission s, long reviewer, AssignmentOrigin origin, int dueDays, String by) {
        Instant now = clock.instant();
        Assignment a = assignments.saveAndFlush(new Assignment(s.getId(), reviewer, origin, by, now,
                now.plus(Duration.ofDays(dueDays))));
        versions.changed(s.getAssessmentId());
        audit.record("assignment.created", ReviewWording.subject(s), label(reviewer) + " assigned (" + origin.label()
                + "); assignment " + a.getId() + ", due " + a.getDueAt() + ".", null);
        return a;
    }

    /** Takes a review off its reviewer, keeping it for the record. */
    public void withdraw(Assignment a, Submission s, String why) {
        a.withdraw(SystemAuthentication.currentName(), clock.instant());
        versions.changed(s.getAssessmentId());
        audit.record("assignment.withdrawn", ReviewWording.subject(s), "Assignment " + a.getId() + " of "
                + label(a.getReviewerId()) + " withdrawn (was " + a.getStatus().label() + ").", why);
    }

    /** A reviewer as the audit log names them: email and account id. */
    public String label(long reviewerId) {
        return staff.accounts(List.of(reviewerId)).stream().findFirst()
                .map(m -> m.email() + " (#" + m.id() + ")").orElse("reviewer #" + reviewerId);
    }
}
