package dev.assay.review.internal;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.audit.AuditEntry;
import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
import dev.assay.base.SystemAuthentication;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankingService;
import dev.assay.review.AssignmentOrigin;
import dev.assay.review.AssignmentStatus;
import dev.assay.review.CalibrationService;
import dev.assay.review.CalibrationStatus;
import dev.assay.review.PanelRules;
import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.Resolution;
import dev.assay.review.ReviewBoard;
import dev.assay.review.ReviewException;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScorecardInput;
import dev.assay.review.ScoringSheet;
import dev.assay.review.port.ScoredWork;
import dev.assay.staff.StaffMember;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSpec;
import dev.assay.taskbank.AssessmentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Calibration on the real database: a calibration set built from an earlier reviewed round, the gate (a new
 * reviewer sees no live work, fails a round, reads the key, passes the next and only then gets live reviews),
 * hidden drift checks that look like live reviews, escalation of a disagreement, and the rule that no calibration
 * scorecard ever reaches a candidate's scores, the review board or the ranking.
 */
class CalibrationIT extends DatabaseTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    CalibrationService calibration;

    @Autowired
    Calibration internals;

    @Autowired
    AssessmentService assessments;

    @Autowired
    RankingService rankings;

    @Autowired
    ScoredWork scored;

    @Autowired
    AuditLog audit;

    /** An earlier round of a role: two submissions, each scored by two reviewers at the given level. */
    private record Earlier(AssessmentView assessment, ReviewFixtures.Submitted strong, ReviewFixtures.Submitted weak) {
    }

    private Earlier earlierRound() {
        AssessmentView a = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Earlier One");
        StaffMember r2 = fixtures.reviewer("Earlier Two");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id(), r2.id()), 2, 0, 5, -1));
        ReviewFixtures.Submitted strong = fixtures.submit(a, "Strong Earlier");
        ReviewFixtures.Submitted weak = fixtures.submit(a, "Weak Earlier");
        for (StaffMember r : List.of(r1, r2)) {
            for (QueueItem item : as(r, () -> reviews.queue())) {
                fixtures.scoreAll(r, item.assignmentId(), item.candidateCode().equals(strong.code()) ? 4 : 2,
                        "Scored in the earlier round.");
            }
        }
        return new Earlier(a, strong, weak);
    }

    /** Another open assessment of the same role (same tasks and rubric). */
    private AssessmentView nextRound(AssessmentView earlier) {
        return recruiter(() -> {
            AssessmentSpec spec = assessments.get(earlier.id()).spec();
            AssessmentView created = assessments.create(new AssessmentSpec("Next round " + earlier.title(), spec.roleId(),
                    spec.totalMinutes(), spec.intro(), spec.accommodationsAllowed(), spec.slots()));
            return assessments.open(created.id());
        });
    }

    private long sourceId(AssessmentView target, ReviewFixtures.Submitted s) {
        return recruiter(() -> calibration.sources(target.id())).stream()
                .filter(x -> x.candidateCode().equals(s.code())).findFirst().orElseThrow().submissionId();
    }

    private void addItem(AssessmentView target, ReviewFixtures.Submitted s, String rationale) {
        long source = sourceId(target, s);
        recruiter(() -> {
            List<CalibrationService.KeyCell> key = calibration.suggestedKey(source).stream()
                    .map(k -> new CalibrationService.KeyCell(k.taskPosition(), k.criterionKey(), k.describe(), k.level(),
                            rationale)).toList();
            return calibration.addItem(target.id(), source, key);
        });
    }

    /** The reviewer scores one item: this level everywhere. */
    private ScoringSheet score(StaffMember reviewer, long assignmentId, int level) {
        return as(reviewer, () -> {
            ScoringSheet sheet = reviews.sheet(assignmentId);
            List<ScoreCell> cells = new ArrayList<>();
            sheet.tasks().forEach(t -> t.criterionKeys().forEach(k -> cells.add(new ScoreCell(t.position(), k, level,
                    "Evidence noted."))));
            return reviews.submit(assignmentId, new ScorecardInput(cells, "Calibration scorecard."), sheet.version(),
                    null);
        });
    }

    private List<String> actions(String subject) {
        return SystemAuthentication.callAs("ADMIN", () -> audit.search(new AuditFilter(null, null, subject, null, null),
                0, 500)).stream().map(AuditEntry::action).toList();
    }

    /** What the earlier round's ranking and board hold: reviews per submission and each one's raw score. */
    private void assertEarlierRoundUntouched(Earlier earlier) {
        assertThat(scored.scores(earlier.assessment().id())).allSatisfy(s -> assertThat(s.reviews()).hasSize(2));
        AssessmentRanking ranking = recruiter(() -> rankings.ranking(earlier.assessment().id(), 0.95));
        assertThat(ranking.candidates()).extracting(AssessmentRanking.Candidate::reviews).containsOnly(2);
        assertThat(ranking.candidates()).extracting(AssessmentRanking.Candidate::raw).containsExactlyInAnyOrder(4.0, 2.0);
        ReviewBoard board = recruiter(() -> panels.board(earlier.assessment().id()));
        assertThat(board.submissions()).allSatisfy(r -> assertThat(r.activeReviews()).isEqualTo(2));
    }

    @Test
    void aNewReviewerIsGatedFailsReadsTheKeyPassesAndOnlyThenGetsLiveWork() {
        Earlier earlier = earlierRound();
        AssessmentView target = nextRound(earlier.assessment());
        fixtures.submit(target, "Live Candidate");
        StaffMember newcomer = fixtures.reviewer("New Reviewer");

        // Calibration cannot be required before the set has an item.
        assertThatThrownBy(() -> recruiter(() -> panels.savePanel(target.id(), Set.of(newcomer.id()), 1, 0, 5,
                new PanelRules(false, true, 80, 3, 0), -1)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("Add at least one calibration item");
        addItem(target, earlier.strong(), "Every step has an owner and a check.");
        addItem(target, earlier.weak(), "Steps are listed but nobody checks the output.");
        assertThat(recruiter(() -> calibration.sources(target.id()))).as("items leave the choice").isEmpty();
        recruiter(() -> panels.savePanel(target.id(), Set.of(newcomer.id()), 1, 0, 5,
                new PanelRules(false, true, 80, 3, 0), -1));

        // Gated: only the two examples, under their labels, and the live submission waits for a cleared reviewer.
        List<QueueItem> queue = as(newcomer, () -> reviews.queue());
        assertThat(queue).extracting(QueueItem::origin).containsOnly(AssignmentOrigin.CALIBRATION);
        assertThat(queue).extracting(QueueItem::candidateCode)
                .containsExactlyInAnyOrder("Calibration example 1", "Calibration example 2");
        assertThat(queue).noneMatch(i -> i.candidateCode().equals(earlier.strong().code())
                || i.candidateCode().equals(earlier.weak().code()));
        assertThat(recruiter(() -> panels.board(target.id())).submissions()).singleElement()
                .satisfies(r -> assertThat(r.activeReviews()).isZero());

        // Round 1: level 1 everywhere, 3 levels from the strong example's key of 4: failed, with the key and why.
        for (QueueItem item : queue) {
            ScoringSheet after = score(newcomer, item.assignmentId(), 1);
            assertThat(after.calibrationExample()).isTrue();
            assertThat(after.revealed()).isNull();
            assertThat(after.peers()).isEmpty();
            assertThat(after.calibration()).isNotNull();
            if (item.candidateCode().equals("Calibration example 1")) {
                assertThat(after.calibration().cells()).allSatisfy(c -> {
                    assertThat(c.key()).isEqualTo(4);
                    assertThat(c.level()).isEqualTo(1);
                    assertThat(c.rationale()).isEqualTo("Every step has an owner and a check.");
                });
                assertThat(after.calibration().largestMiss()).isEqualTo(3);
                assertThat(after.calibration().withinOne()).isZero();
            }
        }
        CalibrationStatus failed = as(newcomer, () -> reviews.calibration()).getFirst();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.canRetake()).isTrue();
        assertThat(failed.lastRound().withinOne()).isEqualTo(0.5);
        assertThat(failed.summary()).contains("Round 1: 50% of cells within one level, largest miss 3");
        assertThat(as(newcomer, () -> reviews.queue())).noneMatch(i -> i.origin() != AssignmentOrigin.CALIBRATION);

        // Round 2: the key's levels: passed, and the panel's assignment gives the live review at once.
        as(newcomer, () -> reviews.retakeCalibration(target.id()));
        List<QueueItem> round2 = as(newcomer, () -> reviews.queue()).stream().filter(i -> !i.done()).toList();
        assertThat(round2).hasSize(2);
        for (QueueItem item : round2) {
            score(newcomer, item.assignmentId(), item.candidateCode().equals("Calibration example 1") ? 4 : 2);
        }
        CalibrationStatus passed = as(newcomer, () -> reviews.calibration()).getFirst();
        assertThat(passed.passed()).isTrue();
        List<QueueItem> live = as(newcomer, () -> reviews.queue());
        assertThat(live).singleElement().satisfies(i -> {
            assertThat(i.origin()).isEqualTo(AssignmentOrigin.PANEL);
            assertThat(i.assessmentTitle()).isEqualTo(target.title());
        });
        assertThat(actions("assessment " + target.id())).contains("calibration.failed", "calibration.passed",
                "calibration.item_added", "calibration.round_opened");

        // Four calibration scorecards on the earlier round's submissions: none of them counts there.
        assertEarlierRoundUntouched(earlier);
        CalibrationService.Overview overview = recruiter(() -> calibration.overview(target.id()));
        assertThat(overview.reviewers()).singleElement().satisfies(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.rounds()).isEqualTo(2);
        });
    }

    @Test
    void hiddenDriftChecksLookLikeLiveReviewsAndNeverReachAnyScore() {
        Earlier earlier = earlierRound();
        AssessmentView target = nextRound(earlier.assessment());
        addItem(target, earlier.strong(), "The owner and the check are both named.");
        StaffMember reviewer = fixtures.reviewer("Drift Reviewer");
        // Every live review assigned comes with a hidden example.
        internals.random(new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public int nextInt(int bound) {
                return 0;
            }
        });
        try {
            recruiter(() -> panels.savePanel(target.id(), Set.of(reviewer.id()), 1, 0, 5,
                    new PanelRules(false, false, 80, 3, 3), -1));
            ReviewFixtures.Submitted live = fixtures.submit(target, "Live Drift Candidate");
            List<QueueItem> queue = as(reviewer, () -> reviews.queue());
            assertThat(queue).hasSize(2).extracting(QueueItem::origin).containsOnly(AssignmentOrigin.PANEL);
            QueueItem hidden = queue.stream().filter(i -> !i.candidateCode().equals(live.code())).findFirst().orElseThrow();
            assertThat(hidden.candidateCode()).matches("C-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}")
                    .isNotEqualTo(earlier.strong().code());
            assertThat(hidden.assessmentTitle()).isEqualTo(target.title());
            ScoringSheet sheet = as(reviewer, () -> reviews.sheet(hidden.assignmentId()));
            assertThat(sheet.calibrationExample()).isFalse();
            assertThat(sheet.calibration()).isNull();
            ScoringSheet after = score(reviewer, hidden.assignmentId(), 3);
            assertThat(after.calibration()).as("no feedback gives a drift check away").isNull();
            score(reviewer, queue.stream().filter(i -> i.candidateCode().equals(live.code())).findFirst().orElseThrow()
                    .assignmentId(), 5);

            // The drift check shows up for the recruiter, and nowhere else.
            CalibrationService.Overview overview = recruiter(() -> calibration.overview(target.id()));
            assertThat(overview.reviewers()).singleElement().satisfies(r -> assertThat(r.drift()).singleElement()
                    .satisfies(p -> {
                        assertThat(p.withinOne()).isEqualTo(1.0);
                        assertThat(p.largestMiss()).isEqualTo(1);
                    }));
            AssessmentRanking ranking = recruiter(() -> rankings.ranking(target.id(), 0.95));
            assertThat(ranking.candidates()).singleElement().satisfies(c -> {
                assertThat(c.candidateCode()).isEqualTo(live.code());
                assertThat(c.raw()).isEqualTo(5.0);
            });
            assertThat(recruiter(() -> panels.board(target.id())).submissions()).singleElement()
                    .satisfies(r -> assertThat(r.reviews()).singleElement()
                            .satisfies(v -> assertThat(v.origin()).isEqualTo(AssignmentOrigin.PANEL)));
            assertEarlierRoundUntouched(earlier);
            assertThat(actions("assessment " + target.id())).contains("calibration.drift_assigned",
                    "calibration.drift_scored");
        } finally {
            internals.random(new java.security.SecureRandom());
        }
    }

    @Test
    void aDisagreementGetsAnotherReviewerAutomaticallyWhenThePanelEscalates() {
        AssessmentView a = fixtures.assessment();
        StaffMember r1 = fixtures.reviewer("Esc One");
        StaffMember r2 = fixtures.reviewer("Esc Two");
        StaffMember r3 = fixtures.reviewer("Esc Three");
        recruiter(() -> panels.savePanel(a.id(), Set.of(r1.id(), r2.id(), r3.id()), 2, 0, 5,
                new PanelRules(true, false, 80, 3, 0), -1));
        ReviewFixtures.Submitted s = fixtures.submit(a, "Disputed Candidate");
        ReviewBoard.Row row = recruiter(() -> panels.board(a.id())).submissions().getFirst();
        List<Long> first = row.reviews().stream().map(ReviewBoard.Review::reviewerId).toList();
        assertThat(first).hasSize(2);
        Map<Long, StaffMember> byId = Map.of(r1.id(), r1, r2.id(), r2, r3.id(), r3);
        int level = 5;
        for (ReviewBoard.Review v : row.reviews()) {
            fixtures.scoreAll(byId.get(v.reviewerId()), v.assignmentId(), level, "Scored.");
            level -= 3;
        }
        ReviewBoard.Row flagged = recruiter(() -> panels.board(a.id())).submissions().getFirst();
        assertThat(flagged.flagged()).isTrue();
        assertThat(flagged.reviews()).hasSize(3);
        ReviewBoard.Review added = flagged.reviews().stream().filter(v -> v.origin() == AssignmentOrigin.ESCALATION)
                .findFirst().orElseThrow();
        assertThat(first).doesNotContain(added.reviewerId());
        assertThat(added.status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(actions("submission " + s.code())).contains("submission.flagged", "assignment.created");

        fixtures.scoreAll(byId.get(added.reviewerId()), added.assignmentId(), 3, "The deciding review.");
        ReviewBoard.Row settled = recruiter(() -> panels.board(a.id())).submissions().getFirst();
        assertThat(settled.resolution()).isEqualTo(Resolution.EXTRA_REVIEW);
        assertThat(settled.reviews()).hasSize(3);
    }
}
