package dev.assay.review;

import dev.assay.assistant.TextEmbedder;
import dev.assay.attempt.SubmittedResponse;
import dev.assay.attempt.port.SubmittedWork;
import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationView;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.review.internal.Assignment;
import dev.assay.review.internal.AssignmentPlanner;
import dev.assay.review.internal.AssignmentRepository;
import dev.assay.review.internal.Calibration;
import dev.assay.review.internal.CalibrationItem;
import dev.assay.review.internal.CalibrationItemRepository;
import dev.assay.review.internal.Reconciliation;
import dev.assay.review.internal.ReconciliationRepository;
import dev.assay.review.internal.ReviewAssignments;
import dev.assay.review.internal.ReviewPanel;
import dev.assay.review.internal.ReviewPanelRepository;
import dev.assay.review.internal.ReviewWording;
import dev.assay.review.internal.ScoreAgreement;
import dev.assay.review.internal.ScorecardForm;
import dev.assay.review.internal.ScorecardRevision;
import dev.assay.review.internal.ScorecardRevisionRepository;
import dev.assay.review.internal.ScoresVersions;
import dev.assay.review.internal.Submission;
import dev.assay.review.internal.SubmissionRepository;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffService;
import dev.assay.staff.port.StaffDirectory;
import dev.assay.taskbank.AssessmentSummary;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.RubricView;
import dev.assay.taskbank.TaskVersionView;
import dev.assay.taskbank.port.AssessmentCatalog;
import dev.assay.taskbank.port.TaskVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewer's side: their queue, the scoring sheet, drafts, submission, revisions and reconciliation.
 * A reviewer reaches only the reviews assigned to them, sees candidates as codes until the review is
 * closed, and sees other reviewers' scorecards only after submitting their own.
 */
@Service
@Transactional
@PreAuthorize("hasRole('REVIEWER')")
public class ReviewService {

    public static final int MAX_TEXT = ScorecardRules.MAX_TEXT;

    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final ScorecardRevisionRepository revisions;
    private final ReconciliationRepository reconciliations;
    private final ReviewPanelRepository panels;
    private final ScoreAgreement agreement;
    private final StaffService staff;
    private final StaffDirectory directory;
    private final SubmittedWork attempts;
    private final AssessmentCatalog assessments;
    private final TaskVersions tasks;
    private final CandidateRecords invitations;
    private final AuditTrail audit;
    private final ScoresVersions versions;
    private final Clock clock;

    private final TextEmbedder embedder;
    private final Calibration calibration;
    private final CalibrationItemRepository calibrationItems;
    private final ReviewAssignments assigning;

