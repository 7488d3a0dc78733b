package dev.assay.review;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.audit.AuditEntry;
import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.staff.StaffMember;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

class ReviewServiceIT extends DatabaseTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private static ScorecardInput card(ScoringSheet sheet, int level, String comment) {
        List<ScoreCell> cells = new ArrayList<>();
        for (ScoringSheet.SheetTask t : sheet.tasks()) {
            for (String key : t.criterionKeys()) {
                cells.add(new ScoreCell(t.position(), key, level, level == 1 || level == 5 ? "Clear evidence." : ""));
            }
        }
        return new ScorecardInput(cells, comment);
    }

    private long assignmentOf(StaffMember reviewer, String code) {
        return as(reviewer, () -> reviews.queue()).stream()
                .filter(i -> i.candidateCode().equals(code)).findFirst().orElseThrow().assignmentId();
    }

    private List<String> auditActions(String subject) {
        return SystemAuthentication.callAs("ADMIN", () -> audit.search(new AuditFilter(null, null, subject, null, null),
                0, 200)).stream().map(AuditEntry::action).toList();
    }

    private Map<Long, List<ReviewBoard.Review>> activeReviews(long assessmentId) {
        return recruiter(() -> panels.board(assessmentId)).submissions().stream().collect(Collectors.toMap(
                ReviewBoard.Row::submissionId, r -> r.reviews().stream()
                        .filter(v -> v.status() != AssignmentStatus.WITHDRAWN).toList()));
    }

    @Test
    void submissionsAreAssignedOnSubmitBalancedWithoutDuplicatesAndRespectingConflicts() {
        AssessmentView a = fixtures.assessment();
        List<StaffMember> panel = List.of(fixtures.reviewer("Rev A"), fixtures.reviewer("Rev B"),
                fixtures.reviewer("Rev C"));
        Set<Long> ids = panel.stream().map(StaffMember::id).collect(Collectors.toSet());
        // One submission before the panel exists: it waits, unassigned, and is picked up when the panel is saved.
        ReviewFixtures.Submitted early = fixtures.submit(a, "Early Bird");
        assertThat(recruiter(() -> panels.board(a.id())).submissions()).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(ReviewState.UNASSIGNED));
        int assigned = recruiter(() -> panels.savePanel(a.id(), ids, 2, 0, 5, -1));
        assertThat(assigned).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            fixtures.submit(a, "Candidate " + i);
        }
        Map<Long, List<ReviewBoard.Review>> bySubmission = activeReviews(a.id());
        assertThat(bySubmission).hasSize(6);
        bySubmission.values().forEach(list -> {
            assertThat(list).hasSize(2);
            assertThat(list.stream().map(ReviewBoard.Review::reviewerId).distinct()).hasSize(2);
        });
        Map<Long, Long> load = bySubmission.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(ReviewBoard.Review::reviewerId, Collectors.counting()));
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isEqualTo(4L));

        // A conflict withdraws that reviewer's review and gives it to the one remaining eligible reviewer.
        long earlyId = recruiter(() -> panels.board(a.id())).submissions().stream()
                .filter(r -> r.candidateCode().equals(early.code())).findFirst().orElseThrow().submissionId();
        long conflicted = bySubmission.get(earlyId).getFirst().reviewerId();
        recruiter(() -> {
            panels.declareConflict(earlyId, conflicted, "Former colleague");
            return null;
        });
        List<ReviewBoard.Review> after = activeReviews(a.id()).get(earlyId);
        assertThat(after).hasSize(2).noneMatch(r -> r.reviewerId() == conflicted);
        // The conflicted reviewer can neither be added back nor reach the withdrawn review.
        assertThatThrownBy(() -> recruiter(() -> {
            panels.addReviewer(earlyId, conflicted);
            return null;
        })).isInstanceOf(ReviewException.class);
        StaffMember conflictedReviewer = panel.stream().filter(m -> m.id() == conflicted).findFirst().orElseThrow();
        assertThat(as(conflictedReviewer, () -> reviews.queue())).noneMatch(i -> i.candidateCode().equals(early.code()));
    }

    @Test
    void linkingSetGoesToTheWholePanelAndShortfallIsReported() {
        AssessmentView a = fixtures.assessment();
        Set<Long> ids = Set.of(fixtures.reviewer("L1").id(), fixtures.reviewer("L2").id(), fixtures.reviewer("L3").id());
        recruiter(() -> panels.savePanel(a.id(), ids, 2, 1, 5, -1));
        fixtures.submit(a, "Linked One");
        fixtures.submit(a, "Normal Two");
        ReviewBoard board = recruiter(() -> panels.board(a.id()));
        assertThat(board.submissions().get(0).linking()).isTrue();
        assertThat(board.submissions().get(0).activeReviews()).isEqualTo(3);
        assertThat(board.submissions().get(1).linking()).isFalse();
        assertThat(board.submissions().get(1).activeReviews()).isEqualTo(2);
        // Two reviews per submission cannot come from a one-reviewer panel.
        assertThatThrownBy(() -> recruiter(() -> panels.savePanel(a.id(), Set.of(ids.iterator().next()), 2, 0, 5,
                board.panel().version()))).isInstanceOf(ReviewException.class).hasMessageContaining("Add reviewers");
    }

    @Test
    void reviewersSeeOnlyTheirOwnReviewsAndOthersScoresOnlyAfterSubmitting() {
        AssessmentView a = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Indie One");
        StaffMember r2 = fixtures.reviewer("Indie Two");
        StaffMember outsider = fixtures.reviewer("Not On Panel");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id(), r2.id()), 2, 0, 5, -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Blind Candidate");
        long mine = assignmentOf(r1, s.code());
        long theirs = assignmentOf(r2, s.code());

        assertThatThrownBy(() -> as(outsider, () -> reviews.sheet(mine))).isInstanceOf(ReviewException.class);
        assertThatThrownBy(() -> as(r1, () -> reviews.sheet(theirs))).isInstanceOf(ReviewException.class);
        // Recruiter-only and reviewer-only doors stay shut the other way round.
        assertThatThrownBy(() -> as(r1, () -> panels.board(a.id()))).isInstanceOf(AccessDeniedException.class);

        ScoringSheet first = as(r1, () -> reviews.sheet(mine));
        assertThat(first.candidateCode()).isEqualTo(s.code());
        assertThat(first.revealed()).isNull();
        ScoringSheet.SheetTask critique = first.tasks().stream().filter(t -> t.flagCheck() != null).findFirst().orElseThrow();
        assertThat(critique.flagCheck().found()).isEqualTo(1);
        assertThat(critique.flagCheck().missed()).isEqualTo(1);
        assertThat(critique.flagCheck().falseAlarms()).extracting(f -> f.segment()).containsExactly(3);

        ScoringSheet submitted2 = as(r2, () -> {
            ScoringSheet sheet = reviews.sheet(theirs);
            return reviews.submit(theirs, card(sheet, 3, "Solid, a few gaps."), sheet.version(), null);
        });
        assertThat(submitted2.peers()).isEmpty();
        assertThat(submitted2.pendingPeers()).isEqualTo(1);
        // r1 has not submitted: nothing of r2's scorecard reaches them.
        ScoringSheet before = as(r1, () -> reviews.sheet(mine));
        assertThat(before.peers()).isEmpty();
        assertThat(before.flag().disagreements()).isEmpty();

        ScoringSheet afterSubmit = as(r1, () -> reviews.submit(mine, card(before, 3, "Agree."), before.version(), null));
        assertThat(afterSubmit.peers()).singleElement().satisfies(p -> {
            assertThat(p.reviewerName()).isEqualTo("Indie Two");
            assertThat(p.revision().overallComment()).isEqualTo("Solid, a few gaps.");
        });
        assertThat(recruiter(() -> panels.board(a.id())).submissions().getFirst().state()).isEqualTo(ReviewState.COMPLETE);

        // Closing the review reveals the identity to the panel, and is audited.
        recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });
        ScoringSheet revealed = as(r1, () -> reviews.sheet(mine));
        assertThat(revealed.revealed()).isEqualTo(new ScoringSheet.Identity(s.name(), s.email()));
        assertThat(revealed.editable()).isFalse();
        assertThatThrownBy(() -> as(r1, () -> reviews.saveDraft(mine, card(revealed, 2, "Late."), revealed.version())))
                .isInstanceOf(ReviewException.class).hasMessageContaining("closed");
        assertThat(auditActions("assessment " + a.id())).contains("panel.updated", "review.closed", "identity.revealed");
    }

    @Test
    void submittingNeedsEveryLevelJustifiedExtremesAndAComment() {
        AssessmentView a = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Strict One");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Rules Candidate");
        long id = assignmentOf(r1, s.code());
        ScoringSheet sheet = as(r1, () -> reviews.sheet(id));
        ScoringSheet.SheetTask firstTask = sheet.tasks().getFirst();
        ScorecardInput partial = new ScorecardInput(List.of(new ScoreCell(firstTask.position(),
                firstTask.criterionKeys().getFirst(), 5, "")), "");
        // A draft may be incomplete...
        ScoringSheet draft = as(r1, () -> reviews.saveDraft(id, partial, sheet.version()));
        assertThat(draft.status()).isEqualTo(AssignmentStatus.DRAFT);
        assertThat(draft.current().scores()).hasSize(1);
        // ...a submission may not.
        assertThatThrownBy(() -> as(r1, () -> reviews.submit(id, partial, draft.version(), null)))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("Choose a level for")
                .hasMessageContaining("Levels 1 and 5 need a justification")
                .hasMessageContaining("Write an overall comment");
        assertThatThrownBy(() -> as(r1, () -> reviews.saveDraft(id, new ScorecardInput(List.of(
                new ScoreCell(0, "no-such-criterion", 3, "")), ""), draft.version())))
                .isInstanceOf(ReviewException.class).hasMessageContaining("no criterion");
    }

    @Test
    void changesAfterSubmissionAreRevisionsWithReasonsAndStaleSavesAreRefused() {
        AssessmentView a = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Reviser");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id()), 1, 0, 5, -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Revision Candidate");
        long id = assignmentOf(r1, s.code());
        ScoringSheet opened = as(r1, () -> reviews.sheet(id));
        ScoringSheet v1 = as(r1, () -> reviews.submit(id, card(opened, 3, "First view."), opened.version(), null));

        // Two windows open on the same scorecard: the second save must not overwrite the first.
        long staleVersion = v1.version();
        ScoringSheet saved = as(r1, () -> reviews.saveDraft(id, card(v1, 4, "Second view."), staleVersion));
        assertThatThrownBy(() -> as(r1, () -> reviews.saveDraft(id, card(v1, 2, "Other window."), staleVersion)))
                .isInstanceOf(StaleScorecardException.class).hasMessageContaining("Nothing was overwritten");
        assertThat(as(r1, () -> reviews.sheet(id)).current().overallComment()).isEqualTo("Second view.");

        assertThatThrownBy(() -> as(r1, () -> reviews.submit(id, card(saved, 4, "Second view."), saved.version(), " ")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Say why");
        ScoringSheet v2 = as(r1, () -> reviews.submit(id, card(saved, 4, "Second view."), saved.version(),
                "Re-read the automation plan."));
        assertThat(v2.history()).hasSize(2);
        assertThat(v2.history().get(0).submitted()).isTrue();
        assertThat(v2.history().get(0).scores()).allSatisfy(c -> assertThat(c.level()).isEqualTo(3));
        assertThat(v2.history().get(1).reason()).isEqualTo("Re-read the automation plan.");
        assertThat(v2.current().scores()).allSatisfy(c -> assertThat(c.level()).isEqualTo(4));

        List<AuditEntry> entries = SystemAuthentication.callAs("ADMIN", () -> audit.search(
                new AuditFilter(null, null, "submission " + s.code(), null, null), 0, 50));
        assertThat(entries).extracting(AuditEntry::action).contains("submission.received", "assignment.created",
                "scorecard.submitted", "scorecard.draft_saved", "scorecard.revised");
        assertThat(entries).filteredOn(e -> e.action().equals("scorecard.revised")).singleElement()
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("Re-read the automation plan.");
                    assertThat(e.details()).contains("3 → 4");
                    assertThat(e.actor()).isEqualTo(r1.email());
                });
    }

    @Test
    void disagreementIsFlaggedAndReconciledAndTheAuditChainCatchesTampering() {
        AssessmentView a = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Harsh");
        StaffMember r2 = fixtures.reviewer("Lenient");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id(), r2.id()), 2, 0, 5, -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Split Candidate");
        long id1 = assignmentOf(r1, s.code());
        long id2 = assignmentOf(r2, s.code());
        fixtures.scoreAll(r1, id1, 2, "Weak.");
        ScoringSheet lenient = fixtures.scoreAll(r2, id2, 4, "Strong.");
        assertThat(lenient.flag().flagged()).isTrue();
        assertThat(lenient.flag().canReconcile()).isTrue();
        assertThat(lenient.flag().disagreements()).hasSize(3).allSatisfy(d -> assertThat(d.spread()).isEqualTo(2));
        ReviewBoard.Row row = recruiter(() -> panels.board(a.id())).submissions().getFirst();
        assertThat(row.state()).isEqualTo(ReviewState.FLAGGED);
        assertThat(row.flagDetail()).contains("Task 1 · Workflow thinking (")
                .contains(r1.fullName() + " 2").contains(r2.fullName() + " 4");

        Map<ScoreCell.Cell, Integer> agreed = new HashMap<>();
        lenient.flag().disagreements().forEach(d -> agreed.put(d.cell(), 3));
        assertThatThrownBy(() -> as(r2, () -> reviews.reconcile(id2, agreed, "", lenient.submissionVersion())))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Explain");
        assertThatThrownBy(() -> as(r2, () -> reviews.reconcile(id2, agreed, "Agreed on 3.",
                lenient.submissionVersion() - 1))).isInstanceOf(StaleScorecardException.class);
        ScoringSheet reconciled = as(r2, () -> reviews.reconcile(id2, agreed, "Discussed: evidence fits level 3.",
                lenient.submissionVersion()));
        assertThat(reconciled.flag().resolution()).isEqualTo(Resolution.RECONCILED);
        assertThat(reconciled.flag().reconciled()).hasSize(3).allSatisfy(c -> assertThat(c.level()).isEqualTo(3));
        ReviewBoard.Row done = recruiter(() -> panels.board(a.id())).submissions().getFirst();
        assertThat(done.state()).isEqualTo(ReviewState.COMPLETE);
        assertThat(done.resolution()).isEqualTo(Resolution.RECONCILED);
        assertThat(done.resolutionReason()).isEqualTo("Discussed: evidence fits level 3.");

        List<AuditEntry> trail = SystemAuthentication.callAs("ADMIN", () -> audit.search(
                new AuditFilter(null, null, "submission " + s.code(), null, null), 0, 50));
        assertThat(trail).extracting(AuditEntry::action).contains("submission.flagged", "submission.reconciled");
        assertThat(SystemAuthentication.callAs("ADMIN", () -> audit.verify()).intact()).isTrue();

        // Quietly changing a reconciled score in the log breaks the chain at that entry.
        AuditEntry entry = trail.stream().filter(e -> e.action().equals("submission.reconciled")).findFirst().orElseThrow();
        String original = entry.details();
        jdbc.sql("update audit_entry set details = :d where id = :id").param("d", original.replace("=3", "=5"))
                .param("id", entry.id()).update();
        try {
            var check = SystemAuthentication.callAs("ADMIN", () -> audit.verify());
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenId()).isEqualTo(entry.id());
        } finally {
            jdbc.sql("update audit_entry set details = :d where id = :id").param("d", original).param("id", entry.id())
                    .update();
        }
        assertThat(SystemAuthentication.callAs("ADMIN", () -> audit.verify()).intact()).isTrue();
    }

    @Test
    void aRecruiterCanReassignAnUnfinishedReviewAndSettleADisagreementWithAnExtraReviewer() {
        AssessmentView a = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Low");
        StaffMember r2 = fixtures.reviewer("High");
        StaffMember r3 = fixtures.reviewer("Third");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id(), r2.id()), 2, 0, 5, -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Extra Candidate");
        long submissionId = recruiter(() -> panels.board(a.id())).submissions().getFirst().submissionId();

        // r2 has not started: the recruiter moves that review to r3 (a reviewer outside the panel's rotation).
        long r2Assignment = assignmentOf(r2, s.code());
        recruiter(() -> {
            panels.reassign(r2Assignment, r3.id());
            return null;
        });
        assertThat(as(r2, () -> reviews.queue())).noneMatch(i -> i.candidateCode().equals(s.code()));
        assertThatThrownBy(() -> as(r2, () -> reviews.sheet(r2Assignment))).isInstanceOf(ReviewException.class);
        long r3Assignment = assignmentOf(r3, s.code());
        assertThat(as(r3, () -> reviews.queue())).filteredOn(i -> i.assignmentId() == r3Assignment).singleElement()
                .satisfies(i -> assertThat(i.origin()).isEqualTo(AssignmentOrigin.MANUAL));

        long r1Assignment = assignmentOf(r1, s.code());
        fixtures.scoreAll(r1, r1Assignment, 1, "Little evidence.");
        fixtures.scoreAll(r3, r3Assignment, 4, "Good.");
        assertThat(recruiter(() -> panels.board(a.id())).submissions().getFirst().state()).isEqualTo(ReviewState.FLAGGED);
        // A submitted review cannot be moved; an extra reviewer can be added, and once in, the flag is settled.
        assertThatThrownBy(() -> recruiter(() -> {
            panels.reassign(r1Assignment, r2.id());
            return null;
        })).isInstanceOf(ReviewException.class).hasMessageContaining("already submitted");
        recruiter(() -> {
            panels.addReviewer(submissionId, r2.id());
            return null;
        });
        assertThat(recruiter(() -> panels.board(a.id())).submissions().getFirst().state())
                .isEqualTo(ReviewState.IN_PROGRESS);
        long extra = as(r2, () -> reviews.queue()).stream().filter(i -> i.candidateCode().equals(s.code())
                && i.origin() == AssignmentOrigin.EXTRA).findFirst().orElseThrow().assignmentId();
        fixtures.scoreAll(r2, extra, 3, "In between.");
        ReviewBoard.Row row = recruiter(() -> panels.board(a.id())).submissions().getFirst();
        assertThat(row.state()).isEqualTo(ReviewState.COMPLETE);
        assertThat(row.resolution()).isEqualTo(Resolution.EXTRA_REVIEW);
        assertThat(row.submittedReviews()).isEqualTo(3);
        assertThat(auditActions("submission " + s.code())).contains("assignment.withdrawn", "submission.resolved");
    }
}
