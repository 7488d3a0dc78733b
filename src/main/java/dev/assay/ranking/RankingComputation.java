package dev.assay.ranking;

import dev.assay.ranking.stats.GeneralizabilityStudy;
import dev.assay.ranking.stats.Icc;
import dev.assay.ranking.stats.Interval;
import dev.assay.ranking.stats.KrippendorffAlpha;
import dev.assay.ranking.stats.ManyFacetRasch;
import dev.assay.ranking.stats.RaterEffects;
import dev.assay.ranking.stats.Rankings;
import dev.assay.ranking.stats.WeightedScores;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScoredSubmission;
import dev.assay.review.port.ScoredWork;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.RubricView;
import dev.assay.taskbank.port.AssessmentCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes an assessment's ranking, analytics and rank-card figures from the review's submitted scores,
 * through the review's and the task bank's ports. Where the reviewers reconciled a disputed criterion, the
 * agreed level replaces every reviewer's level for that task × criterion. Callers decide who may see the
 * result; nothing computed here carries a candidate's identity.
 */
@Component
@Transactional(readOnly = true)
class RankingComputation {

    /**
     * Bootstrap resamples for each criterion's alpha interval (docs/scoring.md says the same; ScoringDocsTest checks).
     * The snapshot recomputes every criterion after each scorecard, and its timings in docs/PERFORMANCE.md were
     * measured with this many.
     */
    static final int ALPHA_RESAMPLES = 1_000;

    private final ScoredWork work;
    private final AssessmentCatalog assessments;
    private final Clock clock;

    RankingComputation(ScoredWork work, AssessmentCatalog assessments, Clock clock) {
        this.work = work;
        this.assessments = assessments;
        this.clock = clock;
    }

    /**
     * Everything the ranking page and rank cards show, at the default confidence, as of the scores version
     * read first in the same transaction (so the figures are at least that recent).
     */
    RankingSnapshot snapshot(long assessmentId) {
        long started = System.nanoTime();
        long version = work.scoresVersion(assessmentId);
        Inputs in = load(assessmentId);
        Rankings.Result result = Rankings.compute(in.ranked(), in.criteria().size(), in.weights(),
                RankingService.DEFAULT_CONFIDENCE);
        AssessmentRanking ranking = rank(in, result, RankingService.DEFAULT_CONFIDENCE);
        Map<Long, RankingSnapshot.CardFigures> cards = new HashMap<>();
        Map<Integer, Long> reviewerIds = new HashMap<>();
        in.reviewerIndex().forEach((id, index) -> reviewerIds.put(index, id));
        for (Rankings.Row row : result.rows()) {
            ScoredSubmission s = in.byIndex().get((int) row.banded().id());
            Map<Long, Double> byReviewer = new HashMap<>();
            row.scores().reviewerScores().forEach((rater, score) -> byReviewer.put(reviewerIds.get(rater), score));
            cards.put(s.submissionId(), new RankingSnapshot.CardFigures(s.attemptId(), row.scores().taskMeans(),
                    byReviewer));
        }
        PanelAnalytics analytics = analytics(in, result);
        Instant now = clock.instant();
        return new RankingSnapshot(version, now, (System.nanoTime() - started) / 1_000_000, ranking, analytics, cards);
    }

