package dev.assay.fairness;

import dev.assay.attempt.SelfIdentification;
import dev.assay.attempt.SelfIdentification.RaceEthnicity;
import dev.assay.attempt.SelfIdentification.Sex;
import dev.assay.attempt.selfid.SelfIdentifiedAnswers;
import dev.assay.decision.Decision;
import dev.assay.decision.DecisionService;
import dev.assay.decision.Outcome;
import dev.assay.ranking.AssessmentRanking;
import dev.assay.ranking.RankingService;
import dev.assay.ranking.stats.AdverseImpact;
import dev.assay.ranking.stats.StandardisedDifference;
import dev.assay.review.port.ScoredWork;
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
    private final int minGroup;
    private final double excludeShare;

    FairnessService(RankingService rankings, DecisionService decisions, ScoredWork work, SelfIdentifiedAnswers answers,
            @Value("${assay.fairness.min-group:5}") int minGroup,
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
        this.minGroup = minGroup;
        this.excludeShare = excludeShare;
    }

    /** The report for one assessment, from its current ranking, decisions and answers. */
    public FairnessReport report(long assessmentId) {
        AssessmentRanking ranking = rankings.ranking(assessmentId, RankingService.DEFAULT_CONFIDENCE);
        Map<Long, Decision> decided = decisions.current(assessmentId);
        Map<Long, Long> invitationOf = work.invitations(assessmentId);
        Map<Long, SelfIdentification> byInvitation = answers.byInvitation(assessmentId);
        Function<Long, SelfIdentification> answerOf = submission -> {
            Long invitation = invitationOf.get(submission);
            return invitation == null ? null : byInvitation.get(invitation);
        };
        List<AssessmentRanking.Candidate> ranked = ranking.candidates();
        Double median = median(ranked.stream().mapToDouble(AssessmentRanking.Candidate::adjusted).toArray());
        List<FairnessReport.Characteristic> characteristics = new ArrayList<>();
        List<FairnessReport.Gaps> gaps = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            Map<String, int[]> selection = dimension.emptyCounts();
            int selectionUnknown = 0;
            for (Decision d : decided.values()) {
                String group = dimension.group(answerOf.apply(d.submissionId()));
                if (group == null) {
                    selectionUnknown++;
                } else {
                    int[] c = selection.get(group);
                    c[0]++;
                    c[1] += d.outcome() == Outcome.ADVANCE ? 1 : 0;
                }
            }
            Map<String, int[]> scoring = dimension.emptyCounts();
            Map<String, List<AssessmentRanking.Candidate>> members = new LinkedHashMap<>();
            int scoringUnknown = 0;
            for (AssessmentRanking.Candidate c : ranked) {
                String group = dimension.group(answerOf.apply(c.submissionId()));
                if (group == null) {
                    scoringUnknown++;
                } else {
                    int[] n = scoring.get(group);
                    n[0]++;
                    n[1] += c.adjusted() > median ? 1 : 0;
                    members.computeIfAbsent(group, g -> new ArrayList<>()).add(c);
                }
            }
            AdverseImpact.Table scoringTable = AdverseImpact.analyse(groups(scoring), minGroup, excludeShare);
            characteristics.add(new FairnessReport.Characteristic(dimension.key, dimension.title,
                    AdverseImpact.analyse(groups(selection), minGroup, excludeShare), selectionUnknown, scoringTable,
                    scoringUnknown));
            if (dimension != Dimension.INTERSECTION_GROUPS) {
                gaps.add(gaps(dimension, scoringTable, members, ranking.criteria()));
            }
        }
        int answered = (int) ranked.stream().filter(c -> answerOf.apply(c.submissionId()) != null).count();
        int advanced = (int) decided.values().stream().filter(d -> d.outcome() == Outcome.ADVANCE).count();
        int provisional = (int) ranked.stream().filter(c -> !c.complete()).count();
        return new FairnessReport(assessmentId, ranking.assessmentTitle(), ranking.identitiesVisible(), ranked.size(),
                provisional, decided.size(), advanced, answered, median, minGroup, excludeShare,
                List.copyOf(characteristics), List.copyOf(gaps));
    }

    /** The report as CSV (see {@link FairnessCsv}). */
    public String csv(long assessmentId) {
        return FairnessCsv.write(report(assessmentId));
    }

    private FairnessReport.Gaps gaps(Dimension dimension, AdverseImpact.Table scoring,
            Map<String, List<AssessmentRanking.Candidate>> members, List<AssessmentRanking.Criterion> criteria) {
        if (scoring.reference() == null) {
            return new FairnessReport.Gaps(dimension.key, dimension.title, null, List.of(), List.of(),
                    scoring.note() != null ? scoring.note()
                            : "No group has at least " + minGroup + " scored people to compare with.");
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
        return new FairnessReport.Gaps(dimension.key, dimension.title, scoring.reference(), compared,
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

    /** How a characteristic puts an answer into a group; null for unknown (not given, or prefer not to say). */
    enum Dimension {
        SEX_GROUPS(SEX, "Sex"),
        RACE_GROUPS(RACE, "Race/ethnicity"),
        INTERSECTION_GROUPS(INTERSECTION, "Sex × race/ethnicity");

        final String key;
        final String title;

        Dimension(String key, String title) {
            this.key = key;
            this.title = title;
        }

        String group(SelfIdentification a) {
            Sex sex = a == null || a.sex() == Sex.DECLINED ? null : a.sex();
            RaceEthnicity race = a == null || a.raceEthnicity() == RaceEthnicity.DECLINED ? null : a.raceEthnicity();
            return switch (this) {
                case SEX_GROUPS -> sex == null ? null : sex.label();
                case RACE_GROUPS -> race == null ? null : race.label();
                case INTERSECTION_GROUPS -> sex == null || race == null ? null : intersection(race, sex);
            };
        }

        /** Every possible group, in order, with zero counts (total, favourable). */
        Map<String, int[]> emptyCounts() {
            Map<String, int[]> out = new LinkedHashMap<>();
            List<Sex> sexes = Arrays.stream(Sex.values()).filter(s -> s != Sex.DECLINED).toList();
            List<RaceEthnicity> races = Arrays.stream(RaceEthnicity.values()).filter(r -> r != RaceEthnicity.DECLINED)
                    .toList();
            switch (this) {
                case SEX_GROUPS -> sexes.forEach(s -> out.put(s.label(), new int[2]));
                case RACE_GROUPS -> races.forEach(r -> out.put(r.label(), new int[2]));
                case INTERSECTION_GROUPS -> races.forEach(r -> sexes.forEach(s -> out.put(intersection(r, s),
                        new int[2])));
            }
            return out;
        }

        private static String intersection(RaceEthnicity race, Sex sex) {
            return race.label() + " · " + sex.label();
        }
    }
}
