package dev.assay.review;

import dev.assay.attempt.AttemptService;
import dev.assay.attempt.SubmittedResponse;
import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.InvitationService;
import dev.assay.invitation.InvitationView;
import dev.assay.review.internal.Assignment;
import dev.assay.review.internal.AssignmentPlanner;
import dev.assay.review.internal.AssignmentRepository;
import dev.assay.review.internal.Reconciliation;
import dev.assay.review.internal.ReconciliationRepository;
import dev.assay.review.internal.ReviewEngine;
import dev.assay.review.internal.ReviewPanel;
import dev.assay.review.internal.ReviewPanelRepository;
import dev.assay.review.internal.ScorecardRevision;
import dev.assay.review.internal.ScorecardRevisionRepository;
import dev.assay.review.internal.Submission;
import dev.assay.review.internal.SubmissionRepository;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffService;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.RubricView;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskVersionView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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

    public static final int MAX_TEXT = 20_000;

    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final ScorecardRevisionRepository revisions;
    private final ReconciliationRepository reconciliations;
    private final ReviewPanelRepository panels;
    private final ReviewEngine engine;
    private final StaffService staff;
    private final AttemptService attempts;
    private final AssessmentService assessments;
    private final TaskBankService tasks;
    private final InvitationService invitations;
    private final AuditLog audit;
    private final Clock clock;

    ReviewService(AssignmentRepository assignments, SubmissionRepository submissions,
            ScorecardRevisionRepository revisions, ReconciliationRepository reconciliations,
            ReviewPanelRepository panels, ReviewEngine engine, StaffService staff, AttemptService attempts,
            AssessmentService assessments, TaskBankService tasks, InvitationService invitations, AuditLog audit,
            Clock clock) {
        this.assignments = assignments;
        this.submissions = submissions;
        this.revisions = revisions;
        this.reconciliations = reconciliations;
        this.panels = panels;
        this.engine = engine;
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
        Map<Long, AssessmentView> byAssessment = new HashMap<>();
        Map<Long, ReviewPanel> panelOf = new HashMap<>();
        Instant now = clock.instant();
        Map<Long, QueueItem> items = new HashMap<>();
        for (Assignment a : mine) {
            Submission s = subs.get(a.getSubmissionId());
            AssessmentView assessment = byAssessment.computeIfAbsent(s.getAssessmentId(),
                    id -> system(() -> assessments.get(id)));
            boolean closed = panelOf.computeIfAbsent(s.getAssessmentId(), id -> panels.findById(id).orElse(null)) != null
                    && panelOf.get(s.getAssessmentId()).isClosed();
            String name = closed ? system(() -> invitations.identity(s.getInvitationId())).name() : null;
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
        List<String> problems = shape(sheet, input);
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        Instant now = clock.instant();
        ScorecardRevision draft = draftOf(a, input, now);
        a.draftSaved(now);
        flush();
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        audit.record("scorecard.draft_saved", ReviewEngine.subject(s), "Revision " + draft.getRevision()
                + " draft: " + ReviewEngine.levels(input.scores(), sheet::describe) + ".", null);
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
        List<String> problems = new ArrayList<>(shape(sheet, input));
        problems.addAll(ScorecardGaps.of(sheet, input, reason).messages(sheet));
        ScoringSheet.Revision previous = sheet.lastSubmitted();
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 2_000) {
            problems.add("Keep the reason under 2,000 characters.");
        }
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        Instant now = clock.instant();
        ScorecardRevision revision = draftOf(a, input, now);
        revision.submit(previous == null ? null : why, now);
        a.submitted(now);
        flush();
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        if (previous == null) {
            audit.record("scorecard.submitted", ReviewEngine.subject(s), "Revision " + revision.getRevision() + ": "
                    + ReviewEngine.levels(input.scores(), sheet::describe) + ".", null);
        } else {
            audit.record("scorecard.revised", ReviewEngine.subject(s), "Revision " + revision.getRevision()
                    + " replaces revision " + previous.number() + ": "
                    + ReviewEngine.changes(previous.scores(), input.scores(), sheet::describe), why);
        }
        engine.refreshFlag(s);
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
        List<String> problems = new ArrayList<>();
        List<Reconciliation.Agreed> levels = new ArrayList<>();
        for (Disagreement d : sheet.flag().disagreements()) {
            Integer level = agreed == null ? null : agreed.get(d.cell());
            if (level == null || level < 1 || level > RubricCriterion.LEVELS) {
                problems.add("Choose the agreed level for " + sheet.describe(d.cell()) + ".");
            } else {
                levels.add(new Reconciliation.Agreed(d.cell().taskPosition(), d.cell().criterionKey(), level));
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add("Explain how you reached the reconciled score.");
        } else if (why.length() > 2_000) {
            problems.add("Keep the reason under 2,000 characters.");
        }
        if (!problems.isEmpty()) {
            throw new ReviewException(String.join(" ", problems));
        }
        Instant now = clock.instant();
        reconciliations.save(new Reconciliation(s.getId(), SystemAuthentication.currentName(), now, why, levels));
        s.resolve(Resolution.RECONCILED, SystemAuthentication.currentName(), why, now);
        try {
            submissions.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleScorecardException("The scores on this submission changed while you were reconciling. "
                    + "Reload to see the latest, then try again.");
        }
        audit.record("submission.reconciled", ReviewEngine.subject(s), "Agreed levels: " + levels.stream()
                .map(l -> "task " + (l.getTaskPosition() + 1) + "/" + l.getCriterionKey() + "=" + l.getLevel())
                .collect(Collectors.joining(", ")) + ".", why);
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

    private ScorecardRevision draftOf(Assignment a, ScorecardInput input, Instant now) {
        List<ScorecardRevision> list = revisions.findByAssignmentIdOrderByRevisionAsc(a.getId());
        ScorecardRevision last = list.isEmpty() ? null : list.getLast();
        if (last != null && !last.isSubmitted()) {
            last.write(input, now);
            return last;
        }
        return revisions.save(new ScorecardRevision(a.getId(), last == null ? 1 : last.getRevision() + 1, input, now));
    }

    private static void requireEditable(ScoringSheet sheet) {
        if (!sheet.editable()) {
            throw new ReviewException("This review is closed; scorecards can no longer change.");
        }
    }

    /** Problems with what was entered at all: unknown cells, levels outside 1–5, text too long. */
    static List<String> shape(ScoringSheet sheet, ScorecardInput input) {
        List<String> problems = new ArrayList<>();
        Set<ScoreCell.Cell> seen = new LinkedHashSet<>();
        for (ScoreCell c : input.scores()) {
            ScoringSheet.SheetTask task = sheet.task(c.taskPosition());
            if (task == null || !task.criterionKeys().contains(c.criterionKey())) {
                problems.add("This scorecard has no criterion '" + c.criterionKey() + "' on task "
                        + (c.taskPosition() + 1) + ".");
            } else if (c.level() < 0 || c.level() > RubricCriterion.LEVELS) {
                problems.add("Levels run from 1 to 5 (" + sheet.describe(c.cell()) + ").");
            } else if (!seen.add(c.cell())) {
                problems.add(sheet.describe(c.cell()) + " is scored twice.");
            }
            if (c.justification().length() > MAX_TEXT) {
                problems.add(String.format("The justification for %s is longer than %,d characters.",
                        sheet.describe(c.cell()), MAX_TEXT));
            }
        }
        if (input.overallComment().length() > MAX_TEXT) {
            problems.add(String.format("The overall comment is longer than %,d characters.", MAX_TEXT));
        }
        return problems;
    }

    private ScoringSheet sheetFor(Assignment a) {
        Submission s = submissions.findById(a.getSubmissionId()).orElseThrow();
        ReviewPanel panel = panels.findById(s.getAssessmentId()).orElse(null);
        boolean closed = panel != null && panel.isClosed();
        AssessmentView assessment = system(() -> assessments.get(s.getAssessmentId()));
        RubricView rubric = system(() -> assessments.rubric(s.getAssessmentId()));
        SubmittedResponse response = system(() -> attempts.response(s.getAttemptId()));
        List<String> allKeys = rubric.criteria().stream().map(RubricCriterion::key).toList();
        List<ScoringSheet.SheetTask> sheetTasks = response.tasks().stream().map(t -> {
            TaskVersionView version = system(() -> tasks.version(t.taskVersionId()));
            List<String> keys = version.content().criteria().stream().filter(allKeys::contains).toList();
            FlagCheck check = version.kind() == TaskKind.AI_OUTPUT_CRITIQUE && version.content().critique() != null
                    ? FlagCheck.of(version.content().critique(), t.answer().critique() == null ? List.of()
                            : t.answer().critique().flags())
                    : null;
            return new ScoringSheet.SheetTask(t.position(), version, t.answer(), t.answered(), t.signals(), check,
                    keys.isEmpty() ? allKeys : keys);
        }).toList();
        List<ScoringSheet.Revision> history = revisions.findByAssignmentIdOrderByRevisionAsc(a.getId()).stream()
                .map(ReviewService::revision).toList();
        boolean iSubmitted = history.stream().anyMatch(ScoringSheet.Revision::submitted);
        List<Assignment> active = assignments.findBySubmissionId(s.getId()).stream().filter(Assignment::isActive)
                .toList();
        Map<Assignment, ScorecardRevision> latest = engine.latestSubmitted(active);
        List<ScoringSheet.Peer> peers = new ArrayList<>();
        int pending = 0;
        if (iSubmitted) {
            Map<Long, String> names = system(() -> staff.accounts(active.stream().map(Assignment::getReviewerId)
                    .toList())).stream().collect(Collectors.toMap(StaffMember::id, StaffMember::fullName));
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
        List<Disagreement> disagreements = iSubmitted ? engine.disagreements(latest) : List.of();
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
            InvitationView who = system(() -> invitations.identity(s.getInvitationId()));
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

    private static <T> T system(Supplier<T> work) {
        return SystemAuthentication.callAs("SYSTEM", work);
    }
}
