package dev.assay.ranking;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.staff.StaffMember;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A generated panel on the real database: four reviewers, one of them harsh, eight candidates of known quality. */
class RankingServiceIT extends DatabaseTest {

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    RankingService rankings;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * The Rasch view on the real database: ten candidates of known quality, each scored by all three reviewers (one
     * of whom scores a level lower), levels varying from cell to cell by a fixed pattern. The fit converges, the harsh
     * reviewer is the most severe, better candidates measure higher, and only codes appear.
     */
    @Test
    void theRaschViewMeasuresCandidatesAndReviewersFromTheStoredScores() {
        AssessmentView a = fixtures.assessment();
        List<StaffMember> panel = List.of(fixtures.reviewer("Rasch One"), fixtures.reviewer("Rasch Two"),
                fixtures.reviewer("Rasch Harsh"));
        long harsh = panel.get(2).id();
        // Every reviewer scores every candidate (a linking set of all ten), so the design and the levels are the same
        // on every run: quality, minus a level for the harsh reviewer, plus a fixed pattern of deviations per cell.
        recruiter(() -> panels.savePanel(a.id(), panel.stream().map(StaffMember::id).collect(Collectors.toSet()), 2,
                10, 5, -1));
        double[] quality = {1.6, 2.0, 2.4, 2.8, 3.0, 3.2, 3.6, 4.0, 4.3, 4.6};
        double[] deviation = {-0.9, -0.4, 0.0, 0.3, 0.6, -0.2, 0.8};
        Map<String, Integer> byCode = new HashMap<>();
        for (int i = 0; i < quality.length; i++) {
            byCode.put(fixtures.submit(a, "Measured Person " + (char) ('A' + i)).code(), i);
        }
        for (int r = 0; r < panel.size(); r++) {
            StaffMember reviewer = panel.get(r);
            int rater = r;
            for (QueueItem item : as(reviewer, () -> reviews.queue())) {
                int i = byCode.get(item.candidateCode());
                double q = quality[i] - (reviewer.id() == harsh ? 1 : 0);
                as(reviewer, () -> {
                    var sheet = reviews.sheet(item.assignmentId());
                    List<dev.assay.review.ScoreCell> cells = new ArrayList<>();
                    sheet.tasks().forEach(t -> {
                        for (int k = 0; k < t.criterionKeys().size(); k++) {
                            double d = deviation[(i * 3 + rater * 5 + t.position() * 2 + k) % deviation.length];
                            cells.add(new dev.assay.review.ScoreCell(t.position(), t.criterionKeys().get(k),
                                    (int) Math.max(1, Math.min(5, Math.round(q + d))), "Evidence noted."));
                        }
                    });
                    return reviews.submit(item.assignmentId(), new dev.assay.review.ScorecardInput(cells, "Scored."),
                            sheet.version(), null);
                });
            }
        }
        RaschView rasch = recruiter(() -> rankings.rasch(a.id()));
        assertThat(rasch.estimated()).as(String.join(" ", rasch.notes())).isTrue();
        assertThat(rasch.converged()).isTrue();
        assertThat(rasch.reviewers()).hasSize(3).allSatisfy(r -> {
            assertThat(r.severity()).isNotNull();
            assertThat(r.infit()).isPositive();
            assertThat(r.outfit()).isPositive();
            assertThat(r.reading()).isNotBlank();
        });
        RaschView.ReviewerFit harshest = rasch.reviewers().stream()
                .max(java.util.Comparator.comparing(RaschView.ReviewerFit::severity)).orElseThrow();
        assertThat(harshest.reviewerId()).isEqualTo(harsh);
        assertThat(rasch.candidates()).hasSize(10).allSatisfy(c -> {
            assertThat(byCode).containsKey(c.candidateCode());
            assertThat(c.fairAverage()).isBetween(1.0, 5.0);
        });
        // Best measured first: the top three by measure are among the four best by quality.
        assertThat(rasch.candidates().subList(0, 3)).allSatisfy(c -> assertThat(quality[byCode.get(c.candidateCode())])
                .isGreaterThanOrEqualTo(3.6));
        assertThat(rasch.reviewerFacet().elements()).isEqualTo(3);
    }

