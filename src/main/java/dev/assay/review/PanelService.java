package dev.assay.review;

import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationView;
import dev.assay.review.internal.Assignment;
import dev.assay.review.internal.AssignmentRepository;
import dev.assay.review.internal.Calibration;
import dev.assay.review.internal.Conflict;
import dev.assay.review.internal.ConflictRepository;
import dev.assay.review.internal.ReconciliationRepository;
import dev.assay.review.internal.ReviewAssignments;
import dev.assay.review.internal.ReviewPanel;
import dev.assay.review.internal.ReviewPanelRepository;
import dev.assay.review.internal.ReviewWording;
import dev.assay.review.internal.ScoreAgreement;
import dev.assay.review.internal.ScoresVersions;
import dev.assay.review.internal.Submission;
import dev.assay.review.internal.SubmissionRepository;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recruiter's side of review: who is on an assessment's panel and how many reviews each submission
 * gets, conflicts of interest, reassigning by hand, extra reviewers, the review board, and closing the
 * review (which reveals candidates' identities to the panel). Every change goes into the audit log.
 */
@Service
@Transactional
@PreAuthorize("hasRole('RECRUITER')")
public class PanelService {

    public static final int MAX_REVIEWS = ReviewPanel.MAX_REVIEWS;
    public static final int MAX_LINKING = ReviewPanel.MAX_LINKING;
    public static final int MAX_DUE_DAYS = ReviewPanel.MAX_DUE_DAYS;
    public static final int MAX_NOTE = 500;
    /** Submissions on the review board's first page; the board's grid reads further pages as it scrolls. */
    public static final int BOARD_PAGE = 50;

    private static final Logger log = LoggerFactory.getLogger(PanelService.class);

    private final ReviewPanelRepository panels;
    private final SubmissionRepository submissions;
    private final AssignmentRepository assignments;
    private final ConflictRepository conflicts;
    private final ReconciliationRepository reconciliations;
    private final ReviewAssignments assigning;
    private final ScoreAgreement agreement;
    private final StaffService staff;
    private final AssessmentService assessments;
    private final InvitationService invitations;
    private final AuditTrail audit;
    private final ScoresVersions versions;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Clock clock;
    private final Calibration calibration;

    private final org.springframework.context.ApplicationEventPublisher events;

    PanelService(ReviewPanelRepository panels, SubmissionRepository submissions, AssignmentRepository assignments,
            ConflictRepository conflicts, ReconciliationRepository reconciliations,
            ReviewAssignments assigning, ScoreAgreement agreement, StaffService staff, AssessmentService assessments,
            InvitationService invitations, AuditTrail audit, ScoresVersions versions,
            org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock, Calibration calibration,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.calibration = calibration;
        this.jdbc = jdbc;
        this.versions = versions;
        this.panels = panels;
        this.submissions = submissions;
        this.assignments = assignments;
        this.conflicts = conflicts;
        this.reconciliations = reconciliations;
        this.assigning = assigning;
        this.agreement = agreement;
        this.staff = staff;
        this.assessments = assessments;
        this.invitations = invitations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PanelSetup setup(long assessmentId) {
        assessments.get(assessmentId);
        List<PanelSetup.Reviewer> available = staff.reviewers().stream()
                .map(m -> new PanelSetup.Reviewer(m.id(), m.fullName(), m.email(), m.hasRole(StaffRole.RECRUITER)))
                .toList();
        int items = calibration.activeItems(assessmentId).size();
        return panels.findById(assessmentId)
                .map(p -> new PanelSetup(assessmentId, available, p.getMembers(), p.getReviewsPerSubmission(),
                        p.getLinkingCount(), p.getDueDays(), p.getClosedAt(), p.getClosedBy(), p.getVersion(),
                        p.getRules(), items))
                .orElseGet(() -> new PanelSetup(assessmentId, available, Set.of(), ReviewPanel.DEFAULT_REVIEWS, 0,
                        ReviewPanel.DEFAULT_DUE_DAYS, null, null, -1, PanelRules.DEFAULT, items));
    }

    /**
     * Saves the panel and assigns every submission the reviewers it still needs.
     *
     * @param expectedVersion the version the recruiter loaded ({@code -1} for a new panel)
     * @return the number of reviews assigned as a result
     */
    public int savePanel(long assessmentId, Set<Long> members, int reviewsPerSubmission, int linkingCount,
            int dueDays, long expectedVersion) {
        PanelRules rules = panels.findById(assessmentId).map(ReviewPanel::getRules).orElse(PanelRules.DEFAULT);
        return savePanel(assessmentId, members, reviewsPerSubmission, linkingCount, dueDays, rules, expectedVersion);
    }

    /**
     * Saves the panel with its escalation, calibration and drift rules, gives members who must calibrate their first
     * round of the calibration set, and assigns every submission the reviewers it still needs (only members who may
     * take live reviews).
     *
     * @param expectedVersion the version the recruiter loaded ({@code -1} for a new panel)
     * @return the number of live reviews assigned as a result
     */
    public int savePanel(long assessmentId, Set<Long> members, int reviewsPerSubmission, int linkingCount,
            int dueDays, PanelRules rules, long expectedVersion) {
        assessments.get(assessmentId);
        Set<Long> reviewers = staff.reviewers().stream().map(StaffMember::id).collect(Collectors.toSet());
        // Problems with the definition are reported before a stale or closed panel, as the form shows them.
        List<String> problems = ReviewPanel.problems(members, reviewers, reviewsPerSubmission, linkingCount, dueDays);
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        Instant now = clock.instant();
        ReviewPanel panel = panels.findById(assessmentId).orElse(null);
        if (panel == null) {
            if (expectedVersion >= 0) {
                throw stalePanel();
            }
            panel = ReviewPanel.create(assessmentId, now);
        } else {
            if (panel.getVersion() != expectedVersion) {
                throw stalePanel();
            }
        }
        Set<Long> before = panel.getMembers();
        panel.define(new HashSet<>(members), reviewers, reviewsPerSubmission, linkingCount, dueDays, now);
        panel.setRules(rules, calibration.activeItems(assessmentId).size(), now);
        try {
            panels.saveAndFlush(panel);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stalePanel();
        }
        audit.record("panel.updated", "assessment " + assessmentId, "Reviewers " + sorted(members) + " (before: "
                + sorted(before) + "); " + reviewsPerSubmission + " reviews per submission; linking set "
                + linkingCount + "; due in " + dueDays + " days; escalation " + (rules.escalate() ? "on" : "off")
                + "; calibration " + (rules.calibrationRequired() ? "required (" + rules.passRule() + ")" : "not required")
                + "; drift checks " + (rules.driftEvery() == 0 ? "off" : "about 1 in " + rules.driftEvery()) + ".", null);
        calibration.openFirstRounds(panel);
        int assigned = assigning.fillAll(assessmentId);
        versions.changedByPerson(assessmentId);
        log.info("Panel of assessment {} saved by {}; {} reviews assigned", assessmentId,
                SystemAuthentication.currentName(), assigned);
        return assigned;
    }

    private static ReviewException stalePanel() {
        return new StaleScorecardException("Someone else changed this panel while you were editing it. "
                + "Reload the page to see their change, then make yours again.");
    }

    private static String sorted(Collection<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    @Transactional(readOnly = true)
    public ReviewBoard board(long assessmentId) {
        AssessmentView assessment = assessments.get(assessmentId);
        PanelSetup setup = setup(assessmentId);
        Instant now = clock.instant();
        // Per submission: active reviews, those not yet submitted, and an open flag; one grouped query.
        int[] counts = new int[ReviewState.values().length];
        int total = 0;
        for (int[] row : jdbc.query("SELECT COUNT(a.id), COALESCE(SUM(CASE WHEN a.status <> 'SUBMITTED' THEN 1 ELSE 0 "
                + "END), 0), CASE WHEN s.flagged_at IS NOT NULL AND s.resolution IS NULL THEN 1 ELSE 0 END "
                + "FROM review_submission s LEFT JOIN review_assignment a ON a.submission_id = s.id "
                + "AND a.status <> 'WITHDRAWN' AND a.calibration_item_id IS NULL WHERE s.assessment_id = ? GROUP BY s.id, s.flagged_at, s.resolution",
                (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}, assessmentId)) {
            counts[ScoreAgreement.state(row[0], row[1], row[2] == 1, setup.reviewsPerSubmission()).ordinal()]++;
            total++;
        }
        // Per reviewer: assigned, submitted, drafts, overdue; one grouped query.
        Map<Long, int[]> load = new HashMap<>();
        setup.members().forEach(m -> load.put(m, new int[4]));
        jdbc.query("SELECT a.reviewer_id, COUNT(*), SUM(CASE WHEN a.status = 'SUBMITTED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN a.status = 'DRAFT' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status IN ('ASSIGNED', 'DRAFT') "
                + "AND a.due_at < ? THEN 1 ELSE 0 END) FROM review_assignment a JOIN review_submission s "
                + "ON s.id = a.submission_id WHERE s.assessment_id = ? AND a.status <> 'WITHDRAWN' "
                + "AND a.calibration_item_id IS NULL GROUP BY a.reviewer_id",
                rs -> {
                    load.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)});
                }, java.sql.Timestamp.valueOf(now.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()), assessmentId);
        Map<Long, String> names = names(load.keySet());
        List<ReviewBoard.Workload> workload = load.entrySet().stream()
                .map(e -> new ReviewBoard.Workload(e.getKey(), names.getOrDefault(e.getKey(), "Reviewer " + e.getKey()),
                        setup.members().contains(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .sorted(Comparator.comparing(ReviewBoard.Workload::reviewerName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        ReviewBoard.Counts summary = new ReviewBoard.Counts(total, counts[ReviewState.UNASSIGNED.ordinal()],
                counts[ReviewState.IN_PROGRESS.ordinal()], counts[ReviewState.FLAGGED.ordinal()],
                counts[ReviewState.COMPLETE.ordinal()]);
        return new ReviewBoard(assessmentId, assessment.title(), setup, summary,
                total == 0 ? List.of() : rows(assessmentId, setup, 0, BOARD_PAGE), workload);
    }

    /** Submissions {@code offset} to {@code offset + limit} of the board, in order of submission. */
    @Transactional(readOnly = true)
    public List<ReviewBoard.Row> boardPage(long assessmentId, int offset, int limit) {
        assessments.get(assessmentId);
        return rows(assessmentId, setup(assessmentId), Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    /** One page of board rows: the page's ids from the database, then its submissions, reviews and names. */
    private List<ReviewBoard.Row> rows(long assessmentId, PanelSetup setup, int offset, int limit) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM review_submission WHERE assessment_id = ? "
                + "ORDER BY submitted_at, id LIMIT ? OFFSET ?", Long.class, assessmentId, limit, offset);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Submission> byId = submissions.findAllById(ids).stream()
                .collect(Collectors.toMap(Submission::getId, x -> x));
        List<Submission> page = ids.stream().map(byId::get).toList();
        Map<Long, List<Assignment>> bySubmission = assignments.findBySubmissionIdIn(ids).stream()
                .collect(Collectors.groupingBy(Assignment::getSubmissionId));
        Set<Long> reviewerIds = new HashSet<>(setup.members());
        bySubmission.values().forEach(l -> l.forEach(a -> reviewerIds.add(a.getReviewerId())));
        Map<Long, String> names = names(reviewerIds);
        Instant now = clock.instant();
        var cellNames = agreement.cellNames(assessmentId);
        Map<Long, InvitationView> identities = invitations.identities(
                page.stream().map(Submission::getInvitationId).toList());
        List<ReviewBoard.Row> rows = new ArrayList<>();
        for (Submission s : page) {
            List<Assignment> list = bySubmission.getOrDefault(s.getId(), List.of());
            InvitationView who = identities.get(s.getInvitationId());
            String flagDetail = s.isFlagged()
                    ? java.util.Objects.requireNonNullElse(agreement.disagreementNow(list, cellNames, names), s.getFlagDetail())
                    : s.getFlagDetail();
            rows.add(new ReviewBoard.Row(s.getId(), s.getCandidateCode(), who.name(), who.email(), s.getSubmittedAt(),
                    ScoreAgreement.state(s, list, setup.reviewsPerSubmission()), s.isLinking(), s.getShortfall(),
                    list.stream().sorted(Comparator.comparing(Assignment::getId))
                            .map(a -> review(a, names, now)).toList(),
                    s.isFlagged(), flagDetail, s.getResolution(), s.getResolvedBy(), s.getResolvedAt(),
                    s.getResolutionReason()));
        }
        return rows;
    }

    private static ReviewBoard.Review review(Assignment a, Map<Long, String> names, Instant now) {
        return new ReviewBoard.Review(a.getId(), a.getReviewerId(),
                names.getOrDefault(a.getReviewerId(), "Reviewer " + a.getReviewerId()), a.getOrigin(), a.getStatus(),
                a.getAssignedAt(), a.getDueAt(), a.getSubmittedAt(), a.isOverdue(now));
    }

    private Map<Long, String> names(Collection<Long> ids) {
        return staff.accounts(ids).stream().collect(Collectors.toMap(StaffMember::id, StaffMember::fullName));
    }

    /**
     * Records that a reviewer must not review this candidate. Any review they have of this submission is
     * withdrawn (its scores no longer count) and a replacement is assigned.
     */
    public void declareConflict(long submissionId, long reviewerId, String note) {
        Submission s = submission(submissionId);
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new ReviewException("Keep the note under " + MAX_NOTE + " characters.");
        }
        if (conflicts.existsByInvitationIdAndStaffId(s.getInvitationId(), reviewerId)) {
            throw new ReviewException("This conflict of interest is already recorded.");
        }
        requireOpen(s.getAssessmentId());
        conflicts.save(new Conflict(s.getInvitationId(), reviewerId, text.isEmpty() ? null : text,
                SystemAuthentication.currentName(), clock.instant()));
        audit.record("conflict.declared", ReviewWording.subject(s), assigning.label(reviewerId)
                + " excluded from this candidate.", text.isEmpty() ? null : text);
        for (Assignment a : assignments.findBySubmissionId(submissionId)) {
            if (a.isActive() && a.getReviewerId() == reviewerId) {
                assigning.withdraw(a, s, "Conflict of interest declared.");
            }
        }
        assignments.flush();
        assigning.fillAll(s.getAssessmentId());
        agreement.refreshFlag(s);
        versions.changedByPerson(s.getAssessmentId());
    }

    /** Moves an unfinished review to another reviewer; the first reviewer's draft is kept but no longer counts. */
    public void reassign(long assignmentId, long toReviewerId) {
        Assignment a = assignments.findById(assignmentId)
                .orElseThrow(() -> new ReviewException("This review no longer exists."));
        Submission s = submission(a.getSubmissionId());
        ReviewPanel panel = requireOpen(s.getAssessmentId());
        if (!a.isActive()) {
            throw new ReviewException("This review was already withdrawn.");
        }
        if (a.getStatus() == AssignmentStatus.SUBMITTED) {
            throw new ReviewException("This review is already submitted. Add another reviewer instead.");
        }
        checkEligible(s, toReviewerId);
        assigning.withdraw(a, s, "Reassigned by a recruiter.");
        assigning.assign(s, toReviewerId, AssignmentOrigin.MANUAL, panel.getDueDays());
        versions.changedByPerson(s.getAssessmentId());
    }

    /** Adds one more reviewer to a submission, typically to settle a disagreement. */
    public void addReviewer(long submissionId, long reviewerId) {
        Submission s = submission(submissionId);
        ReviewPanel panel = requireOpen(s.getAssessmentId());
        checkEligible(s, reviewerId);
        assigning.assign(s, reviewerId, AssignmentOrigin.EXTRA, panel.getDueDays());
        versions.changedByPerson(s.getAssessmentId());
    }

    /** Reviewers who could take a review of this submission: on the panel, not on it already, no conflict. */
    @Transactional(readOnly = true)
    public List<PanelSetup.Reviewer> eligible(long submissionId) {
        Submission s = submission(submissionId);
        Set<Long> busy = assignments.findBySubmissionId(submissionId).stream().filter(Assignment::isActive)
                .map(Assignment::getReviewerId).collect(Collectors.toSet());
        Set<Long> conflicted = conflicts.findByInvitationId(s.getInvitationId()).stream().map(Conflict::getStaffId)
                .collect(Collectors.toSet());
        return setup(s.getAssessmentId()).available().stream()
                .filter(r -> !busy.contains(r.id()) && !conflicted.contains(r.id())).toList();
    }

    private void checkEligible(Submission s, long reviewerId) {
        if (eligible(s.getId()).stream().noneMatch(r -> r.id() == reviewerId)) {
            throw new ReviewException("That reviewer can't take this review: they already have it, declared a "
                    + "conflict of interest, or are not an active reviewer.");
        }
    }

    /**
     * Closes the assessment's review: scoring stops, and the panel sees candidates' names and emails next
     * to their codes. Recorded in the audit log as an identity reveal.
     */
    public void closeReview(long assessmentId) {
        ReviewPanel panel = panels.findById(assessmentId)
                .orElseThrow(() -> new ReviewException("Set up the review panel before closing the review."));
        panel.close(SystemAuthentication.currentName(), clock.instant());
        versions.changedByPerson(assessmentId);
        List<Submission> all = submissions.findByAssessmentIdOrderBySubmittedAtAscIdAsc(assessmentId);
        audit.record("review.closed", "assessment " + assessmentId, "Scoring closed with " + all.size()
                + " submissions.", null);
        audit.record("identity.revealed", "assessment " + assessmentId, "Names and emails of "
                + all.size() + " candidates revealed to panel " + sorted(panel.getMembers()) + ": "
                + all.stream().map(Submission::getCandidateCode).collect(Collectors.joining(", ")) + ".", null);
        events.publishEvent(new ReviewClosed(assessmentId, panel.getClosedAt(),
                all.stream().map(Submission::getInvitationId).toList()));
        log.info("Review of assessment {} closed by {}", assessmentId, SystemAuthentication.currentName());
    }

    private Submission submission(long id) {
        return submissions.findById(id).orElseThrow(() -> new ReviewException("This submission no longer exists."));
    }

    private ReviewPanel requireOpen(long assessmentId) {
        ReviewPanel panel = panels.findById(assessmentId)
                .orElseThrow(() -> new ReviewException("Set up the review panel first."));
        if (panel.isClosed()) {
            throw new ReviewException("This review is closed; nothing can change now.");
        }
        return panel;
    }
}
