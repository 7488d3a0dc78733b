package dev.assay.fairness;

import dev.assay.ranking.stats.AdverseImpact;
import dev.assay.ranking.stats.StandardisedDifference;
import java.util.List;

/**
 * An assessment's adverse-impact report: totals only, never a person.
 *
 * @param ranked         candidates with a score (at least one submitted review)
 * @param provisional    of those, candidates with reviews still to come (their scores may move)
 * @param decided        candidates with a current decision; {@code advanced} of them advance
 * @param answered       ranked candidates who answered the self-identification questions at all
 * @param medianAdjusted the median adjusted score of the ranked candidates (null when none are ranked, or when
 *                       the report pools assessments, whose scores are each compared with their own median)
 * @param minGroup       the smallest group given a rate and a ratio
 * @param excludeShare   groups under this share of the total are excluded from the comparison
 */
public record FairnessReport(long assessmentId, String assessmentTitle, boolean reviewClosed, int ranked,
        int provisional, int decided, int advanced, int answered, Double medianAdjusted, int minGroup,
        double excludeShare, List<Characteristic> characteristics, List<Gaps> gaps, Period period,
        List<Source> sources) {

    /**
     * The dates (UTC, both included) of a report across assessments: candidates who submitted in them. Null for
     * one assessment's report, which covers all its candidates.
     */
    public record Period(java.time.LocalDate from, java.time.LocalDate to) {
    }

    /** An assessment that contributed candidates to a report across assessments. */
    public record Source(long assessmentId, String title, int candidates, int decided) {
    }

    /** Whether this report pools several assessments (a period) rather than covering one. */
    public boolean pooled() {
        return period != null;
    }

    /**
     * One characteristic (sex, race/ethnicity, or their intersection) analysed twice: selection (advanced of
     * those decided) and scoring (above the median adjusted score of everyone ranked), each with the number
     * of people whose answer is unknown (not given or "prefer not to say"), who are not in any group.
     */
    public record Characteristic(String key, String name, AdverseImpact.Table selection, int selectionUnknown,
            AdverseImpact.Table scoring, int scoringUnknown) {
    }

    /**
     * Standardised mean differences for one characteristic: for every group compared in its scoring table,
     * against that table's reference group, on the adjusted score and on every rubric criterion.
     *
     * @param note why no differences could be computed, or null
     */
    public record Gaps(String key, String name, String reference, List<String> groups, List<Measure> measures,
            String note) {
    }

    /**
     * One measure (the adjusted score, or a criterion's mean level) and each group's difference, in the order of
     * {@link Gaps#groups()}.
     */
    public record Measure(String key, String name, Double weightShare, List<StandardisedDifference> differences) {
    }

    /** Whether anything can be analysed: at least one candidate ranked or decided. */
    public boolean empty() {
        return ranked == 0 && decided == 0;
    }
}
