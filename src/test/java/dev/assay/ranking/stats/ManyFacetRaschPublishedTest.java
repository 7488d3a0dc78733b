package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.ManyFacetRasch.Element;
import dev.assay.ranking.stats.ManyFacetRasch.Fit;
import dev.assay.ranking.stats.ManyFacetRasch.Observation;
import dev.assay.ranking.stats.ManyFacetRasch.Options;
import dev.assay.ranking.stats.ManyFacetRasch.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The many-facet Rasch fit against Winsteps' JMLE output for two public dichotomous data sets. A dichotomy is the
 * rating-scale model with two categories (levels 0..1, one threshold, fixed at 0 by the sum-to-zero constraint),
 * and a two-facet person × item design maps onto this class with the persons as candidates, the items as raters and
 * a single criterion: the raters are then centred at mean zero over the jointly estimated items, exactly as Winsteps
 * centres its items ({@code UMEAN = 0}), so no re-centring is needed. Winsteps' default {@code STBIAS = No} is used
 * in both sources, so the comparison is with the uncorrected estimates.
 *
 * <p><b>1. LSAT Section 6</b> (1000 examinees × 5 items; Bock &amp; Lieberman, 1970, <i>Psychometrika</i> 35,
 * 179–197). The response patterns below were counted from {@code data/LSAT.RData} of the R package r2Winsteps
 * (github.com/DJAnderson07/r2Winsteps, commit af9886d; its documentation says the responses are those of the ltm
 * package's {@code LSAT}). The reference values are the Winsteps item and person files written by that package's
 * vignette run and committed with it: {@code vignettes/assets/data/r2WinstepsIfile 12.34.49 PM.txt} and
 * {@code r2WinstepsPfile 12.34.49 PM.txt} (commit 76c3e8f, run dated 1 Apr 2016; Winsteps version not stated).
 * They are printed to two decimals, with every item's and person's displacement {@code .00}, i.e. converged to the
 * printed precision. Measures and S.E.s are compared to ±0.01 logits; infit and outfit mean-squares to ±0.01 or 1%,
 * whichever is larger (a person outfit near 6 moves by about 0.03 when an item measure moves by 0.005).
 *
 * <p><b>2. Knox Cube Test</b> (35 children × 18 tapping items; Wright &amp; Stone, 1979, <i>Best Test Design</i>,
 * p. 31). Data and reference values are the R package rpf's {@code data(kct)} (CRAN; documented as "These data from
 * Wright &amp; Stone (1979, p. 31) were fit with Winsteps 3.73 using a 1PL model"; {@code data/kct.rda},
 * github.com/jpritikin/rpf commit f4dc656): {@code kct.people} holds the responses, {@code kct.items} Winsteps'
 * item file. Winsteps 3.73 stopped at its default convergence limits before the JMLE equations were solved: its
 * own DISPLACE column is −0.03…+0.04 for the estimated items, and the residuals recomputed from its printed
 * measures are 0.04–0.08 score points (an estimated item must have residual 0 at the JMLE solution). Its printed
 * item measures are therefore uniformly compressed, by about 3.6%, relative to the converged solution; the test
 * handles that explicitly: it fits one scale factor through the origin (both solutions are centred at zero over the
 * same 14 items), requires it to lie in 1.02–1.05, and then requires every item to agree to ±0.015 logits. Which
 * elements are set aside as extreme (items 1–3 answered correctly by all, item 18 by none, and then Helen, who has
 * only items 1–3 right) is compared exactly. The measures of those extreme elements are not compared: Winsteps
 * measures each against the non-extreme elements only (its −6.59 for items 1–3 and −6.62 for Helen are reproduced
 * from its printed measures that way), whereas this class uses all of an extreme element's ratings, so its values
 * differ (about −7.68 for items 1–3 and −6.16 for Helen).
 */
class ManyFacetRaschPublishedTest {

    private static final int CRITERION = 1;

    // ---- LSAT Section 6 ----

    /** {pattern of items 1..5 as a bit string, number of examinees}; the 30 patterns observed among 1000. */
    static final String[][] LSAT_PATTERNS = {
            {"00000", "3"}, {"00001", "6"}, {"00010", "2"}, {"00011", "11"}, {"00100", "1"}, {"00101", "1"},
            {"00110", "3"}, {"00111", "4"}, {"01000", "1"}, {"01001", "8"}, {"01011", "16"}, {"01101", "3"},
            {"01110", "2"}, {"01111", "15"}, {"10000", "10"}, {"10001", "29"}, {"10010", "14"}, {"10011", "81"},
            {"10100", "3"}, {"10101", "28"}, {"10110", "15"}, {"10111", "80"}, {"11000", "16"}, {"11001", "56"},
            {"11010", "21"}, {"11011", "173"}, {"11100", "11"}, {"11101", "61"}, {"11110", "28"}, {"11111", "298"}};

