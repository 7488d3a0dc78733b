package dev.assay.review;

import dev.assay.assistant.TextEmbedder;
import dev.assay.attempt.SubmittedResponse;
import dev.assay.audit.port.AuditTrail;
import dev.assay.base.SystemAuthentication;
import dev.assay.attempt.port.SubmittedWork;
import dev.assay.invitation.port.CandidateRecords;
import dev.assay.staff.port.StaffDirectory;
import dev.assay.taskbank.port.AssessmentCatalog;
import dev.assay.taskbank.port.TaskVersions;
import dev.assay.invitation.InvitationView;
import dev.assay.review.internal.Assignment;
import dev.assay.review.internal.AssignmentPlanner;
import dev.assay.review.internal.AssignmentRepository;
import dev.assay.review.internal.Reconciliation;
import dev.assay.review.internal.ReconciliationRepository;
import dev.assay.review.internal.ReviewWording;
import dev.assay.review.internal.ScoreAgreement;
import dev.assay.review.internal.ScoresVersions;
import dev.assay.review.internal.ReviewPanel;
import dev.assay.review.internal.ReviewPanelRepository;
import dev.assay.review.internal.ScorecardForm;
import dev.assay.review.internal.ScorecardRevision;
import dev.assay.review.internal.ScorecardRevisionRepository;
import dev.assay.review.internal.Submission;
import dev.assay.review.internal.SubmissionRepository;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffService;
import dev.assay.taskbank.AssessmentSummary;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.RubricView;
import dev.assay.taskbank.TaskVersionView;
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

    ReviewService(AssignmentRepository assignments, SubmissionRepository submissions,
            ScorecardRevisionRepository revisions, ReconciliationRepository reconciliations,
            ReviewPanelRepository panels, ScoreAgreement agreement, StaffService staff, StaffDirectory directory,
            SubmittedWork attempts, AssessmentCatalog assessments, TaskVersions tasks, CandidateRecords invitations,
            AuditTrail audit, ScoresVersions versions, Clock clock, TextEmbedder embedder) {
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
        for (Assignment a : mine) {
            Submission s = subs.get(a.getSubmissionId());
            AssessmentSummary assessment = byAssessment.computeIfAbsent(s.getAssessmentId(),
                    id -> assessments.summary(id));
            boolean closed = panelOf.computeIfAbsent(s.getAssessmentId(), id -> panels.findById(id).orElse(null)) != null
                    && panelOf.get(s.getAssessmentId()).isClosed();
            String name = closed ? invitations.identity(s.getInvitationId()).name() : null;
            items.put(a.getId(), new QueueItem(a.getId(), s.getCandidateCode(), name, assessment.title(),
                    assessment.roleName(), assessment.taskCount(), a.getAssignedAt(), a.getDueAt(), a.getStatus(),
                    a.getOrigin(), a.isOverdue(now), s.isOpenFlag(), closed));
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
        audit.record("scorecard.draft_saved", ReviewWording.subject(s), "Revision " + draft.getRevision()
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
            audit.record("scorecard.submitted", ReviewWording.subject(s), "Revision " + revision.getRevision() + ": "
                    + ReviewWording.levels(input.scores(), sheet::describe) + ".", null);
        } else {
            audit.record("scorecard.revised", ReviewWording.subject(s), "Revision " + revision.getRevision()
                    + " replaces revision " + previous.number() + ": "
                    + ReviewWording.changes(previous.scores(), input.scores(), sheet::describe), revision.getReason());
        }
        agreement.refreshFlag(s);
        versions.changedByPerson(s.getAssessmentId());
        return sheetFor(a);
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

    private Assignment mine(long assignmentId) {
        long me = staff.signedInAccountId();
        Assignment a = assignments.findById(assignmentId).filter(x -> x.getReviewerId() == me)
                .orElseThrow(() -> new ReviewException("This review doesn't exist or isn't assigned to you."));
        if (!a.isActive()) {
            throw new ReviewException("This review was taken off your queue (reassigned or a conflict of interest).");
        }
        return a;
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

    private ScoringSheet sheetFor(Assignment a) {
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        ReviewPanel panel = panels.findById(s.getAssessmentId()).orElse(null);
        boolean closed = panel != null && panel.isClosed();
        AssessmentSummary assessment = assessments.summary(s.getAssessmentId());
        RubricView rubric = assessments.rubric(s.getAssessmentId());
        SubmittedResponse response = attempts.response(s.getAttemptId());
        List<String> allKeys = rubric.criteria().stream().map(RubricCriterion::key).toList();
        List<ScoringSheet.SheetTask> sheetTasks = response.tasks().stream().map(t -> {
            TaskVersionView version = tasks.version(t.taskVersionId());
            List<String> keys = version.content().criteria().stream().filter(allKeys::contains).toList();
            FlagCheck check = FlagCheck.of(version, t.answer());
            CollaborationEvidence evidence = CollaborationEvidence.of(version.content().collaboration(), t.answer(),
                    t.transcript(), embedder);
            return new ScoringSheet.SheetTask(t.position(), version, t.answer(), t.answered(), t.signals(), check,
                    keys.isEmpty() ? allKeys : keys, t.transcript(), evidence);
        }).toList();
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
                flag);
    }

    private static ScoringSheet.Revision revision(ScorecardRevision r) {
        return new ScoringSheet.Revision(r.getRevision(), r.isSubmitted(), r.cells(), r.getOverallComment(),
                r.getReason(), r.getSavedAt(), r.getSubmittedAt());
    }
}