    /**
     * The many-facet Rasch analysis of the scores as ranked (reconciled levels in place), computed afresh: candidate
     * × (task × criterion cell) × reviewer, levels 1–5, JMLE with Facets' defaults for extreme scores.
     */
    RaschView rasch(long assessmentId) {
        long started = System.nanoTime();
        Inputs in = load(assessmentId);
        int n = in.ranked().size();
        int criteria = in.criteria().size();
        int[] candidate = new int[n];
        int[] cell = new int[n];
        int[] rater = new int[n];
        int[] level = new int[n];
        for (int o = 0; o < n; o++) {
            WeightedScores.Observation x = in.ranked().get(o);
            candidate[o] = x.candidate();
            cell[o] = x.task() * criteria + x.criterion();
            rater[o] = x.rater();
            level[o] = (int) x.level();
        }
        ManyFacetRasch.Fit fit = ManyFacetRasch.fit(candidate, cell, rater, level, 1, 5,
                ManyFacetRasch.Options.defaults());
        List<RaschView.CandidateMeasure> candidates = new ArrayList<>();
        fit.candidates().forEach((index, e) -> {
            ScoredSubmission s = in.byIndex().get(index);
            candidates.add(new RaschView.CandidateMeasure(s.submissionId(), s.candidateCode(), e.measure(),
                    e.standardError(), e.fairAverage(), e.observedAverage(), e.count(), e.extreme()));
        });
        candidates.sort(java.util.Comparator.comparing((RaschView.CandidateMeasure c) -> c.measure() == null
                ? Double.NEGATIVE_INFINITY : c.measure()).reversed().thenComparing(RaschView.CandidateMeasure::candidateCode));
        List<RaschView.ReviewerFit> reviewers = new ArrayList<>();
        in.reviewerIndex().forEach((id, index) -> {
            ManyFacetRasch.Rater r = fit.raters().get(index);
            if (r == null) {
                return;
            }
            ManyFacetRasch.Element e = r.element();
            reviewers.add(new RaschView.ReviewerFit(id, in.reviewerNames().get(id), e.count(), e.measure(),
                    e.standardError(), e.infit(), e.outfit(), e.fairAverage(), r.reading(),
                    r.centralTendency() != null && r.centralTendency().flagged()));
        });
        return new RaschView(assessmentId, fit.estimated(), fit.converged(), fit.iterations(), fit.notes(), candidates,
                reviewers, facet(fit.candidateSeparation()), facet(fit.criterionSeparation()),
                facet(fit.raterSeparation()), (System.nanoTime() - started) / 1_000_000);
    }

    private static RaschView.Facet facet(ManyFacetRasch.Separation s) {
        return s == null ? new RaschView.Facet(0, null, null) : new RaschView.Facet(s.elements(), s.separation(),
                s.reliability());
    }

    /** The ranking at another confidence than the snapshot's, computed afresh. */
    AssessmentRanking ranking(long assessmentId, double confidence) {
        Inputs in = load(assessmentId);
        return rank(in, Rankings.compute(in.ranked(), in.criteria().size(), in.weights(), confidence), confidence);
    }

    /** What both the ranking and the analytics are computed from. */
    record Inputs(AssessmentView assessment, List<RubricCriterion> criteria, Map<String, Integer> criterionIndex,
            Map<Integer, Double> weights, Map<Integer, ScoredSubmission> byIndex, Map<Long, Integer> reviewerIndex,
            Map<Long, String> reviewerNames, Map<Long, Integer> reviewCounts,
            List<WeightedScores.Observation> given, List<WeightedScores.Observation> ranked, int unscored,
            boolean closed) {
    }

