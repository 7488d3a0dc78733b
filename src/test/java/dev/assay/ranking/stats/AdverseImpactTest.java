package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.AdverseImpact.Group;
import dev.assay.ranking.stats.AdverseImpact.Row;
import dev.assay.ranking.stats.AdverseImpact.Standing;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adverse impact against the Uniform Guidelines' own worked example, Fisher's tea-tasting table, hand cases for
 * the exclusion and small-group rules, and values computed independently by {@code docs/validation/fairness.py}
 * (SciPy 1.17: {@code fisher_exact}, {@code norm.sf}; exact fractions for the ratios).
 */
class AdverseImpactTest {

    private static Row row(AdverseImpact.Table t, String label) {
        return t.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void uniformGuidelinesQuestion12ImpactRatiosAndTheFourFifthsFlag() {
        // Q&A 12: hiring rates 60% (white), 45% (American Indian), 48% (Hispanic), 51% (Black): adverse impact is
        // indicated for American Indians (75%) but not for Hispanics (exactly 80%) or Blacks (85%).
        AdverseImpact.Table t = AdverseImpact.analyse(List.of(new Group("White", 100, 60),
                new Group("American Indian", 100, 45), new Group("Hispanic", 100, 48), new Group("Black", 100, 51)),
                5, 0.02);
        assertThat(t.reference()).isEqualTo("White");
        assertThat(row(t, "White").standing()).isEqualTo(Standing.REFERENCE);
        assertThat(row(t, "White").impactRatio()).isEqualTo(1.0);
        assertThat(row(t, "American Indian").impactRatio()).isCloseTo(0.75, within(1e-15));
        assertThat(row(t, "American Indian").belowFourFifths()).isTrue();
        assertThat(row(t, "Hispanic").impactRatio()).isEqualTo(0.8);
        assertThat(row(t, "Hispanic").belowFourFifths()).as("exactly four fifths is not below").isFalse();
        assertThat(row(t, "Black").impactRatio()).isCloseTo(0.85, within(1e-15));
        assertThat(row(t, "Black").belowFourFifths()).isFalse();
        // SciPy's values for the same tables.
        assertThat(row(t, "American Indian").fisherP()).isCloseTo(0.047165485383019311, within(1e-12));
        assertThat(row(t, "American Indian").z()).isCloseTo(-2.1239769762143657, within(1e-12));
        assertThat(row(t, "American Indian").zP()).isCloseTo(0.033672068856345855, within(1e-12));
        assertThat(row(t, "Hispanic").fisherP()).isCloseTo(0.118388137804041, within(1e-12));
        assertThat(row(t, "Hispanic").zP()).isCloseTo(0.088659232082747313, within(1e-12));
        assertThat(row(t, "Black").fisherP()).isCloseTo(0.25495026362395945, within(1e-12));
        assertThat(row(t, "Black").zP()).isCloseTo(0.20034713548490346, within(1e-12));
        assertThat(t.anyBelowFourFifths()).isTrue();
    }

    @Test
    void fisherExactTestMatchesTheTeaTastingExampleAndScipy() {
        // Fisher (1935): 3 of 4 cups right each way; two-sided p = 34/70.
        assertThat(ContingencyTests.fisherTwoSided(3, 1, 1, 3)).isCloseTo(34.0 / 70, within(1e-14));
        assertThat(ContingencyTests.fisherTwoSided(0, 5, 5, 0)).isCloseTo(0.007936507936507938, within(1e-14));
        assertThat(ContingencyTests.fisherTwoSided(1, 9, 11, 3)).isCloseTo(0.0027594561852200836, within(1e-13));
        assertThat(ContingencyTests.fisherTwoSided(7, 12, 0, 15)).isCloseTo(0.010562649824820209, within(1e-13));
        assertThat(ContingencyTests.fisherTwoSided(2, 18, 18, 2)).isCloseTo(5.295889611796174e-07, within(1e-15));
        assertThat(ContingencyTests.fisherTwoSided(4, 0, 0, 0)).as("one possible table").isEqualTo(1.0);
    }

    @Test
    void twoProportionZOnlyWhereEveryExpectedCountIsAtLeastFive() {
        ContingencyTests.ZTest z = ContingencyTests.twoProportionZ(80, 120, 120, 80);
        assertThat(z.z()).isCloseTo(-4.0, within(1e-12));
        assertThat(z.p()).isCloseTo(6.3342483666239957e-05, within(1e-15));
        // 3 people in a group: expected favourable count 3 × 11/22 < 5.
        assertThat(ContingencyTests.twoProportionZ(1, 2, 10, 9)).isNull();
        assertThat(ContingencyTests.twoProportionZ(0, 10, 0, 10)).as("nobody favoured: nothing to test").isNull();
    }

    @Test
    void normalTailsMatchScipy() {
        assertThat(Distributions.normalTwoSided(1.959963984540054)).isCloseTo(0.05, within(1e-15));
        assertThat(Distributions.normalTwoSided(3.0)).isCloseTo(0.0026997960632601866, within(1e-15));
        assertThat(Distributions.normalTwoSided(-0.5)).isCloseTo(0.6170750774519738, within(1e-15));
        assertThat(Distributions.normalTwoSided(6.0)).isCloseTo(1.973175290075389e-09, within(1e-20));
        assertThat(Distributions.normalTwoSided(0)).isEqualTo(1.0);
    }

    @Test
    void smallGroupsAreTooFewToTellAndTinyOnesAreExcludedWithTheirCount() {
        // 12 + 10 + 3 + 1 of 60 … : the group of 1 in 60 is under 2% and excluded; the group of 3 is too few.
        AdverseImpact.Table t = AdverseImpact.analyse(List.of(new Group("A", 12, 9), new Group("B", 10, 2),
                new Group("C", 3, 3), new Group("D", 1, 1), new Group("E", 34, 20)), 5, 0.02);
        assertThat(t.total()).isEqualTo(60);
        Row c = row(t, "C");
        assertThat(c.standing()).isEqualTo(Standing.TOO_FEW);
        assertThat(c.rate()).as("a small group's rate is not shown").isNull();
        assertThat(c.impactRatio()).isNull();
        assertThat(c.belowFourFifths()).isFalse();
        Row d = row(t, "D");
        assertThat(d.standing()).isEqualTo(Standing.EXCLUDED);
        assertThat(t.excluded()).isEqualTo(1);
        // The reference is A (75%), not C (100% of 3, too few to be a reference).
        assertThat(t.reference()).isEqualTo("A");
        Row b = row(t, "B");
        assertThat(b.impactRatio()).isCloseTo(0.26666666666666666, within(1e-15));
        assertThat(b.belowFourFifths()).isTrue();
        assertThat(b.fisherP()).isCloseTo(0.029973122852379817, within(1e-12));
        assertThat(b.zP()).isCloseTo(0.01019787677624024, within(1e-12));
        assertThat(b.significant()).isTrue();
    }

    @Test
    void noRatiosWhenFewerThanTwoGroupsCanBeComparedOrNobodyWasFavoured() {
        AdverseImpact.Table one = AdverseImpact.analyse(List.of(new Group("A", 12, 9), new Group("B", 4, 1)), 5, 0.02);
        assertThat(one.reference()).isNull();
        assertThat(one.note()).contains("Fewer than two groups");
        assertThat(one.rows()).allSatisfy(r -> assertThat(r.impactRatio()).isNull());
        AdverseImpact.Table none = AdverseImpact.analyse(List.of(new Group("A", 12, 0), new Group("B", 9, 0)), 5, 0.02);
        assertThat(none.note()).contains("No group had this outcome");
        assertThat(none.rows()).allSatisfy(r -> {
            assertThat(r.impactRatio()).isNull();
            assertThat(r.rate()).isZero();
        });
        AdverseImpact.Table empty = AdverseImpact.analyse(List.of(), 5, 0.02);
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.note()).isNotNull();
    }

