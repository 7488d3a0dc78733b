package dev.assay.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The linking set's ICC says why when it cannot be estimated, instead of failing or showing NaN. */
class LinkingTest {

    @Test
    void candidatesWithTheSameMeanLeaveNothingToAgreeOn() {
        PanelAnalytics.Linking l = RankingComputation.linking(List.of(new double[] {3, 5}, new double[] {3, 5},
                new double[] {3, 5}), 2);
        assertThat(l.icc21()).isNull();
        assertThat(l.note()).contains("same mean score");
    }

    @Test
    void reviewersWhoNeverDisagreeGetNoIntervalThatClaimsCertainty() {
        PanelAnalytics.Linking l = RankingComputation.linking(List.of(new double[] {2, 2}, new double[] {3, 3},
                new double[] {4, 4}), 2);
        assertThat(l.icc21()).isNull();
        assertThat(l.note()).contains("no disagreement to measure");
    }

    @Test
    void aConstantOffsetBetweenReviewersStillHasAFiniteInterval() {
        PanelAnalytics.Linking l = RankingComputation.linking(List.of(new double[] {2, 3}, new double[] {3, 4},
                new double[] {4, 5}), 2);
        assertThat(l.note()).isNull();
        assertThat(l.icc21().lower()).isFinite();
        assertThat(l.icc21().upper()).isFinite();
    }

    @Test
    void ordinaryScoresGiveAFiniteIccWithItsInterval() {
        PanelAnalytics.Linking l = RankingComputation.linking(List.of(new double[] {2, 3}, new double[] {4, 4},
                new double[] {3, 2}, new double[] {5, 4}), 2);
        assertThat(l.note()).isNull();
        assertThat(l.icc21().estimate()).isBetween(-1.0, 1.0);
        assertThat(l.icc21().lower()).isLessThanOrEqualTo(l.icc21().estimate());
        assertThat(l.icc21().upper()).isGreaterThanOrEqualTo(l.icc21().estimate());
    }

    @Test
    void fewerThanThreeSubmissionsAreTooFew() {
        assertThat(RankingComputation.linking(List.of(new double[] {2, 3}), 2).note()).contains("at least three");
    }
}