    ReviewService(AssignmentRepository assignments, SubmissionRepository submissions,
            ScorecardRevisionRepository revisions, ReconciliationRepository reconciliations,
            ReviewPanelRepository panels, ScoreAgreement agreement, StaffService staff, StaffDirectory directory,
            SubmittedWork attempts, AssessmentCatalog assessments, TaskVersions tasks, CandidateRecords invitations,
            AuditTrail audit, ScoresVersions versions, Clock clock, TextEmbedder embedder, Calibration calibration,
            CalibrationItemRepository calibrationItems, ReviewAssignments assigning) {
        this.calibration = calibration;
        this.calibrationItems = calibrationItems;
        this.assigning = assigning;
        this.embedder = embedder;
        this.versions = versions;
        this.directory = directory;
        this.assignments = assignments;
        this.submissions = submissions;
        this.revisions = revisions;
        this.reconciliations = reconciliations;
        this.panels = panels;
        this.agreement = agreement;
        this.staff = staff;
        this.attempts = attempts;
        this.assessments = assessments;
        this.tasks = tasks;
        this.invitations = invitations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The signed-in reviewer's reviews: the ones still to do first, in an order shuffled for this reviewer
     * (stable between visits), then the ones done, most recent first.
     */
    @Transactional(readOnly = true)
    public List<QueueItem> queue() {
        long me = staff.signedInAccountId();
        List<Assignment> mine = assignments.findByReviewerId(me).stream().filter(Assignment::isActive).toList();
        Map<Long, Submission> subs = submissions.findAllById(mine.stream().map(Assignment::getSubmissionId).toList())
                .stream().collect(Collectors.toMap(Submission::getId, s -> s));
        Map<Long, AssessmentSummary> byAssessment = new HashMap<>();
        Map<Long, ReviewPanel> panelOf = new HashMap<>();
        Instant now = clock.instant();
        Map<Long, QueueItem> items = new HashMap<>();
        Map<Long, CalibrationStatus> gate = new HashMap<>();
        for (Assignment a : mine) {
            Submission s = subs.get(a.getSubmissionId());
            // Live reviews of an assessment that requires calibration wait until the reviewer has passed it.
            if (!gate.computeIfAbsent(s.getAssessmentId(), id -> calibration.status(me, id)).cleared()) {
                continue;
            }
            AssessmentSummary assessment = byAssessment.computeIfAbsent(s.getAssessmentId(),
                    id -> assessments.summary(id));
            boolean closed = panelOf.computeIfAbsent(s.getAssessmentId(), id -> panels.findById(id).orElse(null)) != null
                    && panelOf.get(s.getAssessmentId()).isClosed();
            String name = closed ? invitations.identity(s.getInvitationId()).name() : null;
            items.put(a.getId(), new QueueItem(a.getId(), s.getCandidateCode(), name, assessment.title(),
                    assessment.roleName(), assessment.taskCount(), a.getAssignedAt(), a.getDueAt(), a.getStatus(),
                    a.getOrigin(), a.isOverdue(now), s.isOpenFlag(), closed));
        }
        // Calibration examples of a round not yet passed, and hidden drift checks dressed as panel reviews.
        List<Assignment> takes = assignments.findTakesByReviewer(me).stream().filter(Assignment::isActive).toList();
        Map<Long, CalibrationItem> itemsById = new HashMap<>();
        calibrationItems.findAllById(takes.stream().map(Assignment::getCalibrationItemId).distinct().toList())
                .forEach(i -> itemsById.put(i.getId(), i));
        for (Assignment a : takes) {
            CalibrationItem item = itemsById.get(a.getCalibrationItemId());
            long assessmentId = item.getAssessmentId();
            AssessmentSummary assessment = byAssessment.computeIfAbsent(assessmentId, id -> assessments.summary(id));
            CalibrationStatus status = gate.computeIfAbsent(assessmentId, id -> calibration.status(me, id));
            if (a.getOrigin() == AssignmentOrigin.CALIBRATION && (status.passed()
                    || a.getCalibrationRound() != status.round())) {
                continue;
            }
            boolean drift = a.getOrigin() == AssignmentOrigin.DRIFT;
            items.put(a.getId(), new QueueItem(a.getId(), drift ? driftCode(a) : item.getLabel(), null,
                    assessment.title(), assessment.roleName(), assessment.taskCount(), a.getAssignedAt(),
                    a.getDueAt(), a.getStatus(), drift ? AssignmentOrigin.PANEL : AssignmentOrigin.CALIBRATION,
                    a.isOverdue(now), false, false));
        }
        List<QueueItem> ordered = new ArrayList<>();
        AssignmentPlanner.queueOrder(me, items.values().stream().filter(i -> !i.done()).map(QueueItem::assignmentId)
                .toList()).forEach(id -> ordered.add(items.get(id)));
        items.values().stream().filter(QueueItem::done)
                .sorted(Comparator.comparing(QueueItem::assignedAt).reversed().thenComparing(QueueItem::assignmentId))
                .forEach(ordered::add);
        return ordered;
    }

    /** The scoring sheet of one of the signed-in reviewer's reviews. */
    @Transactional(readOnly = true)
    public ScoringSheet sheet(long assignmentId) {
        return sheetFor(mine(assignmentId));
    }

    /** Saves the scorecard as a draft (it may be incomplete). Returns the sheet as saved. */
    public ScoringSheet saveDraft(long assignmentId, ScorecardInput input, long expectedVersion) {
        Assignment a = mine(assignmentId);
        ScoringSheet sheet = sheetFor(a);
        requireEditable(sheet);
        checkVersion(a, expectedVersion);
        Instant now = clock.instant();
        ScorecardRevision draft = draftOf(a, ScorecardForm.of(sheet), input, now);
        a.draftSaved(now);
        flush();
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        audit.record("scorecard.draft_saved", subject(a, s), "Revision " + draft.getRevision()
                + " draft: " + ReviewWording.levels(input.scores(), sheet::describe) + ".", null);
        return sheetFor(a);
    }

    /**
     * Submits the scorecard. Every criterion of every task needs a level, levels 1 and 5 need a
     * justification, and the overall comment is required. Changing an already submitted scorecard needs a
     * reason and becomes a new revision; the previous one is kept.
     */
    public ScoringSheet submit(long assignmentId, ScorecardInput input, long expectedVersion, String reason) {
        Assignment a = mine(assignmentId);
        ScoringSheet sheet = sheetFor(a);
        requireEditable(sheet);
        checkVersion(a, expectedVersion);
        ScoringSheet.Revision previous = sheet.lastSubmitted();
        ScorecardForm form = ScorecardForm.of(sheet);
        Instant now = clock.instant();
        ScorecardRevision revision = draftOf(a, form, input, now);
        revision.submit(form, previous != null, reason, now);
        a.submitted(now);
        flush();
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        if (previous == null) {
            audit.record("scorecard.submitted", subject(a, s), "Revision " + revision.getRevision() + ": "
                    + ReviewWording.levels(input.scores(), sheet::describe) + ".", null);
        } else {
            audit.record("scorecard.revised", subject(a, s), "Revision " + revision.getRevision()
                    + " replaces revision " + previous.number() + ": "
                    + ReviewWording.changes(previous.scores(), input.scores(), sheet::describe), revision.getReason());
        }
        if (a.isTake()) {
            // A calibration take never touches the source submission: no flag, no new scores version. A round
            // passed opens live work, which the panel's assignment now gives this reviewer.
            if (calibration.afterSubmit(a)) {
                assigning.fillAll(calibrationItems.findById(a.getCalibrationItemId()).orElseThrow().getAssessmentId());
            }
            return sheetFor(a);
        }
        agreement.refreshFlag(s);
        versions.changedByPerson(s.getAssessmentId());
        return sheetFor(a);
    }

    /** How the audit log names what was scored: the submission, or a calibration take without the source's code. */
    private static String subject(Assignment a, Submission s) {
        return a.isTake() ? "calibration take " + a.getId() + " (item " + a.getCalibrationItemId() + ")"
                : ReviewWording.subject(s);
    }

    /**
     * Records the level the reviewers agreed on for each disputed criterion of a flagged submission, with
     * their reason. Open to any reviewer of the submission who has submitted their own scorecard.
     */
    public ScoringSheet reconcile(long assignmentId, Map<ScoreCell.Cell, Integer> agreed, String reason,
            long expectedSubmissionVersion) {
        Assignment a = mine(assignmentId);
        ScoringSheet sheet = sheetFor(a);
        requireEditable(sheet);
        if (!sheet.flag().canReconcile()) {
            throw new ReviewException(sheet.hasSubmitted() ? "This submission has no open disagreement to reconcile."
                    : "Submit your own scorecard before reconciling.");
        }
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        if (s.getVersion() != expectedSubmissionVersion) {
            throw new StaleScorecardException("The scores on this submission changed while you were reconciling "
                    + "(another reviewer revised or reconciled them). Reload to see the latest, then try again.");
        }
        Instant now = clock.instant();
        Reconciliation reconciliation = s.reconcile(sheet.flag().disagreements(), agreed, reason, sheet::describe,
                SystemAuthentication.currentName(), now);
        reconciliations.save(reconciliation);
        try {
            submissions.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleScorecardException("The scores on this submission changed while you were reconciling. "
                    + "Reload to see the latest, then try again.");
        }
        audit.record("submission.reconciled", ReviewWording.subject(s), "Agreed levels: " + reconciliation.getLevels().stream()
                .map(l -> "task " + (l.getTaskPosition() + 1) + "/" + l.getCriterionKey() + "=" + l.getLevel())
                .collect(Collectors.joining(", ")) + ".", reconciliation.getReason());
        versions.changedByPerson(s.getAssessmentId());
        return sheetFor(a);
    }

    /**
     * The signed-in reviewer's live review or calibration take. A live review of an assessment whose calibration
     * they have not passed is refused like one that is not theirs.
     */
    private Assignment mine(long assignmentId) {
        long me = staff.signedInAccountId();
        Assignment a = assignments.findById(assignmentId).or(() -> assignments.findTake(assignmentId))
                .filter(x -> x.getReviewerId() == me)
                .orElseThrow(() -> new ReviewException("This review doesn't exist or isn't assigned to you."));
        if (!a.isActive()) {
            throw new ReviewException("This review was taken off your queue (reassigned or a conflict of interest).");
        }
        if (!a.isTake()) {
            long assessmentId = submissions.findById(a.getSubmissionId()).orElseThrow().getAssessmentId();
            if (!calibration.status(me, assessmentId).cleared()) {
                throw new ReviewException("Score the calibration examples in your queue first: this panel opens live "
                        + "reviews once you meet its calibration rule.");
            }
        }
        return a;
    }

    /**
     * Where the signed-in reviewer stands with the calibration of each assessment whose panel they are on and that
     * has a calibration set.
     */
    @Transactional(readOnly = true)
    public List<CalibrationStatus> calibration() {
        long me = staff.signedInAccountId();
        return panels.findAll().stream().filter(p -> p.getMembers().contains(me) && !p.isClosed()
                        && p.getRules().calibrationRequired())
                .map(p -> calibration.status(me, p.getAssessmentId())).toList();
    }

    /** Starts another round of an assessment's calibration set after a failed one. */
    public CalibrationStatus retakeCalibration(long assessmentId) {
        long me = staff.signedInAccountId();
        calibration.retake(me, assessmentId);
        return calibration.status(me, assessmentId);
    }

    /** A drift check's stand-in candidate code: stable for the take, in the alphabet of real codes. */
    static String driftCode(Assignment take) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        long z = (take.getId() + 0x5DEECE66DL) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        StringBuilder code = new StringBuilder("C-");
        for (int i = 0; i < 4; i++) {
            code.append(alphabet.charAt((int) Math.floorMod(z >>> (8 * i), (long) alphabet.length())));
        }
        return code.toString();
    }