    @Test
    void tiesForTheHighestRateGoToTheLargerGroup() {
        AdverseImpact.Table t = AdverseImpact.analyse(List.of(new Group("Small", 10, 5), new Group("Large", 40, 20),
                new Group("Other", 30, 6)), 5, 0.02);
        assertThat(t.reference()).isEqualTo("Large");
        assertThat(row(t, "Small").impactRatio()).isEqualTo(1.0);
        assertThat(row(t, "Small").standing()).isEqualTo(Standing.COMPARED);
    }

    @Test
    void standardisedDifferenceMatchesAHandCaseAndNumpy() {
        StandardisedDifference hand = StandardisedDifference.of(new double[] {2, 3, 4}, new double[] {4, 5, 6});
        assertThat(hand.d()).isCloseTo(-2.0, within(1e-15));
        // SE = √(6/9 + 4/12) = 1.
        assertThat(hand.lower()).isCloseTo(-2 - 1.959963984540054, within(1e-12));
        assertThat(hand.upper()).isCloseTo(-2 + 1.959963984540054, within(1e-12));
        double[] group = {1.86, 2.25, 3.32, 2.58, 3.42, 3.65, 1.85, 3.81, 2.52, 4.68, 3.58, 2.57, 3.16, 3.17, 3.26,
                4.11, 3.43, 4.33, 3.51, 2.86, 1.78, 1.75, 3.16};
        double[] reference = {3.88, 4.41, 2.97, 3.45, 2.83, 3.10, 1.80, 3.92, 2.89, 3.35, 3.71, 3.64, 2.48, 4.46,
                3.93, 3.75, 2.94, 2.28, 2.26, 3.25, 3.51, 2.91, 4.68, 3.61, 4.10, 4.03, 2.65, 4.10, 3.72, 2.51, 3.91};
        StandardisedDifference s = StandardisedDifference.of(group, reference);
        assertThat(s.d()).isCloseTo(-0.41785200297359193, within(1e-12));
        assertThat(s.lower()).isCloseTo(-0.96296515101618407, within(1e-12));
        assertThat(s.upper()).isCloseTo(0.12726114506900021, within(1e-12));
        assertThat(s.n()).isEqualTo(23);
        assertThat(s.referenceN()).isEqualTo(31);
    }

    @Test
    void standardisedDifferenceSaysWhyWhenItCannotBeComputed() {
        StandardisedDifference one = StandardisedDifference.of(new double[] {3}, new double[] {4, 5});
        assertThat(one.d()).isNull();
        assertThat(one.note()).contains("at least two");
        StandardisedDifference flat = StandardisedDifference.of(new double[] {3, 3}, new double[] {3, 3, 3});
        assertThat(flat.d()).isNull();
        assertThat(flat.note()).contains("no spread");
    }
}