    @Test
    void ranksByWeightedScoreWithTheHarshReviewerAdjustedAndIdentitiesOnlyAfterClosing() {
        AssessmentView a = fixtures.assessment();
        List<StaffMember> panel = List.of(fixtures.reviewer("Fair One"), fixtures.reviewer("Fair Two"),
                fixtures.reviewer("Fair Three"), fixtures.reviewer("Harsh Four"));
        long harsh = panel.get(3).id();
        recruiter(() -> panels.savePanel(a.id(), panel.stream().map(StaffMember::id).collect(Collectors.toSet()), 2,
                3, 5, -1));
        int[] quality = {5, 4, 4, 3, 3, 2, 2, 2};
        Map<String, Integer> qualityByCode = new HashMap<>();
        List<ReviewFixtures.Submitted> submitted = new ArrayList<>();
        for (int i = 0; i < quality.length; i++) {
            ReviewFixtures.Submitted s = fixtures.submit(a, "Ranked Person " + (char) ('A' + i));
            submitted.add(s);
            qualityByCode.put(s.code(), quality[i]);
        }
        for (StaffMember reviewer : panel) {
            for (QueueItem item : as(reviewer, () -> reviews.queue())) {
                if (!qualityByCode.containsKey(item.candidateCode())) {
                    continue;
                }
                int level = Math.max(1, qualityByCode.get(item.candidateCode()) - (reviewer.id() == harsh ? 1 : 0));
                fixtures.scoreAll(reviewer, item.assignmentId(), level, "Scored.");
            }
        }
        AssessmentRanking ranking = recruiter(() -> rankings.ranking(a.id(), 0.95));
        assertThat(ranking.candidates()).hasSize(8);
        assertThat(ranking.severityEstimated()).isTrue();
        assertThat(ranking.identitiesVisible()).isFalse();
        assertThat(ranking.candidates()).allSatisfy(c -> assertThat(c.name()).isNull());
        AssessmentRanking.Reviewer harshest = ranking.reviewers().stream()
                .max((x, y) -> Double.compare(x.severity(), y.severity())).orElseThrow();
        assertThat(harshest.reviewerId()).isEqualTo(harsh);
        // The harsh reviewer is exactly one level lower and nothing else varies, so adjusted scores are each
        // candidate's quality minus one common offset (the panel-average scale), whoever reviewed them.
        List<Double> offsets = ranking.candidates().stream()
                .map(c -> c.adjusted() - qualityByCode.get(c.candidateCode())).toList();
        assertThat(offsets.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - offsets.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isLessThan(1e-6);
        assertThat(harshest.severity()).isCloseTo(0.75, org.assertj.core.api.Assertions.within(1e-6));
        // Best first; the top candidate is in band 1.
        assertThat(qualityByCode.get(ranking.candidates().getFirst().candidateCode())).isEqualTo(5);
        assertThat(ranking.candidates().getFirst().band()).isEqualTo(1);

        PanelAnalytics analytics = recruiter(() -> rankings.analytics(a.id()));
        // Three of the rubric's criteria are scored (one per task); the others have nothing to measure.
        assertThat(analytics.criteria()).filteredOn(c -> c.alpha() != null).hasSize(3);
        assertThat(analytics.criteria()).filteredOn(c -> c.alpha() == null)
                .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(PanelAnalytics.Verdict.TOO_FEW));
        assertThat(analytics.overall().alpha().estimate()).isBetween(0.0, 1.0);
        assertThat(analytics.linking().submissions()).isEqualTo(3);
        assertThat(analytics.linking().icc21()).isNotNull();
        assertThat(analytics.reviewers()).hasSize(4).allSatisfy(r -> assertThat(r.agreement()).isGreaterThan(0.5));
        assertThat(analytics.adjustedScores()).hasSize(8);
        // The decision study: 5 panel sizes × 3 tasks, G rising with every reviewer added, and its sentence.
        PanelAnalytics.DecisionStudy study = analytics.decisionStudy();
        assertThat(study.estimated()).as(study.reading()).isTrue();
        assertThat(study.tasks()).isEqualTo(3);
        assertThat(study.points()).hasSize(15);
        List<Double> threeTasks = study.points().stream().filter(p -> p.tasks() == 3).map(PanelAnalytics.Point::g)
                .toList();
        assertThat(threeTasks).isSorted().doesNotContainNull();
        assertThat(threeTasks.getLast()).isGreaterThan(threeTasks.getFirst());
        assertThat(study.reading()).containsAnyOf("this panel would reach G = ", "would reach only G = ");

        String csv = RankingCsv.write(ranking);
        assertThat(csv).startsWith("\uFEFFPosition,Band,Candidate code,Name,Email,Adjusted score");
        assertThat(csv.lines()).hasSize(9);
        submitted.forEach(s -> assertThat(csv).contains(s.code()).doesNotContain(s.name()).doesNotContain(s.email()));

        recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });
        AssessmentRanking closed = recruiter(() -> rankings.ranking(a.id(), 0.95));
        assertThat(closed.identitiesVisible()).isTrue();
        assertThat(RankingCsv.write(closed)).contains(submitted.getFirst().name(), submitted.getFirst().email());
    }

    @Test
    void theRankingIsAStoredSnapshotKeptCurrentWithoutNamesAndTheRankCardReadsIt() throws InterruptedException {
        AssessmentView a = fixtures.assessment();
        List<StaffMember> panel = List.of(fixtures.reviewer("Snap One"), fixtures.reviewer("Snap Two"));
        recruiter(() -> panels.savePanel(a.id(), panel.stream().map(StaffMember::id).collect(Collectors.toSet()), 2,
                0, 5, -1));
        List<ReviewFixtures.Submitted> submitted = List.of(fixtures.submit(a, "Snapshot Person A"),
                fixtures.submit(a, "Snapshot Person B"), fixtures.submit(a, "Snapshot Person C"));
        StaffMember first = panel.getFirst();
        for (QueueItem item : as(first, () -> reviews.queue())) {
            fixtures.scoreAll(first, item.assignmentId(), 3, "Scored.");
        }
        // The scorecards asked for a recompute after their commit: the stored snapshot catches up on its own.
        long version = jdbc.sql("SELECT version FROM review_scores_version WHERE assessment_id = ?").param(a.id())
                .query(Long.class).single();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (storedVersion(a.id()) < version && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(storedVersion(a.id())).as("the background recompute stored the latest version").isEqualTo(version);
        assertThat(recruiter(() -> rankings.ranking(a.id(), 0.95)).candidates()).hasSize(3)
                .allSatisfy(c -> assertThat(c.reviews()).isEqualTo(1));

        // A read right after a change sees it, whether or not the background recompute has run yet.
        StaffMember second = panel.get(1);
        for (QueueItem item : as(second, () -> reviews.queue())) {
            fixtures.scoreAll(second, item.assignmentId(), 5, "Scored higher.");
        }
        AssessmentRanking ranking = recruiter(() -> rankings.ranking(a.id(), 0.95));
        assertThat(ranking.candidates()).allSatisfy(c -> {
            assertThat(c.reviews()).isEqualTo(2);
            assertThat(c.pendingReviews()).isZero();
            assertThat(c.raw()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(1e-9));
        });

        long submissionId = ranking.candidates().getFirst().submissionId();
        RankCard card = recruiter(() -> rankings.card(submissionId)).orElseThrow();
        assertThat(card.candidate().submissionId()).isEqualTo(submissionId);
        assertThat(card.reviewers()).hasSize(2).extracting(RankCard.ReviewerScore::raw).containsExactlyInAnyOrder(3.0, 5.0);
        assertThat(card.criteria().stream().filter(c -> c.points() != null).mapToDouble(RankCard.Contribution::points)
                .sum()).as("the contributions add up to the raw score")
                .isCloseTo(card.candidate().raw(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(card.tasks()).hasSize(3);

        recruiter(() -> {
            panels.closeReview(a.id());
            return null;
        });
        AssessmentRanking closed = recruiter(() -> rankings.ranking(a.id(), 0.95));
        assertThat(closed.candidates()).extracting(AssessmentRanking.Candidate::name)
                .containsExactlyInAnyOrderElementsOf(submitted.stream().map(ReviewFixtures.Submitted::name).toList());
        String payload = jdbc.sql("SELECT payload FROM ranking_snapshot WHERE assessment_id = ?").param(a.id())
                .query(String.class).single();
        submitted.forEach(p -> assertThat(payload).contains(p.code()).doesNotContain(p.name()).doesNotContain(p.email()));
    }

    private long storedVersion(long assessmentId) {
        return jdbc.sql("SELECT scores_version FROM ranking_snapshot WHERE assessment_id = ?").param(assessmentId)
                .query(Long.class).optional().orElse(-1L);
    }
}