    /** Winsteps item file: {item, measure, model S.E., infit MNSQ, outfit MNSQ}; raw scores 924, 709, 553, 763, 870. */
    static final double[][] LSAT_ITEMS = {
            {1, -1.55, .13, 1.01, 1.05}, {2, .56, .08, .98, .97}, {3, 1.63, .08, 1.01, 1.01},
            {4, .16, .09, .99, .98}, {5, -.81, .11, 1.01, 1.02}};

    /** Winsteps person file, one row per pattern (identical for every examinee with it): {measure, S.E., infit, outfit}. */
    static final String[] LSAT_PERSON_PATTERNS = {
            "00001", "00010", "00011", "00100", "00101", "00110", "00111", "01000", "01001", "01011", "01101",
            "01110", "01111", "10000", "10001", "10010", "10011", "10100", "10101", "10110", "10111", "11000",
            "11001", "11010", "11011", "11100", "11101", "11110"};
    static final double[][] LSAT_PERSONS = {
            {-1.72, 1.21, 1.09, .73}, {-1.72, 1.21, 1.54, 1.59}, {-.52, 1.03, 1.32, 1.20},
            {-1.72, 1.21, 1.83, 5.97}, {-.52, 1.03, 1.80, 2.59}, {-.52, 1.03, 2.30, 3.00}, {.52, 1.03, 1.91, 2.56},
            {-1.72, 1.21, 1.66, 2.24}, {-.52, 1.03, 1.49, 1.42}, {.52, 1.03, 1.40, 2.04}, {.52, 1.03, 2.12, 2.73},
            {.52, 1.03, 2.55, 3.28}, {1.72, 1.21, 1.84, 5.54}, {-1.72, 1.21, .59, .38}, {-.52, 1.03, .47, .41},
            {-.52, 1.03, .97, .83}, {.52, 1.03, .56, .48}, {-.52, 1.03, 1.45, 2.22}, {.52, 1.03, 1.28, 1.16},
            {.52, 1.03, 1.70, 1.71}, {1.72, 1.21, 1.24, .89}, {-.52, 1.03, 1.14, 1.05}, {.52, 1.03, .77, .64},
            {.52, 1.03, 1.19, 1.19}, {1.72, 1.21, .54, .35}, {.52, 1.03, 1.91, 1.87}, {1.72, 1.21, 1.43, 1.21},
            {1.72, 1.21, 1.73, 2.79}};

    /** Extreme persons (Winsteps {@code EXTRSC = 0.3}): {measure, S.E.} for 00000 and 11111. */
    static final double[] LSAT_NONE_RIGHT = {-3.23, 1.93};
    static final double[] LSAT_ALL_RIGHT = {3.24, 1.94};

    // ---- Knox Cube Test ----

    /** Children 1..35 in rpf's order (Richard, Tracie, …, Helen), responses to tapping items 1..18. */
    static final String[] KCT = {
            "111111100000000000", "111111111100000000", "111111111001000000", "111100101000000000",
            "111111111100000000", "111111111100000000", "111111111111101000", "111111111100000000",
            "111111111100000000", "111111111110000000", "111011111000000000", "111110101100000000",
            "111110011111000000", "111111111110000000", "111111111111100000", "111111111010000000",
            "111101111100000000", "111111111100100000", "111111111000000000", "111111111100100000",
            "111111111110100000", "111111111111000000", "111111111100110000", "111111111110100110",
            "111011000000000000", "111111111100000000", "111111100000000000", "111111111010000000",
            "111111001110010000", "111111111000000000", "111111111100000000", "111111111110000000",
            "111100100100000000", "111111111101010000", "111000000000000000"};

    /** Winsteps 3.73 item measures of the 14 estimated items 4..17 (kct.items MEASURE). */
    static final double[] KCT_ITEM_MEASURES = {
            -4.40, -3.83, -3.38, -3.83, -2.35, -3.38, -1.57, .79, 2.24, 1.95, 3.37, 4.80, 4.80, 4.80};

