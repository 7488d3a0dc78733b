package dev.assay.fairness;

import dev.assay.attempt.SelfIdentification.RaceEthnicity;
import dev.assay.attempt.SelfIdentification.Sex;
import dev.assay.attempt.SelfIdentification;
import dev.assay.attempt.SelfIdentificationQuestions;
import dev.assay.attempt.selfid.SelfIdentifiedAnswers;
import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankingService;
import dev.assay.ranking.stats.AdverseImpact;
import dev.assay.ranking.stats.StandardisedDifference;
import dev.assay.review.port.ScoredWork;
import dev.assay.taskbank.AssessmentService;
import dev.assay.taskbank.AssessmentSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adverse-impact monitor's figures for an assessment. Recruiters only, like the ranking it reads. Answers are
 * joined to candidates here and counted; what leaves this service is totals per group (and, for groups too small
 * to show safely, the group's size alone), never one person's answer.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('RECRUITER')")
public class FairnessService {

    /** The characteristics analysed, in the order of LL144 audits: sex, race/ethnicity, their intersection. */
    static final String SEX = "sex";
    static final String RACE = "race";
    static final String INTERSECTION = "intersection";

    private final RankingService rankings;
    private final DecisionService decisions;
    private final ScoredWork work;
    private final SelfIdentifiedAnswers answers;
    private final AssessmentService assessments;
    private final List<Dimension> dimensions;
    private final int minGroup;
    private final double excludeShare;

    FairnessService(RankingService rankings, DecisionService decisions, ScoredWork work, SelfIdentifiedAnswers answers,
            AssessmentService assessments, SelfIdentificationQuestions questions, @Value("${assay.fairness.min-group:5}") int minGroup,
            @Value("${assay.fairness.exclude-below:0.02}") double excludeShare) {
        if (minGroup < 2) {
            throw new IllegalArgumentException("assay.fairness.min-group must be at least 2");
        }
        if (!(excludeShare >= 0 && excludeShare < 0.5)) {
            throw new IllegalArgumentException("assay.fairness.exclude-below must be a share from 0 to 0.5");
        }
        this.rankings = rankings;
        this.decisions = decisions;
        this.work = work;
        this.answers = answers;
        this.assessments = assessments;
        this.dimensions = dimensions(questions);
        this.minGroup = minGroup;
        this.excludeShare = excludeShare;
    }

    /** The report for one assessment, from its current ranking, decisions and answers. */
    public FairnessReport report(long assessmentId) {
        Scope scope = scope(assessmentId, null);
        List<FairnessReport.Characteristic> characteristics = characteristics(scope.entries());
        List<FairnessReport.Gaps> gaps = new ArrayList<>();
        for (Dimension dimension : dimensions.stream().filter(Dimension::gaps).toList()) {
            FairnessReport.Characteristic c = characteristics.stream().filter(x -> x.key().equals(dimension.key()))
                    .findFirst().orElseThrow();
            gaps.add(gaps(dimension, c.scoring(), scope.entries(), scope.ranking().criteria()));
        }
        return summary(scope.ranking().assessmentTitle(), assessmentId, scope.ranking().identitiesVisible(),
                scope.entries(), scope.median(), characteristics, List.copyOf(gaps), null, List.of());
    }

    /**
     * The report across every assessment for the candidates who submitted between {@code from} and {@code to}
     * (UTC dates, both included): selection pooled, and scoring as each candidate's score against the median of
     * their own assessment, since scores on different assessments are not on one scale. Score gaps per criterion
     * are left to each assessment's report: assessments of different roles have different rubrics.
     */
    public FairnessReport period(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("Choose a period whose end is not before its start.");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Entry> entries = new ArrayList<>();
        List<FairnessReport.Source> sources = new ArrayList<>();
        for (AssessmentSummary a : assessments.list()) {
            Map<Long, ScoredWork.Intake> intakes = work.intakes(a.id());
            if (intakes.values().stream().noneMatch(t -> !t.submittedAt().isBefore(start)
                    && t.submittedAt().isBefore(end))) {
                continue;
            }
            Scope scope = scope(a.id(), submission -> {
                ScoredWork.Intake t = intakes.get(submission);
                return t != null && !t.submittedAt().isBefore(start) && t.submittedAt().isBefore(end);
            });
            if (scope.entries().isEmpty()) {
                continue;
            }
            entries.addAll(scope.entries());
            sources.add(new FairnessReport.Source(a.id(), a.title(), scope.entries().size(),
                    (int) scope.entries().stream().filter(e -> e.decision() != null).count()));
        }
        return summary("All assessments", 0, false, entries, null, characteristics(entries), List.of(),
                new FairnessReport.Period(from, to), List.copyOf(sources));
    }

    /** The report as CSV (see {@link FairnessCsv}). */
    public String csv(long assessmentId) {
        return FairnessCsv.write(report(assessmentId));
    }

    /** The period's report as CSV. */
    public String csv(LocalDate from, LocalDate to) {
        return FairnessCsv.write(period(from, to));
    }

    /**
     * One candidate as the monitor counts them: their answers, current decision (or null), whether they are ranked
     * and if so their scores and whether they are above their assessment's median.
     */
    private record Entry(SelfIdentification answer, Outcome decision, AssessmentRanking.Candidate ranked,
            boolean aboveMedian) {
    }

    private record Scope(AssessmentRanking ranking, List<Entry> entries, Double median) {
    }

    /** An assessment's candidates (those {@code include} accepts, or all) with what the monitor needs of each. */
    private Scope scope(long assessmentId, java.util.function.LongPredicate include) {
        AssessmentRanking ranking = rankings.ranking(assessmentId, RankingService.DEFAULT_CONFIDENCE);
        Map<Long, Decision> decided = decisions.current(assessmentId);
        Map<Long, ScoredWork.Intake> intakes = work.intakes(assessmentId);
        Map<Long, SelfIdentification> byInvitation = answers.byInvitation(assessmentId);
        Function<Long, SelfIdentification> answerOf = submission -> {
            ScoredWork.Intake intake = intakes.get(submission);
            return intake == null ? null : byInvitation.get(intake.invitationId());
        };
        // The median is the whole assessment's, whatever part of it is counted.
        Double median = median(ranking.candidates().stream().mapToDouble(AssessmentRanking.Candidate::adjusted).toArray());
        Map<Long, AssessmentRanking.Candidate> ranked = new LinkedHashMap<>();
        ranking.candidates().forEach(c -> ranked.put(c.submissionId(), c));
        java.util.Set<Long> submissions = new java.util.LinkedHashSet<>(ranked.keySet());
        submissions.addAll(decided.keySet());
        List<Entry> entries = new ArrayList<>();
        for (Long id : submissions) {
            if (include != null && !include.test(id)) {
                continue;
            }
            AssessmentRanking.Candidate c = ranked.get(id);
            Decision d = decided.get(id);
            entries.add(new Entry(answerOf.apply(id), d == null ? null : d.outcome(), c,
                    c != null && c.adjusted() > median));
        }
        return new Scope(ranking, entries, median);
    }

    private List<FairnessReport.Characteristic> characteristics(List<Entry> entries) {
        List<FairnessReport.Characteristic> out = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            Map<String, int[]> selection = dimension.emptyCounts();
            Map<String, int[]> scoring = dimension.emptyCounts();
            int selectionUnknown = 0;
            int scoringUnknown = 0;
            for (Entry e : entries) {
                String group = dimension.group().apply(e.answer());
                if (e.decision() != null) {
                    if (group == null) {
                        selectionUnknown++;
                    } else {
                        int[] c = selection.get(group);
                        c[0]++;
                        c[1] += e.decision() == Outcome.ADVANCE ? 1 : 0;
                    }
                }
                if (e.ranked() != null) {
                    if (group == null) {
                        scoringUnknown++;
                    } else {
                        int[] c = scoring.get(group);
                        c[0]++;
                        c[1] += e.aboveMedian() ? 1 : 0;
                    }
                }
            }
            out.add(new FairnessReport.Characteristic(dimension.key(), dimension.title(),
                    AdverseImpact.analyse(groups(selection), minGroup, excludeShare), selectionUnknown,
                    AdverseImpact.analyse(groups(scoring), minGroup, excludeShare), scoringUnknown));
        }
        return List.copyOf(out);
    }

    private FairnessReport summary(String title, long assessmentId, boolean reviewClosed, List<Entry> entries,
            Double median, List<FairnessReport.Characteristic> characteristics, List<FairnessReport.Gaps> gaps,
            FairnessReport.Period period, List<FairnessReport.Source> sources) {
        int ranked = (int) entries.stream().filter(e -> e.ranked() != null).count();
        int provisional = (int) entries.stream().filter(e -> e.ranked() != null && !e.ranked().complete()).count();
        int decided = (int) entries.stream().filter(e -> e.decision() != null).count();
        int advanced = (int) entries.stream().filter(e -> e.decision() == Outcome.ADVANCE).count();
        int answered = (int) entries.stream().filter(e -> e.ranked() != null && e.answer() != null).count();
        return new FairnessReport(assessmentId, title, reviewClosed, ranked, provisional, decided, advanced, answered,
                median, minGroup, excludeShare, characteristics, gaps, period, sources);
    }

    private FairnessReport.Gaps gaps(Dimension dimension, AdverseImpact.Table scoring, List<Entry> entries,
            List<AssessmentRanking.Criterion> criteria) {
        if (scoring.reference() == null) {
            return new FairnessReport.Gaps(dimension.key(), dimension.title(), null, List.of(), List.of(),
                    scoring.note() != null ? scoring.note()
                            : "No group has at least " + minGroup + " scored people to compare with.");
        }
        Map<String, List<AssessmentRanking.Candidate>> members = new LinkedHashMap<>();
        for (Entry e : entries) {
            String group = dimension.group().apply(e.answer());
            if (group != null && e.ranked() != null) {
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(e.ranked());
            }
        }
        List<String> compared = scoring.rows().stream()
                .filter(r -> r.standing() == AdverseImpact.Standing.COMPARED).map(AdverseImpact.Row::label).toList();
        List<AssessmentRanking.Candidate> reference = members.get(scoring.reference());
        List<FairnessReport.Measure> measures = new ArrayList<>();
        measures.add(measure("adjusted", "Adjusted score", null, compared, members, reference,
                AssessmentRanking.Candidate::adjusted));
        for (AssessmentRanking.Criterion k : criteria) {
            if (reference.stream().noneMatch(c -> c.criterionMeans().containsKey(k.key()))) {
                continue; // No task of the assessment scores it, or the reference group has no score on it.
            }
            measures.add(measure(k.key(), k.name(), k.weightShare(), compared, members, reference,
                    c -> c.criterionMeans().getOrDefault(k.key(), Double.NaN)));
        }
        return new FairnessReport.Gaps(dimension.key(), dimension.title(), scoring.reference(), compared,
                List.copyOf(measures), compared.isEmpty() ? "Only one group is large enough to be compared." : null);
    }

    private static FairnessReport.Measure measure(String key, String name, Double weight, List<String> groups,
            Map<String, List<AssessmentRanking.Candidate>> members, List<AssessmentRanking.Candidate> reference,
            ToDoubleFunction<AssessmentRanking.Candidate> value) {
        double[] ref = values(reference, value);
        List<StandardisedDifference> out = new ArrayList<>();
        for (String g : groups) {
            double[] group = values(members.get(g), value);
            out.add(group.length == 0 || ref.length == 0
                    ? new StandardisedDifference(group.length, 0, ref.length, 0, null, null, null,
                            "no scores on this criterion")
                    : StandardisedDifference.of(group, ref));
        }
        return new FairnessReport.Measure(key, name, weight, List.copyOf(out));
    }

    /** The candidates' values, leaving out those not scored on the measure. */
    private static double[] values(List<AssessmentRanking.Candidate> candidates,
            ToDoubleFunction<AssessmentRanking.Candidate> value) {
        return candidates.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static List<AdverseImpact.Group> groups(Map<String, int[]> counts) {
        List<AdverseImpact.Group> out = new ArrayList<>();
        counts.forEach((label, c) -> out.add(new AdverseImpact.Group(label, c[0], c[1])));
        return out;
    }

    static Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * A characteristic: how an answer puts a candidate into a group (null for unknown: not given, or prefer not to
     * say), and every possible group in order. Sex and race/ethnicity get score gaps per criterion; their
     * intersection and the organisation's added questions get selection and scoring tables.
     */
    record Dimension(String key, String title, Function<SelfIdentification, String> group, List<String> groups,
            boolean gaps) {

        /** Every possible group, in order, with zero counts (total, favourable). */
        Map<String, int[]> emptyCounts() {
            Map<String, int[]> out = new LinkedHashMap<>();
            groups.forEach(g -> out.put(g, new int[2]));
            return out;
        }
    }

    private static final List<Sex> SEXES = Arrays.stream(Sex.values()).filter(x -> x != Sex.DECLINED).toList();
    private static final List<RaceEthnicity> RACES = Arrays.stream(RaceEthnicity.values())
            .filter(r -> r != RaceEthnicity.DECLINED).toList();

    private static Sex sex(SelfIdentification a) {
        return a == null || a.sex() == Sex.DECLINED ? null : a.sex();
    }

    private static RaceEthnicity race(SelfIdentification a) {
        return a == null || a.raceEthnicity() == RaceEthnicity.DECLINED ? null : a.raceEthnicity();
    }

    private static String intersection(RaceEthnicity race, Sex sex) {
        return race.label() + " · " + sex.label();
    }

    /** Sex, race/ethnicity, their intersection, then each question the organisation added. */
    static List<Dimension> dimensions(SelfIdentificationQuestions questions) {
        List<Dimension> out = new ArrayList<>();
        out.add(new Dimension(SEX, "Sex", a -> sex(a) == null ? null : sex(a).label(),
                SEXES.stream().map(Sex::label).toList(), true));
        out.add(new Dimension(RACE, "Race/ethnicity", a -> race(a) == null ? null : race(a).label(),
                RACES.stream().map(RaceEthnicity::label).toList(), true));
        List<String> both = new ArrayList<>();
        RACES.forEach(r -> SEXES.forEach(x -> both.add(intersection(r, x))));
        out.add(new Dimension(INTERSECTION, "Sex × race/ethnicity",
                a -> sex(a) == null || race(a) == null ? null : intersection(race(a), sex(a)), both, false));
        for (SelfIdentificationQuestions.Extra q : questions.extra()) {
            out.add(new Dimension("extra-" + q.key(), q.name(), a -> {
                String answer = a == null ? null : a.extra().get(q.key());
                return answer == null || !q.options().contains(answer) ? null : answer;
            }, q.options(), false));
        }
        return List.copyOf(out);
    }
}
