package dev.assay.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.ranking.stats.Interval;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored snapshot reads back exactly as it was computed, including the values statistics leave undefined. */
class RankingSnapshotJsonTest {

    @Test
    void aSnapshotSurvivesTheRoundTripWithNaNsNullsAndNumericKeys() {
        AssessmentRanking ranking = new AssessmentRanking(7, "Data Analyst — autumn round", true, 0.95,
                List.of(new AssessmentRanking.Criterion("workflow", "Workflow thinking", 0.4)),
                List.of(new AssessmentRanking.Candidate(31, "C-7F3K", null, null, 1, 1, 3.25, 0.2, 3.5, Double.NaN, true,
                        2, 0, Map.of("workflow", 3.25), true, "Reconciled")),
                List.of(new AssessmentRanking.Reviewer(4, "Vera Novak", 12, 0.31, null)), true, null, 3);
        PanelAnalytics analytics = new PanelAnalytics(
                List.of(new PanelAnalytics.CriterionReliability("workflow", "Workflow thinking",
                        new Interval(0.71, 0.55, 0.83), 40, PanelAnalytics.Verdict.TENTATIVE)),
                new PanelAnalytics.CriterionReliability("overall", "All criteria", null, 1, PanelAnalytics.Verdict.TOO_FEW),
                new PanelAnalytics.Linking(2, 5, null, null, "ICC needs at least three submissions"),
                List.of(new PanelAnalytics.ReviewerStats(4, "Vera Novak", 12, 0.31, 0.08, null, 2)), List.of(3.5, 2.75),
                new PanelAnalytics.DecisionStudy(true, 3, "With 2 reviewers per submission and 3 tasks this panel "
                        + "would reach G = .81.", List.of(new PanelAnalytics.VarianceComponent("p", 0.42),
                                new PanelAnalytics.VarianceComponent("t", null)),
                        List.of(new PanelAnalytics.Point(1, 1, 0.5, null), new PanelAnalytics.Point(2, 3, 0.81, 0.77))));
        RankingSnapshot snapshot = new RankingSnapshot(42, Instant.parse("2026-12-03T10:15:30.123456Z"), 118, ranking,
                analytics, Map.of(31L, new RankingSnapshot.CardFigures(90, Map.of(0, 3.0, 2, Double.NaN),
                        Map.of(4L, 3.25, 5L, 3.0))));

        String json = RankingSnapshots.JSON.writeValueAsString(snapshot);
        RankingSnapshot back = RankingSnapshots.JSON.readValue(json, RankingSnapshot.class);

        assertThat(back).isEqualTo(snapshot);
        assertThat(back.cards().get(31L).taskMeans()).containsKeys(0, 2);
        assertThat(back.cards().get(31L).reviewerRaw()).containsEntry(4L, 3.25);
        assertThat(json).as("no identity is stored").doesNotContain("Amara").contains("C-7F3K");
    }
}