    private void checkVersion(Assignment a, long expected) {
        if (a.getVersion() != expected) {
            throw new StaleScorecardException("This scorecard was saved in another window at "
                    + (a.getLastSavedAt() == null ? "an earlier moment" : a.getLastSavedAt() + " (UTC)")
                    + " after you opened it. Nothing was overwritten: reload to see that version, then make your "
                    + "changes again.");
        }
    }

    private void flush() {
        try {
            assignments.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleScorecardException("This scorecard was saved somewhere else at the same moment. Nothing "
                    + "was overwritten: reload to see that version, then make your changes again.");
        }
    }

    /** The reviewer's open draft with the input written into it, or a new draft revision. */
    private ScorecardRevision draftOf(Assignment a, ScorecardForm form, ScorecardInput input, Instant now) {
        List<ScorecardRevision> list = revisions.findByAssignmentIdOrderByRevisionAsc(a.getId());
        ScorecardRevision last = list.isEmpty() ? null : list.getLast();
        if (last != null && !last.isSubmitted()) {
            last.write(form, input, now);
            return last;
        }
        return revisions.save(new ScorecardRevision(a.getId(), last == null ? 1 : last.getRevision() + 1, form, input,
                now));
    }

    private static void requireEditable(ScoringSheet sheet) {
        if (!sheet.editable()) {
            throw new ReviewException("This review is closed; scorecards can no longer change.");
        }
    }