    Inputs load(long assessmentId) {
        AssessmentView assessment = assessments.assessment(assessmentId);
        RubricView rubric = assessments.rubric(assessmentId);
        List<ScoredSubmission> scored = work.scores(assessmentId);
        List<RubricCriterion> criteria = rubric.criteria();
        Map<String, Integer> criterionIndex = new HashMap<>();
        Map<Integer, Double> weights = new HashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            criterionIndex.put(criteria.get(i).key(), i);
            weights.put(i, (double) criteria.get(i).weight());
        }
        // Candidates and reviewers get dense int ids for the statistics.
        List<WeightedScores.Observation> given = new ArrayList<>();
        List<WeightedScores.Observation> ranked = new ArrayList<>();
        Map<Integer, ScoredSubmission> byIndex = new HashMap<>();
        Map<Long, Integer> reviewerIndex = new LinkedHashMap<>();
        Map<Long, String> reviewerNames = new HashMap<>();
        Map<Long, Integer> reviewCounts = new HashMap<>();
        int unscored = 0;
        for (ScoredSubmission s : scored) {
            if (s.reviews().isEmpty()) {
                unscored++;
                continue;
            }
            int candidate = byIndex.size();
            byIndex.put(candidate, s);
            Map<ScoreCell.Cell, Integer> agreed = new HashMap<>();
            s.reconciled().forEach(c -> agreed.put(c.cell(), c.level()));
            for (ScoredSubmission.ReviewerScores r : s.reviews()) {
                int rater = reviewerIndex.computeIfAbsent(r.reviewerId(), k -> reviewerIndex.size());
                reviewerNames.put(r.reviewerId(), r.reviewerName());
                reviewCounts.merge(r.reviewerId(), 1, Integer::sum);
                for (ScoreCell cell : r.scores()) {
                    Integer criterion = criterionIndex.get(cell.criterionKey());
                    if (criterion == null || cell.level() < 1) {
                        continue;
                    }
                    given.add(new WeightedScores.Observation(candidate, cell.taskPosition(), criterion, rater,
                            cell.level()));
                    ranked.add(new WeightedScores.Observation(candidate, cell.taskPosition(), criterion, rater,
                            agreed.getOrDefault(cell.cell(), cell.level())));
                }
            }
        }
        boolean closed = work.reviewClosed(assessmentId);
        return new Inputs(assessment, criteria, criterionIndex, weights, byIndex, reviewerIndex, reviewerNames,
                reviewCounts, given, ranked, unscored, closed);
    }

    static AssessmentRanking rank(Inputs in, Rankings.Result result, double confidence) {
        double totalWeight = in.criteria().stream().mapToInt(RubricCriterion::weight).sum();
        List<AssessmentRanking.Criterion> criterionViews = in.criteria().stream()
                .map(c -> new AssessmentRanking.Criterion(c.key(), c.name(), totalWeight == 0 ? 0 : c.weight() / totalWeight))
                .toList();
        List<AssessmentRanking.Candidate> rows = new ArrayList<>();
        for (Rankings.Row row : result.rows()) {
            ScoredSubmission s = in.byIndex().get((int) row.banded().id());
            WeightedScores.Result w = row.scores();
            Map<String, Double> means = new LinkedHashMap<>();
            for (RubricCriterion c : in.criteria()) {
                Double m = w.criterionMeans().get(in.criterionIndex().get(c.key()));
                if (m != null) {
                    means.put(c.key(), m);
                }
            }
            rows.add(new AssessmentRanking.Candidate(s.submissionId(), s.candidateCode(), null, null, row.banded().band(), row.banded().position(), w.raw(), w.rawSe(), w.adjusted(),
                    w.adjustedSe(), w.adjustedBySeverity(), w.reviewers(), s.pendingReviews(), means, s.flagged(),
                    s.resolution() == null ? null : s.resolution().label()));
        }
        List<AssessmentRanking.Reviewer> reviewers = new ArrayList<>();
        in.reviewerIndex().forEach((id, index) -> {
            RaterEffects.Estimate e = result.fit().severities().get(index);
            reviewers.add(new AssessmentRanking.Reviewer(id, in.reviewerNames().get(id), in.reviewCounts().get(id),
                    e == null ? null : e.value(), e == null ? null : e.standardError()));
        });
        return new AssessmentRanking(in.assessment().id(), in.assessment().title(), in.closed(), confidence, criterionViews,
                rows, reviewers, result.fit().severityEstimated(), result.fit().note(), in.unscored());
    }

    /** Reliability per criterion and overall, the linking set's ICC, and per-reviewer statistics. */
    static PanelAnalytics analytics(Inputs in, Rankings.Result result) {
        int raters = in.reviewerIndex().size();
        List<PanelAnalytics.CriterionReliability> perCriterion = new ArrayList<>();
        for (int k = 0; k < in.criteria().size(); k++) {
            final int criterion = k;
            double[][] units = units(in.given().stream().filter(o -> o.criterion() == criterion).toList(), raters,
                    false);
            perCriterion.add(reliability(in.criteria().get(k).key(), in.criteria().get(k).name(), units));
        }
        PanelAnalytics.CriterionReliability overall = reliability("overall", "All criteria",
                units(in.given(), raters, true));

        // Agreement: each reviewer's level against the mean of the other reviewers' levels on the same cell.
        Map<List<Integer>, List<WeightedScores.Observation>> byCell = new HashMap<>();
        for (WeightedScores.Observation o : in.given()) {
            byCell.computeIfAbsent(List.of(o.candidate(), o.task(), o.criterion()), c -> new ArrayList<>()).add(o);
        }
        Map<Integer, List<double[]>> pairs = new HashMap<>();
        for (List<WeightedScores.Observation> cell : byCell.values()) {
            if (cell.size() < 2) {
                continue;
            }
            double sum = cell.stream().mapToDouble(WeightedScores.Observation::level).sum();
            for (WeightedScores.Observation o : cell) {
                pairs.computeIfAbsent(o.rater(), r -> new ArrayList<>())
                        .add(new double[] {o.level(), (sum - o.level()) / (cell.size() - 1)});
            }
        }
        Map<Integer, Integer> flagged = new HashMap<>();
        in.byIndex().values().stream().filter(ScoredSubmission::flagged).forEach(s -> s.reviews()
                .forEach(r -> flagged.merge(in.reviewerIndex().get(r.reviewerId()), 1, Integer::sum)));
        List<PanelAnalytics.ReviewerStats> reviewers = new ArrayList<>();
        in.reviewerIndex().forEach((id, index) -> {
            RaterEffects.Estimate e = result.fit().severities().get(index);
            reviewers.add(new PanelAnalytics.ReviewerStats(id, in.reviewerNames().get(id), in.reviewCounts().get(id),
                    e == null ? null : e.value(), e == null ? null : e.standardError(),
                    pearson(pairs.getOrDefault(index, List.of())), flagged.getOrDefault(index, 0)));
        });
        return new PanelAnalytics(perCriterion, overall, linking(in, result), reviewers,
                result.rows().stream().map(r -> r.scores().adjusted()).toList(), decisionStudy(in));
    }

    /**
     * The G study on the live design, (reviewers : candidates) × tasks, from each reviewer's mean level per task (the
     * levels as given, before reconciliation), and the D study for 1–5 reviewers and 1 to the number of tasks.
     */
    static PanelAnalytics.DecisionStudy decisionStudy(Inputs in) {
        Map<List<Integer>, double[]> cells = new LinkedHashMap<>();
        for (WeightedScores.Observation o : in.given()) {
            double[] sum = cells.computeIfAbsent(List.of(o.candidate(), o.rater(), o.task()), k -> new double[2]);
            sum[0] += o.level();
            sum[1]++;
        }
        int n = cells.size();
        int[] candidate = new int[n];
        int[] reviewer = new int[n];
        int[] task = new int[n];
        double[] score = new double[n];
        int i = 0;
        java.util.Set<Integer> tasks = new java.util.HashSet<>();
        for (Map.Entry<List<Integer>, double[]> e : cells.entrySet()) {
            candidate[i] = e.getKey().get(0);
            reviewer[i] = e.getKey().get(1);
            task[i] = e.getKey().get(2);
            tasks.add(task[i]);
            score[i++] = e.getValue()[0] / e.getValue()[1];
        }
        int taskCount = Math.max(1, tasks.size());
        GeneralizabilityStudy.Result g = GeneralizabilityStudy.nested(candidate, reviewer, task, score);
        if (!g.estimated() || g.decisions() == null) {
            return new PanelAnalytics.DecisionStudy(false, taskCount, g.notes().isEmpty()
                    ? "The panel's variance components cannot be estimated yet." : g.notes().getFirst(), List.of(),
                    List.of());
        }
        List<PanelAnalytics.Point> points = new ArrayList<>();
        for (GeneralizabilityStudy.Coefficients c : g.decisions().grid(taskCount)) {
            points.add(new PanelAnalytics.Point(c.reviewers(), c.tasks(), c.g(), c.phi()));
        }
        return new PanelAnalytics.DecisionStudy(true, taskCount, g.reading(PanelAnalytics.TARGET_G, taskCount),
                g.components().stream().map(c -> new PanelAnalytics.VarianceComponent(c.source(), c.estimate()))
                        .toList(), points);
    }

    private static PanelAnalytics.CriterionReliability reliability(String key, String name, double[][] units) {
        int pairable = 0;
        for (double[] u : units) {
            int m = 0;
            for (double v : u) {
                if (!Double.isNaN(v)) {
                    m++;
                }
            }
            if (m >= 2) {
                pairable++;
            }
        }
        Interval alpha = pairable < 2 ? null
                : KrippendorffAlpha.withInterval(units, KrippendorffAlpha.Level.INTERVAL, ALPHA_RESAMPLES,
                        key.hashCode());
        return new PanelAnalytics.CriterionReliability(key, name, alpha, pairable,
                PanelAnalytics.Verdict.of(alpha, pairable));
    }

    /** Units (candidate × task, or × criterion too) by rater, NaN where a rater did not score the unit. */
    private static double[][] units(List<WeightedScores.Observation> obs, int raters, boolean byCriterion) {
        Map<List<Integer>, double[]> units = new LinkedHashMap<>();
        for (WeightedScores.Observation o : obs) {
            List<Integer> key = byCriterion ? List.of(o.candidate(), o.task(), o.criterion())
                    : List.of(o.candidate(), o.task());
            double[] row = units.computeIfAbsent(key, k -> {
                double[] r = new double[raters];
                java.util.Arrays.fill(r, Double.NaN);
                return r;
            });
            row[o.rater()] = o.level();
        }
        return units.values().toArray(new double[0][]);
    }

    /** ICC on the submissions every reviewer scored, from reviewers' weighted scores. */
    private static PanelAnalytics.Linking linking(Inputs in, Rankings.Result result) {
        int raters = in.reviewerIndex().size();
        List<double[]> rows = new ArrayList<>();
        for (Rankings.Row row : result.rows()) {
            Map<Integer, Double> byReviewer = row.scores().reviewerScores();
            if (raters >= 2 && byReviewer.size() == raters) {
                double[] r = new double[raters];
                byReviewer.forEach((rater, score) -> r[rater] = score);
                rows.add(r);
            }
        }
        return linking(rows, raters);
    }

    /**
     * ICC over the submissions every reviewer scored, or an honest note when it cannot be estimated: too few
     * submissions, no difference between the candidates' scores (nothing for reviewers to agree on), or no
     * disagreement at all between reviewers (the interval's degrees of freedom vanish).
     */
    static PanelAnalytics.Linking linking(List<double[]> rows, int raters) {
        if (rows.size() < 3) {
            return new PanelAnalytics.Linking(rows.size(), raters, null, null, "ICC needs at least three submissions "
                    + "scored by every reviewer; set a linking set on the review board.");
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : rows) {
            double mean = java.util.Arrays.stream(row).average().orElse(0);
            low = Math.min(low, mean);
            high = Math.max(high, mean);
        }
        if (high - low < 1e-12) {
            return new PanelAnalytics.Linking(rows.size(), raters, null, null, "ICC cannot be estimated: every "
                    + "submission in the linking set has the same mean score, so there is no difference between "
                    + "candidates for the reviewers to agree on.");
        }
        try {
            Icc.Result icc = Icc.compute(rows.toArray(new double[0][]));
            if (Double.isFinite(icc.icc21().estimate()) && Double.isFinite(icc.icc21().lower())
                    && Double.isFinite(icc.icc21().upper()) && Double.isFinite(icc.icc2k().lower())
                    && Double.isFinite(icc.icc2k().upper())) {
                return new PanelAnalytics.Linking(rows.size(), raters, icc.icc21(), icc.icc2k(), null);
            }
        } catch (IllegalArgumentException e) {
            // The interval's F quantiles are undefined for these scores: reported below.
        }
        return new PanelAnalytics.Linking(rows.size(), raters, null, null, "ICC's interval cannot be estimated: the "
                + "reviewers' scores of the linking set leave no disagreement to measure (for example every reviewer "
                + "gave every submission the same score), and an ICC of 1 from so few would claim a certainty it does "
                + "not have. Score more submissions in the linking set.");
    }

    private static Double pearson(List<double[]> pairs) {
        if (pairs.size() < 3) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : pairs) {
            mx += p[0] / pairs.size();
            my += p[1] / pairs.size();
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
    }
}