    private static Fit fit(List<Observation> observations) {
        Fit fit = ManyFacetRasch.fit(observations, 0, 1, Options.defaults());
        assertThat(fit.estimated()).isTrue();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.categories().get(1).threshold()).isCloseTo(0.0, within(1e-9));
        return fit;
    }

    private static void assertFitStatistic(Double actual, double published, String what) {
        assertThat(actual).as(what).isCloseTo(published, within(Math.max(0.01, 0.01 * published)));
    }

    @Test
    void reproducesWinstepsOnTheLsatSection6() {
        List<Observation> observations = new ArrayList<>();
        List<Integer> firstExamineeOf = new ArrayList<>();
        int examinee = 0;
        for (String[] pattern : LSAT_PATTERNS) {
            firstExamineeOf.add(examinee + 1);
            for (int copy = 0; copy < Integer.parseInt(pattern[1]); copy++) {
                examinee++;
                for (int item = 1; item <= 5; item++) {
                    observations.add(new Observation(examinee, CRITERION, item, pattern[0].charAt(item - 1) - '0'));
                }
            }
        }
        assertThat(examinee).isEqualTo(1000);
        Fit fit = fit(observations);

        for (double[] ref : LSAT_ITEMS) {
            Element item = fit.raters().get((int) ref[0]).element();
            assertThat(item.status()).isEqualTo(Status.FITTED);
            assertThat(item.measure()).as("measure of item %s", (int) ref[0]).isCloseTo(ref[1], within(0.01));
            assertThat(item.standardError()).as("S.E. of item %s", (int) ref[0]).isCloseTo(ref[2], within(0.01));
            assertFitStatistic(item.infit(), ref[3], "infit of item " + (int) ref[0]);
            assertFitStatistic(item.outfit(), ref[4], "outfit of item " + (int) ref[0]);
        }
        assertThat(fit.raters().values()).extracting(r -> r.element().rawScore())
                .containsExactly(924L, 709L, 553L, 763L, 870L);

        for (int p = 0; p < LSAT_PATTERNS.length; p++) {
            String pattern = LSAT_PATTERNS[p][0];
            Element person = fit.candidates().get(firstExamineeOf.get(p));
            int published = List.of(LSAT_PERSON_PATTERNS).indexOf(pattern);
            if (published < 0) {
                double[] ref = pattern.equals("00000") ? LSAT_NONE_RIGHT : LSAT_ALL_RIGHT;
                assertThat(person.status()).isEqualTo(
                        pattern.equals("00000") ? Status.EXTREME_MINIMUM : Status.EXTREME_MAXIMUM);
                assertThat(person.measure()).as("measure of %s", pattern).isCloseTo(ref[0], within(0.01));
                assertThat(person.standardError()).as("S.E. of %s", pattern).isCloseTo(ref[1], within(0.01));
                continue;
            }
            double[] ref = LSAT_PERSONS[published];
            assertThat(person.status()).isEqualTo(Status.FITTED);
            assertThat(person.measure()).as("measure of %s", pattern).isCloseTo(ref[0], within(0.01));
            assertThat(person.standardError()).as("S.E. of %s", pattern).isCloseTo(ref[1], within(0.01));
            assertFitStatistic(person.infit(), ref[2], "infit of " + pattern);
            assertFitStatistic(person.outfit(), ref[3], "outfit of " + pattern);
        }
    }

    @Test
    void matchesWinstepsOnTheKnoxCubeTestUpToItsUnconvergedScale() {
        List<Observation> observations = new ArrayList<>();
        for (int child = 1; child <= KCT.length; child++) {
            for (int item = 1; item <= 18; item++) {
                observations.add(new Observation(child, CRITERION, item, KCT[child - 1].charAt(item - 1) - '0'));
            }
        }
        Fit fit = fit(observations);

        for (int item = 1; item <= 18; item++) {
            Status expected = item <= 3 ? Status.EXTREME_MAXIMUM
                    : item == 18 ? Status.EXTREME_MINIMUM : Status.FITTED;
            assertThat(fit.raters().get(item).element().status()).as("item %s", item).isEqualTo(expected);
        }
        for (int child = 1; child <= 35; child++) {
            assertThat(fit.candidates().get(child).status()).as("child %s", child)
                    .isEqualTo(child == 35 ? Status.EXTREME_MINIMUM : Status.FITTED);
        }

        double[] ours = new double[KCT_ITEM_MEASURES.length];
        double cross = 0;
        double square = 0;
        for (int k = 0; k < ours.length; k++) {
            ours[k] = fit.raters().get(k + 4).element().measure();
            cross += ours[k] * KCT_ITEM_MEASURES[k];
            square += KCT_ITEM_MEASURES[k] * KCT_ITEM_MEASURES[k];
        }
        double scale = cross / square;
        assertThat(scale).as("converged spread relative to Winsteps 3.73's").isBetween(1.02, 1.05);
        for (int k = 0; k < ours.length; k++) {
            assertThat(ours[k]).as("measure of item %s", k + 4)
                    .isCloseTo(scale * KCT_ITEM_MEASURES[k], within(0.015));
        }
    }
}
