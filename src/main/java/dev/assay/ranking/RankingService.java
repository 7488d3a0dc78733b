package dev.assay.ranking;

import dev.assay.attempt.AttemptService;
import dev.assay.attempt.SubmittedResponse;
import dev.assay.ranking.stats.FlagDetection;
import dev.assay.ranking.stats.Icc;
import dev.assay.ranking.stats.Interval;
import dev.assay.ranking.stats.KrippendorffAlpha;
import dev.assay.ranking.stats.RaterEffects;
import dev.assay.ranking.stats.Rankings;
import dev.assay.ranking.stats.WeightedScores;
import dev.assay.review.PanelService;
import dev.assay.review.ScoreCell;
import dev.assay.review.ScoredSubmission;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentView;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.RubricView;
import dev.assay.taskbank.TaskBankService;
import dev.assay.taskbank.TaskKind;
import dev.assay.taskbank.TaskVersionView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks an assessment's candidates from the panel's submitted scorecards, computed afresh on every call so
 * it always reflects the latest reviews. Where the reviewers reconciled a disputed criterion, the agreed
 * level replaces every reviewer's level for that task × criterion.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('RECRUITER')")
public class RankingService {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final PanelService panels;
    private final AssessmentService assessments;
    private final AttemptService attempts;
    private final TaskBankService tasks;

    RankingService(PanelService panels, AssessmentService assessments, AttemptService attempts,
            TaskBankService tasks) {
        this.panels = panels;
        this.assessments = assessments;
        this.attempts = attempts;
        this.tasks = tasks;
    }

    /** The assessment a submission belongs to, for addressing its rank card. */
    public long assessmentOf(long submissionId) {
        return panels.assessmentOf(submissionId);
    }

    /** One candidate's rank card; empty when the submission has no submitted review yet. */
    public java.util.Optional<RankCard> card(long submissionId) {
        long assessmentId = panels.assessmentOf(submissionId);
        Inputs in = load(assessmentId);
        Rankings.Result result = Rankings.compute(in.ranked(), in.criteria().size(), in.weights(), DEFAULT_CONFIDENCE);
        AssessmentRanking ranking = rank(in, result, DEFAULT_CONFIDENCE);
        var candidate = ranking.candidates().stream().filter(c -> c.submissionId() == submissionId).findFirst();
        if (candidate.isEmpty()) {
            return java.util.Optional.empty();
        }
        int index = in.byIndex().entrySet().stream().filter(e -> e.getValue().submissionId() == submissionId)
                .findFirst().orElseThrow().getKey();
        ScoredSubmission scored = in.byIndex().get(index);
        WeightedScores.Result w = result.rows().stream().filter(r -> r.banded().id() == index).findFirst()
                .orElseThrow().scores();
        double totalWeight = in.criteria().stream().mapToInt(RubricCriterion::weight).sum();
        // Contributions: each criterion's share of the weight among the criteria this candidate was scored on.
        double scoredWeight = 0;
        for (RubricCriterion c : in.criteria()) {
            if (w.criterionMeans().containsKey(in.criterionIndex().get(c.key()))) {
                scoredWeight += c.weight();
            }
        }
        List<RankCard.Contribution> contributions = new ArrayList<>();
        for (RubricCriterion c : in.criteria()) {
            Double mean = w.criterionMeans().get(in.criterionIndex().get(c.key()));
            contributions.add(new RankCard.Contribution(c.key(), c.name(), totalWeight == 0 ? 0 : c.weight() / totalWeight,
                    mean, mean == null || scoredWeight == 0 ? null : mean * c.weight() / scoredWeight));
        }
        SubmittedResponse response = attempts.response(scored.attemptId());
        List<RankCard.TaskScore> taskScores = new ArrayList<>();
        List<RankCard.FlawCheck> flawChecks = new ArrayList<>();
        for (SubmittedResponse.TaskResponse t : response.tasks()) {
            TaskVersionView version = tasks.version(t.taskVersionId());
            taskScores.add(new RankCard.TaskScore(t.position(), version.content().title(), version.kind().label(),
                    w.taskMeans().get(t.position())));
            if (version.kind() == TaskKind.AI_OUTPUT_CRITIQUE && version.content().critique() != null) {
                List<FlagDetection.Flag> flags = t.answer().critique() == null ? List.of()
                        : t.answer().critique().flags().stream().map(f -> new FlagDetection.Flag(f.segment(),
                                f.category() == null ? null : f.category().code())).toList();
                List<FlagDetection.Flaw> flaws = version.content().critique().flaws().stream()
                        .map(f -> new FlagDetection.Flaw(java.util.Set.copyOf(f.segments()), f.category().code()))
                        .toList();
                flawChecks.add(new RankCard.FlawCheck(t.position(), version.content().title(),
                        FlagDetection.score(flags, flaws)));
            }
        }
        List<RankCard.ReviewerScore> reviewers = new ArrayList<>();
        for (ScoredSubmission.ReviewerScores r : scored.reviews()) {
            int rater = in.reviewerIndex().get(r.reviewerId());
            double raw = w.reviewerScores().getOrDefault(rater, Double.NaN);
            RaterEffects.Estimate severity = result.fit().severities().get(rater);
            reviewers.add(new RankCard.ReviewerScore(r.reviewerName(), raw, severity == null ? null : severity.value(),
                    severity == null ? raw : raw + severity.value(), r.revision(), r.overallComment()));
        }
        List<String> agreed = scored.reconciled().stream().map(c -> "Task " + (c.taskPosition() + 1) + " · "
                + in.criteria().stream().filter(k -> k.key().equals(c.criterionKey())).map(RubricCriterion::name)
                        .findFirst().orElse(c.criterionKey()) + ": level " + c.level()).toList();
        return java.util.Optional.of(new RankCard(assessmentId, in.assessment().title(), candidate.get(),
                ranking.candidates().size(), ranking.bandCount(), DEFAULT_CONFIDENCE, contributions, taskScores,
                reviewers, flawChecks, response.tasks().stream().map(SubmittedResponse.TaskResponse::signals).toList(),
                new RankCard.Reconciliation(scored.flagged(), scored.resolution() == null ? null
                        : scored.resolution().label(), scored.resolutionReason(), agreed)));
    }

