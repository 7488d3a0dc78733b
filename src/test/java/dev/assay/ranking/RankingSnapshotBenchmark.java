package dev.assay.ranking;

import static dev.assay.review.ReviewFixtures.as;
import static dev.assay.review.ReviewFixtures.recruiter;

import dev.assay.review.PanelService;
import dev.assay.review.QueueItem;
import dev.assay.review.ReviewFixtures;
import dev.assay.review.ReviewService;
import dev.assay.review.ScoringSheet;
import dev.assay.staff.StaffMember;
import dev.assay.support.DatabaseTest;
import dev.assay.taskbank.AssessmentView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: an assessment with 10,000 reviewed submissions (two submitted scorecards each, from a
 * panel of 40 reviewers, one in four of them harsh), written straight into the test database, then the
 * ranking's recompute, a ranking read from the stored snapshot, and a rank card, each timed as the median of
 * repeated calls through {@code RankingService}. Prints a table. Not part of the build (the name ends in
 * neither Test nor IT); run it alone with {@code ASSAY_TEST_DB_URL} set:
 * {@code ./mvnw -B test -Dtest=RankingSnapshotBenchmark}.
 */
class RankingSnapshotBenchmark extends DatabaseTest {

    private static final int CANDIDATES = 10_000;
    private static final int REVIEWERS = 40;
    private static final long BASE = 50_000_000L;

    @Autowired
    ReviewFixtures fixtures;

    @Autowired
    PanelService panels;

    @Autowired
    ReviewService reviews;

    @Autowired
    RankingService rankings;

    @Autowired
    RankingSnapshots snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RankingComputation computation;

    @Test
    void tenThousandReviewedCandidates() {
        AssessmentView a = fixtures.assessment();
        List<StaffMember> panel = new ArrayList<>();
        for (int r = 0; r < REVIEWERS; r++) {
            panel.add(fixtures.reviewer("Bench Reviewer " + r));
        }
        recruiter(() -> panels.savePanel(a.id(), panel.stream().map(StaffMember::id).collect(Collectors.toSet()), 2,
                0, 5, -1));
        fixtures.submit(a, "Template Candidate");
        // The template's cells: every criterion of every task, as the scoring sheet lists them.
        StaffMember someone = panel.stream().filter(m -> !as(m, () -> reviews.queue()).isEmpty()).findFirst()
                .orElseThrow();
        QueueItem item = as(someone, () -> reviews.queue()).getFirst();
        ScoringSheet sheet = as(someone, () -> reviews.sheet(item.assignmentId()));
        List<Object[]> tasks = jdbc.query("SELECT t.task_position, t.slot_index, t.task_version_id, t.answer_json "
                + "FROM attempt_task t JOIN review_submission s ON s.attempt_id = t.attempt_id WHERE s.id = ?",
                (rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getString(4)},
                sheet.submissionId());
        long seedStart = System.nanoTime();
        seed(a.id(), panel, sheet, tasks);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        jdbc.update("UPDATE review_scores_version SET version = version + 1 WHERE assessment_id = ?", a.id());

        long[] recompute = new long[5];
        for (int i = 0; i < recompute.length; i++) {
            long t0 = System.nanoTime();
            RankingSnapshot s = snapshots.current(a.id());
            recompute[i] = System.nanoTime() - t0;
            if (s.ranking().candidates().size() != CANDIDATES) {
                throw new IllegalStateException("ranked " + s.ranking().candidates().size());
            }
            jdbc.update("UPDATE review_scores_version SET version = version + 1 WHERE assessment_id = ?", a.id());
        }
        // Where a recompute's time goes.
        long[] loading = new long[3];
        long[] ranking = new long[3];
        long[] analyticsOnly = new long[3];
        for (int i = 0; i < loading.length; i++) {
            long t0 = System.nanoTime();
            RankingComputation.Inputs in = computation.load(a.id());
            long t1 = System.nanoTime();
            dev.assay.ranking.stats.Rankings.Result result = dev.assay.ranking.stats.Rankings.compute(in.ranked(),
                    in.criteria().size(), in.weights(), RankingService.DEFAULT_CONFIDENCE);
            long t2 = System.nanoTime();
            RankingComputation.analytics(in, result);
            long t3 = System.nanoTime();
            loading[i] = t1 - t0;
            ranking[i] = t2 - t1;
            analyticsOnly[i] = t3 - t2;
        }
        recruiter(() -> rankings.ranking(a.id(), RankingService.DEFAULT_CONFIDENCE));
        long[] read = new long[15];
        for (int i = 0; i < read.length; i++) {
            long t0 = System.nanoTime();
            recruiter(() -> rankings.ranking(a.id(), RankingService.DEFAULT_CONFIDENCE));
            read[i] = System.nanoTime() - t0;
        }
        long[] analytics = new long[15];
        for (int i = 0; i < analytics.length; i++) {
            long t0 = System.nanoTime();
            recruiter(() -> rankings.analytics(a.id()));
            analytics[i] = System.nanoTime() - t0;
        }
        SplittableRandom random = new SplittableRandom(7);
        long[] card = new long[30];
        for (int i = 0; i < card.length; i++) {
            long submission = BASE + random.nextInt(CANDIDATES);
            long t0 = System.nanoTime();
            if (recruiter(() -> rankings.card(submission)).isEmpty()) {
                throw new IllegalStateException("no card for " + submission);
            }
            card[i] = System.nanoTime() - t0;
        }
        long[] board = new long[15];
        for (int i = 0; i < board.length; i++) {
            long t0 = System.nanoTime();
            recruiter(() -> panels.board(a.id()));
            board[i] = System.nanoTime() - t0;
        }
        long[] page = new long[30];
        for (int i = 0; i < page.length; i++) {
            int offset = random.nextInt(CANDIDATES - 50);
            long t0 = System.nanoTime();
            recruiter(() -> panels.boardPage(a.id(), offset, 50));
            page[i] = System.nanoTime() - t0;
        }
        Integer bytes = jdbc.queryForObject("SELECT LENGTH(payload) FROM ranking_snapshot WHERE assessment_id = ?",
                Integer.class, a.id());
        System.out.printf("%nRanking of %,d reviewed candidates (%d reviewers, 2 scorecards each, %d cells per "
                + "scorecard); seeded in %,d ms; snapshot %,d bytes%n", CANDIDATES, REVIEWERS,
                sheet.tasks().stream().mapToInt(t -> t.criterionKeys().size()).sum(), seedMillis, bytes);
        System.out.println("| operation | median | min | max | runs |");
        System.out.println("| --- | --- | --- | --- | --- |");
        row("recompute and store the snapshot", recompute);
        row("ranking page's ranking, from the snapshot", read);
        row("ranking page's analytics, from the snapshot", analytics);
        row("  of which: reading the scores (ScoredWork)", loading);
        row("  of which: ranking computation in memory", ranking);
        row("  of which: analytics (alpha with bootstrap intervals, ICC)", analyticsOnly);
        row("one rank card", card);
        row("review board: counts, workload and the first 50 rows", board);
        row("review board: a further page of 50 rows", page);
    }