    /**
     * A calibration take's sheet: the item's answers under its label (or, for a hidden drift check, a stand-in code
     * and the look of a panel review), no other reviewer and no flag; after a calibration example is submitted, the
     * grade against the key.
     */
    private ScoringSheet takeSheet(Assignment a) {
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        CalibrationItem item = calibrationItems.findById(a.getCalibrationItemId()).orElseThrow();
        AssessmentSummary target = assessments.summary(item.getAssessmentId());
        RubricView rubric = assessments.rubric(s.getAssessmentId());
        List<ScoringSheet.Revision> history = revisions.findByAssignmentIdOrderByRevisionAsc(a.getId()).stream()
                .map(ReviewService::revision).toList();
        boolean drift = a.getOrigin() == AssignmentOrigin.DRIFT;
        boolean submitted = a.getStatus() == AssignmentStatus.SUBMITTED;
        return new ScoringSheet(a.getId(), a.getVersion(), s.getId(), s.getVersion(),
                drift ? driftCode(a) : item.getLabel(), null, target.title(), target.roleName(), a.getDueAt(),
                a.getStatus(), false, drift || !submitted, rubric.criteria(), sheetTasks(s, rubric),
                history.isEmpty() ? null : history.getLast(), history, List.of(), 0,
                new ScoringSheet.Flag(false, List.of(), null, null, null, null, List.of(), false), !drift,
                drift || !submitted ? null : calibration.grade(a));
    }