    /** What both the ranking and the analytics are computed from. */
    private record Inputs(AssessmentView assessment, List<RubricCriterion> criteria, Map<String, Integer> criterionIndex,
            Map<Integer, Double> weights, Map<Integer, ScoredSubmission> byIndex, Map<Long, Integer> reviewerIndex,
            Map<Long, String> reviewerNames, Map<Long, Integer> reviewCounts,
            List<WeightedScores.Observation> given, List<WeightedScores.Observation> ranked, int unscored,
            boolean closed) {
    }

    private Inputs load(long assessmentId) {
        AssessmentView assessment = assessments.get(assessmentId);
        RubricView rubric = assessments.rubric(assessmentId);
        List<ScoredSubmission> scored = panels.scores(assessmentId);
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
        boolean closed = scored.stream().anyMatch(s -> s.revealedName() != null);
        return new Inputs(assessment, criteria, criterionIndex, weights, byIndex, reviewerIndex, reviewerNames,
                reviewCounts, given, ranked, unscored, closed);
    }

    public AssessmentRanking ranking(long assessmentId, double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("Confidence must be between 0.5 and 1");
        }
        Inputs in = load(assessmentId);
        return rank(in, Rankings.compute(in.ranked(), in.criteria().size(), in.weights(), confidence), confidence);
    }

    private static AssessmentRanking rank(Inputs in, Rankings.Result result, double confidence) {
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
            rows.add(new AssessmentRanking.Candidate(s.submissionId(), s.candidateCode(), s.revealedName(),
                    s.revealedEmail(), row.banded().band(), row.banded().position(), w.raw(), w.rawSe(), w.adjusted(),
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
    public PanelAnalytics analytics(long assessmentId) {
        Inputs in = load(assessmentId);
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

        Rankings.Result result = Rankings.compute(in.ranked(), in.criteria().size(), in.weights(), DEFAULT_CONFIDENCE);
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
                result.rows().stream().map(r -> r.scores().adjusted()).toList());
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
                : KrippendorffAlpha.withInterval(units, KrippendorffAlpha.Level.INTERVAL, 1_000, key.hashCode());
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
        if (rows.size() < 3) {
            return new PanelAnalytics.Linking(rows.size(), raters, null, null, "ICC needs at least three submissions "
                    + "scored by every reviewer; set a linking set on the review board.");
        }
        Icc.Result icc = Icc.compute(rows.toArray(new double[0][]));
        return new PanelAnalytics.Linking(rows.size(), raters, icc.icc21(), icc.icc2k(), null);
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