    private static void row(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %d |%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    /** Invitations, submitted attempts, submissions in review and two submitted scorecards each, in batches. */
    private void seed(long assessmentId, List<StaffMember> panel, ScoringSheet sheet, List<Object[]> tasks) {
        Timestamp now = Timestamp.from(Instant.now());
        SplittableRandom random = new SplittableRandom(1);
        double[] severity = new double[REVIEWERS];
        for (int r = 0; r < REVIEWERS; r++) {
            severity[r] = r % 4 == 0 ? 1 : 0;
        }
        List<Object[]> invitations = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        List<Object[]> attemptTasks = new ArrayList<>();
        List<Object[]> submissions = new ArrayList<>();
        List<Object[]> assignments = new ArrayList<>();
        List<Object[]> revisions = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            long id = BASE + i;
            String code = "B" + Integer.toString(i, 36).toUpperCase();
            invitations.add(new Object[] {id, assessmentId, code, "Bench " + i, "bench" + i + "@candidates.example",
                    "bench" + i + "@candidates.example", now, "hash-" + id, "SUBMITTED", now, "bench", now, now, now});
            attempts.add(new Object[] {id, id, assessmentId, now, now, now});
            for (Object[] t : tasks) {
                attemptTasks.add(new Object[] {id, t[0], t[1], t[2], t[3], now});
            }
            submissions.add(new Object[] {id, id, id, assessmentId, code, now});
            double quality = 1 + 4 * random.nextDouble();
            int first = random.nextInt(REVIEWERS);
            for (int k = 0; k < 2; k++) {
                int r = (first + k * 7) % REVIEWERS;
                long assignment = BASE + i * 2L + k;
                assignments.add(new Object[] {assignment, id, panel.get(r).id(), now, now, now});
                revisions.add(new Object[] {assignment, assignment, now, now});
                for (ScoringSheet.SheetTask t : sheet.tasks()) {
                    for (String key : t.criterionKeys()) {
                        long level = Math.max(1, Math.min(5, Math.round(quality - severity[r] + random.nextDouble() - 0.5)));
                        scores.add(new Object[] {assignment, t.position(), key, level});
                    }
                }
            }
        }
        batch("INSERT INTO invitation (id, assessment_id, candidate_code, candidate_name, candidate_email, email_key, "
                + "start_deadline, token_hash, stage, created_at, created_by, last_sent_at, started_at, submitted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", invitations);
        batch("INSERT INTO attempt (id, invitation_id, assessment_id, started_at, deadline, submitted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", attempts);
        batch("INSERT INTO attempt_task (attempt_id, task_position, slot_index, task_version_id, answer_json, saved_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", attemptTasks);
        batch("INSERT INTO review_submission (id, attempt_id, invitation_id, assessment_id, candidate_code, submitted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", submissions);
        batch("INSERT INTO review_assignment (id, submission_id, reviewer_id, origin, status, assigned_at, assigned_by, "
                + "due_at, submitted_at) VALUES (?, ?, ?, 'PANEL', 'SUBMITTED', ?, 'bench', ?, ?)", assignments);
        batch("INSERT INTO scorecard_revision (id, assignment_id, revision, status, overall_comment, saved_at, "
                + "submitted_at) VALUES (?, ?, 1, 'SUBMITTED', 'Benchmark scorecard.', ?, ?)", revisions);
        batch("INSERT INTO scorecard_score (revision_id, task_position, criterion_key, score_level, justification) "
                + "VALUES (?, ?, ?, ?, 'Seen.')", scores);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 2_000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 2_000)));
        }
    }
}