    private List<ScoringSheet.SheetTask> sheetTasks(Submission s, RubricView rubric) {
        SubmittedResponse response = attempts.response(s.getAttemptId());
        List<String> allKeys = rubric.criteria().stream().map(RubricCriterion::key).toList();
        return response.tasks().stream().map(t -> {
            TaskVersionView version = tasks.version(t.taskVersionId());
            List<String> keys = version.content().criteria().stream().filter(allKeys::contains).toList();
            FlagCheck check = FlagCheck.of(version, t.answer());
            CollaborationEvidence evidence = CollaborationEvidence.of(version.content().collaboration(), t.answer(),
                    t.transcript(), embedder);
            return new ScoringSheet.SheetTask(t.position(), version, t.answer(), t.answered(), t.signals(), check,
                    keys.isEmpty() ? allKeys : keys, t.transcript(), evidence);
        }).toList();
    }

    private ScoringSheet sheetFor(Assignment a) {
        if (a.isTake()) {
            return takeSheet(a);
        }
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        ReviewPanel panel = panels.findById(s.getAssessmentId()).orElse(null);
        boolean closed = panel != null && panel.isClosed();
        AssessmentSummary assessment = assessments.summary(s.getAssessmentId());
        RubricView rubric = assessments.rubric(s.getAssessmentId());
        List<ScoringSheet.SheetTask> sheetTasks = sheetTasks(s, rubric);
        List<ScoringSheet.Revision> history = revisions.findByAssignmentIdOrderByRevisionAsc(a.getId()).stream()
                .map(ReviewService::revision).toList();
        boolean iSubmitted = history.stream().anyMatch(ScoringSheet.Revision::submitted);
        List<Assignment> active = assignments.findBySubmissionId(s.getId()).stream().filter(Assignment::isActive)
                .toList();
        Map<Assignment, ScorecardRevision> latest = agreement.latestSubmitted(active);
        List<ScoringSheet.Peer> peers = new ArrayList<>();
        int pending = 0;
        if (iSubmitted) {
            Map<Long, String> names = directory.accounts(active.stream().map(Assignment::getReviewerId)
                    .toList()).stream().collect(Collectors.toMap(StaffMember::id, StaffMember::fullName));
            for (Assignment other : active) {
                if (other.getId().equals(a.getId())) {
                    continue;
                }
                ScorecardRevision r = latest.get(other);
                if (r == null) {
                    pending++;
                } else {
                    peers.add(new ScoringSheet.Peer(names.getOrDefault(other.getReviewerId(), "Another reviewer"),
                            revision(r)));
                }
            }
        }
        List<Disagreement> disagreements = iSubmitted ? agreement.disagreements(latest) : List.of();
        List<ScoreCell> reconciled = iSubmitted ? reconciliations.findBySubmissionIdOrderByIdAsc(s.getId()).stream()
                .flatMap(r -> r.getLevels().stream())
                .map(l -> new ScoreCell(l.getTaskPosition(), l.getCriterionKey(), l.getLevel(), ""))
                .toList() : List.of();
        // Before their own submission a reviewer learns nothing about the others' scores, not even a flag.
        ScoringSheet.Flag flag = iSubmitted
                ? new ScoringSheet.Flag(s.isFlagged(), disagreements, s.getResolution(), s.getResolvedBy(),
                        s.getResolvedAt(), s.getResolutionReason(), reconciled,
                        !closed && s.isOpenFlag() && !disagreements.isEmpty())
                : new ScoringSheet.Flag(false, List.of(), null, null, null, null, List.of(), false);
        ScoringSheet.Identity revealed = null;
        if (closed) {
            InvitationView who = invitations.identity(s.getInvitationId());
            revealed = new ScoringSheet.Identity(who.name(), who.email());
        }
        return new ScoringSheet(a.getId(), a.getVersion(), s.getId(), s.getVersion(), s.getCandidateCode(), revealed,
                assessment.title(), assessment.roleName(), a.getDueAt(), a.getStatus(), closed, !closed,
                rubric.criteria(), sheetTasks, history.isEmpty() ? null : history.getLast(), history, peers, pending,
                flag, false, null);
    }

    private static ScoringSheet.Revision revision(ScorecardRevision r) {
        return new ScoringSheet.Revision(r.getRevision(), r.isSubmitted(), r.cells(), r.getOverallComment(),
                r.getReason(), r.getSavedAt(), r.getSubmittedAt());
    }
}
