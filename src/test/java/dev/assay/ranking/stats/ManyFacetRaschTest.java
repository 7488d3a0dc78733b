package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.ManyFacetRasch.Category;
import dev.assay.ranking.stats.ManyFacetRasch.CentralTendency;
import dev.assay.ranking.stats.ManyFacetRasch.Element;
import dev.assay.ranking.stats.ManyFacetRasch.Fit;
import dev.assay.ranking.stats.ManyFacetRasch.Observation;
import dev.assay.ranking.stats.ManyFacetRasch.Options;
import dev.assay.ranking.stats.ManyFacetRasch.Rater;
import dev.assay.ranking.stats.ManyFacetRasch.Separation;
import dev.assay.ranking.stats.ManyFacetRasch.Status;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The many-facet Rasch fit against an independent computation and against simulated panels.
 *
 * <p>Published reference values (Winsteps' JMLE output for the LSAT and Knox Cube data) are compared in
 * {@code ManyFacetRaschPublishedTest}. Guilford's (1954) creativity ratings with the Facets output in Linacre's
 * manual, the usual many-facet anchor, could not be retrieved when this was written.
 *
 * <p>Here: (1) every number for the fixed panel below (measures, S.E.s, infit/outfit and ZSTD, fair averages,
 * thresholds, separation, central-tendency counts, the bias correction) was computed by
 * {@code docs/validation/rasch.py}, which maximises the joint likelihood with SciPy's trust-region optimiser over
 * free parameters (not the Java's Newton/Schur scheme) and recomputes every statistic from its definition; they
 * are compared to 1e-6. (2) Simulated panels with known parameters check recovery, the flags for an erratic and a
 * central-tendency rater, and that the (L − 1)/L correction removes JMLE's outward bias.
 */
class ManyFacetRaschTest {

    /**
     * {candidate, rater, criterion, level, criterion, level, …} on levels 1..5; identical to {@code PANEL} in
     * rasch.py. Candidate 10 has one rating, 11 is all 5s and 12 all 1s; candidates 20 and 21 are rated only by
     * raters 201 and 202.
     */
    static final int[][] PANEL = {
            {1, 102, 11, 4, 12, 4, 13, 2, 14, 3}, {1, 103, 11, 3, 12, 4, 13, 3, 14, 1},
            {2, 103, 11, 4, 12, 3, 13, 1, 14, 3}, {2, 104, 11, 4, 12, 2, 13, 3, 14, 1},
            {3, 104, 11, 4, 12, 2, 13, 2, 14, 2}, {3, 101, 11, 5, 12, 3, 13, 3, 14, 3},
            {4, 101, 11, 4, 12, 2, 13, 1, 14, 1}, {4, 102, 11, 2, 12, 1, 13, 1, 14, 1},
            {5, 102, 11, 3, 12, 3, 13, 4, 14, 3}, {5, 103, 11, 4, 12, 4, 13, 3, 14, 3},
            {6, 103, 11, 3, 12, 2, 13, 1, 14, 1}, {6, 104, 11, 3, 12, 3, 13, 2, 14, 2},
            {7, 104, 11, 4, 12, 3, 13, 1, 14, 2}, {7, 101, 11, 2, 12, 3, 13, 3, 14, 2},
            {8, 101, 11, 5, 12, 4, 13, 4, 14, 4}, {8, 102, 11, 3, 12, 4, 13, 2, 14, 3},
            {9, 102, 11, 1, 12, 1, 13, 2, 14, 1}, {9, 103, 11, 3, 12, 1, 13, 1, 14, 1},
            {10, 103, 12, 3},
            {11, 101, 11, 5, 12, 5, 13, 5, 14, 5}, {11, 102, 11, 5, 12, 5, 13, 5, 14, 5},
            {12, 103, 11, 1, 12, 1, 13, 1, 14, 1}, {12, 104, 11, 1, 12, 1, 13, 1, 14, 1},
            {20, 201, 11, 4, 12, 1, 13, 2, 14, 3}, {20, 202, 11, 4, 12, 3, 13, 4, 14, 3},
            {21, 201, 11, 2, 12, 2, 13, 3, 14, 1}, {21, 202, 11, 2, 12, 1, 13, 5, 14, 3}};

    // ---- Reference values printed by docs/validation/rasch.py ("panel, levels 1..5") ----

    /** {id, measure, S.E., fair average, infit, outfit, infit ZSTD, outfit ZSTD}. */
    static final double[][] CANDIDATES = {
            {1, 0.5005055443, 0.5224136194, 3.4051808166, 1.4105926483, 1.4086198215, 0.8990951406, 0.8890280277},
            {2, -0.8423464687, 0.5032828472, 2.8451224948, 1.5109446546, 1.4564024643, 1.1281148322, 1.0222142627},
            {3, -1.1543176004, 0.5277534948, 2.6916535784, 0.6341877693, 0.8089766735, -0.6987300995, -0.2409846326},
            {4, -3.9146188094, 0.6339323407, 1.2982488623, 0.5670660000, 0.4460816095, -0.6967127558, -0.3183390251},
            {5, 1.3942329532, 0.5696743361, 3.7203860097, 0.8447993363, 0.9220361509, -0.1152779376, 0.0324034783},
            {6, -1.8785189865, 0.5244859117, 2.2862800123, 0.2033503706, 0.2243213313, -2.4248288382, -2.1850563978},
            {7, -2.2231813142, 0.5125018722, 2.0783250407, 1.3178012693, 1.6556768169, 0.7733527418, 1.3087421924},
            {8, 1.0527377289, 0.5912374109, 3.6057123047, 0.8073958676, 0.8218954846, -0.2098365119, -0.2010709039},
            {9, -3.4032489379, 0.7045303388, 1.4662493009, 1.3529829816, 2.0006353527, 0.7147922094, 1.0996724430},
            {10, -0.1066608194, 1.5128140232, 3.1663791079, 0.0000000000, 0.0000000000, -1.3783694091, -1.3783694091}};
    static final double[][] CRITERIA = {
            {11, -1.9979184693, 0.3842111060, 3.6673299917, 1.5831710638, 1.6980227620, 1.5896742229, 1.8126107729},
            {12, -0.3081930389, 0.3566239828, 3.0194285729, 0.6745610035, 0.6709966118, -0.9944597854, -0.9346474347},
            {13, 1.0188209990, 0.3651529204, 2.3428932048, 0.7159744080, 1.2020364407, -0.8033795943, 0.5502612209},
            {14, 1.2872905093, 0.3678523151, 2.1819952421, 0.9226472547, 0.7226202427, -0.1168729398, -0.3962382640}};
    static final double[][] RATERS = {
            {101, -1.5446266610, 0.3937720291, 3.5089155585, 0.9480676868, 1.1081823095, -0.0279924921, 0.4111740866},
            {102, 0.9946610285, 0.3825610793, 2.3571406943, 1.1586044633, 1.5108428762, 0.5376283629, 0.9710456645},
            {103, 0.7024617258, 0.3438788536, 2.5246106854, 0.9290468198, 0.8010140910, -0.1190435469, -0.4255005388},
            {104, -0.1524960933, 0.3583218490, 2.9509251670, 0.8126858660, 0.8242559534, -0.5126884454, -0.4585186707}};
    /** {id, measure, S.E., fair average} of the extreme candidates (score moved 0.3 inwards). */
    static final double[][] EXTREMES = {
            {11, 8.1145303075, 1.9170596057, 4.9845772563},
            {12, -6.7126676666, 1.8550614464, 1.0197730362}};
    /** {rater, ratings in the middle levels 2–4, expected such ratings, z}. */
    static final double[][] CENTRAL = {
            {101, 12, 12.9051220492, -0.6987610678},
            {102, 14, 13.0546498958, 0.7375718261},
            {103, 14, 15.1839873913, -0.8000419479},
            {104, 14, 12.8562406638, 0.8212128950}};
    /** Thresholds into levels 2..5 and their S.E.s. */
    static final double[] THRESHOLDS = {-2.7941624453, -1.8190428789, 0.6562057881, 3.9569995360};
    static final double[] THRESHOLD_SES = {0.4065102064, 0.3519712295, 0.3846867537, 0.8447322010};
    /** {elements, RMSE, true SD, separation, reliability} for candidates, criteria, raters. */
    static final double[][] SEPARATION = {
            {10, 0.7213464501, 1.5603327499, 2.1630837023, 0.8239105244},
            {4, 0.3685955846, 1.2488317964, 3.3880812695, 0.9198659819},
            {4, 0.3701542259, 0.9143129954, 2.4700866056, 0.8591812654}};
    /** (L − 1)/L with L = 73 estimated ratings / 10 estimated candidates. */
    static final double BIAS_FACTOR = 0.863013698630;
    /** {id, corrected measure, corrected S.E.}. */
    static final double[][] CORRECTED_CANDIDATES = {
            {1, 0.4546298028, 0.4899086366}, {2, -0.7277725035, 0.4766531467}, {3, -0.9815213921, 0.4951594915},
            {4, -3.4594855788, 0.6025005399}, {5, 1.2285336687, 0.5275029778}, {6, -1.6607357198, 0.4975909189},
            {7, -1.9293264783, 0.4842546766}, {8, 0.9408828742, 0.5514475722}, {9, -3.0510027825, 0.6736808557},
            {10, -0.0639789430, 1.3974507714}, {11, 7.3534094539, 1.9028419505}, {12, -6.1573588263, 1.8426601909}};
    static final double[][] CORRECTED_CRITERIA = {
            {11, -1.7242310078, 0.3315794477}, {12, -0.2659748144, 0.3077713824}, {13, 0.8792564786, 0.3151319724},
            {14, 1.1109493436, 0.3174615870}};
    static final double[][] CORRECTED_RATERS = {
            {101, -1.3330339677, 0.3398306553}, {102, 0.8584060931, 0.3301554520}, {103, 0.6062340921, 0.2967721613},
            {104, -0.1316062175, 0.3092366642}};
    static final double[] CORRECTED_THRESHOLDS = {-2.4114004665, -1.5698589229, 0.5663145843, 3.4149448051};
    /** Fair averages of the same panel recoded 3→4, 4→5, 5→6 on a 1..6 scale ("panel recoded to 1,2,4,5,6"). */
    static final double[][] RECODED_FAIR_CANDIDATES = {{1, 4.3538078402}, {2, 3.5853366313}, {3, 3.3463497092},
            {4, 1.3279045286}, {5, 4.7079888907}, {6, 2.7070480613}, {7, 2.3889397234}, {8, 4.5836986068},
            {9, 1.5347183115}, {10, 4.0507775875}, {11, 5.9845772559}, {12, 1.0199191213}};
    static final double[][] RECODED_FAIR_CRITERIA = {{11, 4.6510094689}, {12, 3.8454730388}, {13, 2.7953571335},
            {14, 2.5461618023}};
    static final double[][] RECODED_FAIR_RATERS = {{101, 4.4750371552}, {102, 2.8176731375}, {103, 3.0819508702},
            {104, 3.7451180793}};

    /** Converged far beyond the 1e-6 comparisons. */
    static final Options TIGHT = Options.defaults().withConvergence(1e-10, 1e-11);

    static List<Observation> panel(IntUnaryOperator recode) {
        List<Observation> out = new ArrayList<>();
        for (int[] row : PANEL) {
            for (int k = 2; k < row.length; k += 2) {
                out.add(new Observation(row[0], row[k], row[1], recode.applyAsInt(row[k + 1])));
            }
        }
        return out;
    }

    static List<Observation> panel() {
        return panel(x -> x);
    }

    private static void checkElement(Element e, double[] ref) {
        assertThat(e.measure()).as("measure of %s", e.id()).isCloseTo(ref[1], within(1e-6));
        assertThat(e.standardError()).as("S.E. of %s", e.id()).isCloseTo(ref[2], within(1e-6));
        assertThat(e.fairAverage()).as("fair average of %s", e.id()).isCloseTo(ref[3], within(1e-6));
        assertThat(e.infit()).as("infit of %s", e.id()).isCloseTo(ref[4], within(1e-6));
        assertThat(e.outfit()).as("outfit of %s", e.id()).isCloseTo(ref[5], within(1e-6));
        assertThat(e.infitZstd()).as("infit ZSTD of %s", e.id()).isCloseTo(ref[6], within(1e-6));
        assertThat(e.outfitZstd()).as("outfit ZSTD of %s", e.id()).isCloseTo(ref[7], within(1e-6));
    }

    private static void checkMeasures(Fit fit) {
        for (double[] ref : CANDIDATES) {
            assertThat(fit.candidates().get((int) ref[0]).measure()).isCloseTo(ref[1], within(1e-6));
        }
        for (double[] ref : CRITERIA) {
            assertThat(fit.criteria().get((int) ref[0]).measure()).isCloseTo(ref[1], within(1e-6));
        }
        for (double[] ref : RATERS) {
            assertThat(fit.raters().get((int) ref[0]).element().measure()).isCloseTo(ref[1], within(1e-6));
        }
    }

    /** Every Double in the fit, however deeply nested, is null or finite: a page never shows NaN. */
    static void assertNoNaN(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof Double d) {
            assertThat(Double.isFinite(d)).as(path + " = " + d).isTrue();
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> assertNoNaN(v, path + "[" + k + "]"));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object v : items) {
                assertNoNaN(v, path + "[" + i++ + "]");
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                try {
                    assertNoNaN(rc.getAccessor().invoke(value), path + "." + rc.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void reproducesTheIndependentJointLikelihoodFitOfThePanel() {
        Fit fit = ManyFacetRasch.fit(panel(), 1, 5, TIGHT);
        assertThat(fit.estimated()).isTrue();
        assertThat(fit.converged()).isTrue();
        for (double[] ref : CANDIDATES) {
            Element e = fit.candidates().get((int) ref[0]);
            assertThat(e.status()).isEqualTo(Status.FITTED);
            checkElement(e, ref);
        }
        for (double[] ref : CRITERIA) {
            checkElement(fit.criteria().get((int) ref[0]), ref);
        }
        for (double[] ref : RATERS) {
            checkElement(fit.raters().get((int) ref[0]).element(), ref);
        }
        for (double[] ref : CENTRAL) {
            CentralTendency central = fit.raters().get((int) ref[0]).centralTendency();
            assertThat(central.observedMiddle()).isEqualTo((int) ref[1]);
            assertThat(central.expectedMiddle()).isCloseTo(ref[2], within(1e-6));
            assertThat(central.z()).isCloseTo(ref[3], within(1e-6));
            assertThat(central.flagged()).isFalse();
        }
        List<Category> categories = fit.categories();
        assertThat(categories).extracting(Category::level).containsExactly(1, 2, 3, 4, 5);
        assertThat(categories).extracting(Category::count).containsExactly(25, 15, 24, 15, 10);
        assertThat(categories.get(0).threshold()).isNull();
        for (int k = 1; k <= 4; k++) {
            assertThat(categories.get(k).threshold()).isCloseTo(THRESHOLDS[k - 1], within(1e-6));
            assertThat(categories.get(k).thresholdSe()).isCloseTo(THRESHOLD_SES[k - 1], within(1e-6));
        }
        Separation[] separations = {fit.candidateSeparation(), fit.criterionSeparation(), fit.raterSeparation()};
        for (int f = 0; f < 3; f++) {
            assertThat(separations[f].elements()).isEqualTo((int) SEPARATION[f][0]);
            assertThat(separations[f].rmse()).isCloseTo(SEPARATION[f][1], within(1e-6));
            assertThat(separations[f].trueSd()).isCloseTo(SEPARATION[f][2], within(1e-6));
            assertThat(separations[f].separation()).isCloseTo(SEPARATION[f][3], within(1e-6));
            assertThat(separations[f].reliability()).isCloseTo(SEPARATION[f][4], within(1e-6));
        }
        // Raw statistics are on the original levels: candidate 1 scored 4+4+2+3+3+4+3+1.
        Element first = fit.candidates().get(1);
        assertThat(first.rawScore()).isEqualTo(24);
        assertThat(first.count()).isEqualTo(8);
        assertThat(first.observedAverage()).isCloseTo(3.0, within(1e-12));
        // Rater 102's outfit 1.51 crosses 1.5; the others fit.
        assertThat(fit.raters().get(102).reading()).isEqualTo("erratic (noisy)");
        assertThat(fit.raters().get(101).reading()).isEqualTo("fits");
        assertNoNaN(fit, "fit");
    }

    @Test
    void extremeCandidatesAreMeasuredWithTheAdjustedScoreAndHaveNoFit() {
        Fit fit = ManyFacetRasch.fit(panel(), 1, 5, TIGHT);
        assertThat(fit.candidates().get(11).status()).isEqualTo(Status.EXTREME_MAXIMUM);
        assertThat(fit.candidates().get(12).status()).isEqualTo(Status.EXTREME_MINIMUM);
        for (double[] ref : EXTREMES) {
            Element e = fit.candidates().get((int) ref[0]);
            assertThat(e.extreme()).isTrue();
            assertThat(e.measure()).isCloseTo(ref[1], within(1e-6));
            assertThat(e.standardError()).isCloseTo(ref[2], within(1e-6));
            assertThat(e.fairAverage()).isCloseTo(ref[3], within(1e-6));
            assertThat(e.infit()).isNull();
            assertThat(e.outfit()).isNull();
            assertThat(e.infitZstd()).isNull();
        }
        // Extreme candidates are left out of the candidates' separation (10 of the 12 measured).
        assertThat(fit.candidateSeparation().elements()).isEqualTo(10);
        // A single rating fits exactly: the measure solves E = x, so both mean-squares are 0.
        Element single = fit.candidates().get(10);
        assertThat(single.count()).isEqualTo(1);
        assertThat(single.status()).isEqualTo(Status.FITTED);
        assertThat(single.infit()).isCloseTo(0, within(1e-9));
    }

    @Test
    void biasCorrectionMatchesTheIndependentComputation() {
        Fit fit = ManyFacetRasch.fit(panel(), 1, 5, TIGHT.withBiasCorrection(true));
        assertThat(fit.biasCorrectionFactor()).isCloseTo(BIAS_FACTOR, within(1e-10));
        for (double[] ref : CORRECTED_CANDIDATES) {
            Element e = fit.candidates().get((int) ref[0]);
            assertThat(e.correctedMeasure()).isCloseTo(ref[1], within(1e-6));
            assertThat(e.correctedStandardError()).isCloseTo(ref[2], within(1e-6));
        }
        for (double[] ref : CORRECTED_CRITERIA) {
            Element e = fit.criteria().get((int) ref[0]);
            assertThat(e.correctedMeasure()).isCloseTo(ref[1], within(1e-6));
            assertThat(e.correctedStandardError()).isCloseTo(ref[2], within(1e-6));
        }
        for (double[] ref : CORRECTED_RATERS) {
            Element e = fit.raters().get((int) ref[0]).element();
            assertThat(e.correctedMeasure()).isCloseTo(ref[1], within(1e-6));
            assertThat(e.correctedStandardError()).isCloseTo(ref[2], within(1e-6));
        }
        for (int k = 1; k <= 4; k++) {
            assertThat(fit.categories().get(k).correctedThreshold()).isCloseTo(CORRECTED_THRESHOLDS[k - 1],
                    within(1e-6));
        }
        // The uncorrected estimates stay available and unchanged.
        checkMeasures(fit);
        // Off by default.
        Fit plain = ManyFacetRasch.fit(panel(), 1, 5, TIGHT);
        assertThat(plain.biasCorrectionFactor()).isNull();
        assertThat(plain.candidates().get(1).correctedMeasure()).isNull();
    }

    @Test
    void unusedLevelsAreLeftOutOfTheScaleAndSaidSo() {
        // The same ratings on 0..6: levels 0 and 6 unused at the ends, identical measures.
        Fit wide = ManyFacetRasch.fit(panel(), 0, 6, TIGHT);
        checkMeasures(wide);
        assertThat(wide.notes()).anyMatch(n -> n.startsWith("Level(s) 0, 6 were never used"));
        assertThat(wide.categories().get(0).inModel()).isFalse();
        assertThat(wide.categories().get(6).inModel()).isFalse();
        assertThat(wide.categories().get(6).threshold()).isNull();
        // Recoded 3→4, 4→5, 5→6 on 1..6: level 3 unused in the middle. Same measures (the levels in use are
        // renumbered in order), fair averages on the original levels (rasch.py, "panel recoded to 1,2,4,5,6").
        Fit gap = ManyFacetRasch.fit(panel(x -> x >= 3 ? x + 1 : x), 1, 6, TIGHT);
        checkMeasures(gap);
        assertThat(gap.notes()).anyMatch(n -> n.startsWith("Level(s) 3 were never used"));
        Category three = gap.categories().get(2);
        assertThat(three.level()).isEqualTo(3);
        assertThat(three.inModel()).isFalse();
        assertThat(three.count()).isZero();
        assertThat(three.threshold()).isNull();
        assertThat(gap.categories().get(3).threshold()).isCloseTo(THRESHOLDS[1], within(1e-6));
        for (double[] ref : RECODED_FAIR_CANDIDATES) {
            assertThat(gap.candidates().get((int) ref[0]).fairAverage()).isCloseTo(ref[1], within(1e-6));
        }
        for (double[] ref : RECODED_FAIR_CRITERIA) {
            assertThat(gap.criteria().get((int) ref[0]).fairAverage()).isCloseTo(ref[1], within(1e-6));
        }
        for (double[] ref : RECODED_FAIR_RATERS) {
            assertThat(gap.raters().get((int) ref[0]).element().fairAverage()).isCloseTo(ref[1], within(1e-6));
        }
        // A level used only by an extreme candidate (13: all 6s from raters 101 and 102) is left out of the scale;
        // the estimated ratings, hence the measures, are those of the panel, and 13 measures as 11 does.
        List<Observation> withTop = new ArrayList<>(panel());
        for (int r : new int[] {101, 102}) {
            for (int i = 11; i <= 14; i++) {
                withTop.add(new Observation(13, i, r, 6));
            }
        }
        Fit top = ManyFacetRasch.fit(withTop, 1, 6, TIGHT);
        checkMeasures(top);
        assertThat(top.notes()).anyMatch(n -> n.startsWith("Level(s) 6 were used only in ratings of elements"));
        assertThat(top.candidates().get(13).status()).isEqualTo(Status.EXTREME_MAXIMUM);
        assertThat(top.candidates().get(13).measure()).isCloseTo(EXTREMES[0][1], within(1e-6));
        assertNoNaN(wide, "wide");
        assertNoNaN(gap, "gap");
        assertNoNaN(top, "top");
    }

    @Test
    void ratersOutsideTheFittedPartAreNotMeasured() {
        Fit fit = ManyFacetRasch.fit(panel(), 1, 5, TIGHT);
        assertThat(fit.notes()).anyMatch(n -> n.startsWith("2 rater(s) share no candidates"));
        for (int id : new int[] {201, 202}) {
            Rater r = fit.raters().get(id);
            assertThat(r.element().status()).isEqualTo(Status.NOT_MEASURED);
            assertThat(r.element().measure()).isNull();
            assertThat(r.element().fairAverage()).isNull();
            assertThat(r.reading()).startsWith("not measured");
            assertThat(r.centralTendency()).isNull();
        }
        Element outside = fit.candidates().get(20);
        assertThat(outside.measured()).isFalse();
        assertThat(outside.count()).isEqualTo(8);
        assertThat(outside.observedAverage()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void fittedPartFollowsTheRaterEffectsRule() {
        // Two copies of the panel's main part with the same number of ratings and raters: the one holding the
        // smallest candidate id is fitted, and its measures are the panel's.
        List<Observation> twoCopies = new ArrayList<>();
        for (Observation o : panel()) {
            if (o.rater() < 200) {
                twoCopies.add(new Observation(o.candidate() + 300, o.criterion(), o.rater() + 3000, o.level()));
                twoCopies.add(o);
            }
        }
        Fit fit = ManyFacetRasch.fit(twoCopies, 1, 5, TIGHT);
        checkMeasures(fit);
        assertThat(fit.raters().get(3101).element().measured()).isFalse();
        // As many ratings but more raters wins over the smaller candidate id: in the copy at +300, rater 104's
        // ratings of candidates 6 and 7 go to a new rater 3105.
        List<Observation> moreRaters = new ArrayList<>();
        for (Observation o : panel()) {
            if (o.rater() < 200) {
                int r = o.rater() == 104 && (o.candidate() == 6 || o.candidate() == 7) ? 105 : o.rater();
                moreRaters.add(new Observation(o.candidate() + 300, o.criterion(), r + 3000, o.level()));
                moreRaters.add(o);
            }
        }
        Fit split = ManyFacetRasch.fit(moreRaters, 1, 5, TIGHT);
        assertThat(split.raters().get(3105).element().measured()).isTrue();
        assertThat(split.raters().get(101).element().measured()).isFalse();
        assertThat(split.candidates().get(1).measured()).isFalse();
    }

    @Test
    void elementsLinkedOnlyThroughExtremeScoresAreMeasuredAfterwards() {
        // Rater 105 rates only the extreme candidates 11 (5s) and 12 (1s): none of its ratings is estimated with
        // the rest, so it is measured afterwards; the jointly estimated measures are unchanged.
        List<Observation> ratings = new ArrayList<>(panel());
        for (int i = 11; i <= 14; i++) {
            ratings.add(new Observation(11, i, 105, 5));
            ratings.add(new Observation(12, i, 105, 1));
        }
        Fit fit = ManyFacetRasch.fit(ratings, 1, 5, TIGHT);
        checkMeasures(fit);
        Element linked = fit.raters().get(105).element();
        assertThat(linked.status()).isEqualTo(Status.LINKED_THROUGH_EXTREMES);
        assertThat(linked.measured()).isTrue();
        assertThat(linked.standardError()).isPositive();
        // A rater whose every rating is the top level is extreme itself.
        List<Observation> lenient = new ArrayList<>(panel());
        for (int i = 11; i <= 14; i++) {
            lenient.add(new Observation(30, i, 106, 5));
            lenient.add(new Observation(30, i, 101, 5));
        }
        Fit second = ManyFacetRasch.fit(lenient, 1, 5, TIGHT);
        Rater extreme = second.raters().get(106);
        assertThat(extreme.element().status()).isEqualTo(Status.EXTREME_MAXIMUM);
        assertThat(extreme.reading()).isEqualTo("every rating at the highest level in use: no fit to read");
        assertNoNaN(fit, "fit");
        assertNoNaN(second, "second");
    }

    /** Draws a rating 0..m from the model (its own sampler, independent of the estimator). */
    static int draw(SplittableRandom random, double eta, double[] thresholds) {
        double[] weight = new double[thresholds.length + 1];
        double sum = 0;
        double cumulative = 0;
        for (int k = 0; k <= thresholds.length; k++) {
            cumulative += k == 0 ? 0 : thresholds[k - 1];
            weight[k] = Math.exp(k * eta - cumulative);
            sum += weight[k];
        }
        double u = random.nextDouble() * sum;
        int k = 0;
        while (k < thresholds.length && (u -= weight[k]) > 0) {
            k++;
        }
        return k;
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void recoversSimulatedParametersAndFlagsAnErraticAndACentralTendencyRater() {
        // 300 candidates, 6 criteria, 2 of 8 raters each, levels 1..5. Raters 1–6 follow the model; rater 7 gives
        // a uniformly random level half the time; rater 8 gives the middle level 70% of the time and otherwise the
        // model's rating clamped to levels 2–4. Seed fixed; the margins were checked over five seeds (worst rater
        // error 0.16, criterion 0.20, candidate correlation at least 0.88).
        SplittableRandom random = new SplittableRandom(1);
        double[] thresholds = {-2, -0.7, 0.7, 2};
        double[] difficulty = {-0.8, -0.4, 0, 0.2, 0.4, 0.6};
        double[] severity = {-0.6, -0.3, 0, 0.3, 0.6, -0.2, 0, 0};
        double[] ability = new double[300];
        List<Observation> ratings = new ArrayList<>();
        for (int n = 0; n < ability.length; n++) {
            ability[n] = gaussian(random);
            int first = random.nextInt(8);
            int second = (first + 1 + random.nextInt(7)) % 8;
            for (int r : new int[] {first, second}) {
                for (int i = 0; i < difficulty.length; i++) {
                    int x = draw(random, ability[n] - difficulty[i] - severity[r], thresholds);
                    if (r == 6 && random.nextDouble() < 0.5) {
                        x = random.nextInt(5);
                    }
                    if (r == 7) {
                        x = random.nextDouble() < 0.7 ? 2 : Math.max(1, Math.min(3, x));
                    }
                    ratings.add(new Observation(n + 1, i + 1, r + 1, x + 1));
                }
            }
        }
        Fit fit = ManyFacetRasch.fit(ratings, 1, 5, Options.defaults());
        assertThat(fit.converged()).isTrue();
        // Severities of the model-following raters, relative to their own mean.
        double estimatedMean = 0;
        double trueMean = 0;
        for (int r = 0; r < 6; r++) {
            estimatedMean += fit.raters().get(r + 1).element().measure() / 6;
            trueMean += severity[r] / 6;
        }
        for (int r = 0; r < 6; r++) {
            Rater rater = fit.raters().get(r + 1);
            assertThat(rater.element().measure() - estimatedMean).isCloseTo(severity[r] - trueMean, within(0.25));
            assertThat(rater.reading()).isEqualTo("fits");
        }
        double meanDifficulty = 0;
        for (double d : difficulty) {
            meanDifficulty += d / difficulty.length;
        }
        for (int i = 0; i < difficulty.length; i++) {
            assertThat(fit.criteria().get(i + 1).measure()).isCloseTo(difficulty[i] - meanDifficulty, within(0.3));
        }
        double[] estimated = new double[ability.length];
        for (int n = 0; n < ability.length; n++) {
            estimated[n] = fit.candidates().get(n + 1).measure();
        }
        assertThat(correlation(estimated, ability)).isGreaterThan(0.85);
        Rater erratic = fit.raters().get(7);
        assertThat(erratic.erratic()).isTrue();
        assertThat(erratic.element().infit()).isGreaterThan(1.5);
        assertThat(erratic.reading()).isEqualTo("erratic (noisy)");
        Rater central = fit.raters().get(8);
        assertThat(central.tooPredictable()).isTrue();
        assertThat(central.element().infit()).isLessThan(0.5);
        assertThat(central.centralTendency().flagged()).isTrue();
        assertThat(central.centralTendency().z()).isGreaterThan(3);
        assertThat(central.reading()).isEqualTo("too predictable: may be halo or central tendency; uses the middle "
                + "levels far more than the model expects (central tendency)");
        assertNoNaN(fit, "fit");
    }

    @Test
    void biasCorrectionRemovesJmlesOutwardBiasWhenCandidatesHaveFewRatings() {
        // 3,000 candidates, each rated by both raters on 3 criteria (L = 6), levels 0..2. JMLE spreads the
        // criteria and raters out by about L/(L − 1) = 1.2 (Wright & Douglas 1977); (L − 1)/L brings them back.
        SplittableRandom random = new SplittableRandom(1);
        double[] thresholds = {-1, 1};
        double[] difficulty = {-1, 0, 1};
        double[] severity = {-0.5, 0.5};
        List<Observation> ratings = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            double ability = gaussian(random);
            for (int r = 0; r < 2; r++) {
                for (int i = 0; i < 3; i++) {
                    ratings.add(new Observation(n, i, r, draw(random, ability - difficulty[i] - severity[r],
                            thresholds)));
                }
            }
        }
        Fit fit = ManyFacetRasch.fit(ratings, 0, 2, Options.defaults().withBiasCorrection(true));
        assertThat(fit.biasCorrectionFactor()).isCloseTo(5.0 / 6, within(1e-12));
        for (int i : new int[] {0, 2}) {
            Element e = fit.criteria().get(i);
            assertThat(Math.abs(e.measure())).isGreaterThan(1.15);
            assertThat(e.correctedMeasure()).isCloseTo(difficulty[i], within(0.06));
        }
        for (int r = 0; r < 2; r++) {
            Element e = fit.raters().get(r).element();
            assertThat(Math.abs(e.measure())).isGreaterThan(0.57);
            assertThat(e.correctedMeasure()).isCloseTo(severity[r], within(0.04));
        }
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void separationIsNullWithFewerThanTwoElements() {
        // One criterion: its measure is 0 by the centring, and there is no spread to separate.
        SplittableRandom random = new SplittableRandom(7);
        List<Observation> ratings = new ArrayList<>();
        double[] thresholds = {-1.5, -0.5, 0.5, 1.5};
        for (int n = 0; n < 300; n++) {
            double ability = gaussian(random);
            for (int k = 0; k < 3; k++) {
                int r = (n + 2 * k) % 6;
                ratings.add(new Observation(n, 1, r, 1 + draw(random, ability - 0.3 * (r - 2.5), thresholds)));
            }
        }
        Fit fit = ManyFacetRasch.fit(ratings, 1, 5, Options.defaults());
        assertThat(fit.estimated()).isTrue();
        assertThat(fit.criteria().get(1).measure()).isCloseTo(0, within(1e-9));
        Separation criteria = fit.criterionSeparation();
        assertThat(criteria.elements()).isEqualTo(1);
        assertThat(criteria.separation()).isNull();
        assertThat(criteria.reliability()).isNull();
        assertThat(fit.raterSeparation().reliability()).isNotNull();
        assertNoNaN(fit, "fit");
    }

    @Test
    void designsThatCannotBeMeasuredSaySoWithoutNaN() {
        Fit empty = ManyFacetRasch.fit(List.of(), 1, 5, Options.defaults());
        assertThat(empty.estimated()).isFalse();
        assertThat(empty.notes()).containsExactly("No ratings yet.");
        Fit unlinked = ManyFacetRasch.fit(List.of(new Observation(1, 1, 1, 2), new Observation(2, 1, 2, 3)), 1, 5,
                Options.defaults());
        assertThat(unlinked.estimated()).isFalse();
        assertThat(unlinked.notes().get(0)).startsWith("No candidate was rated by two raters");
        assertThat(unlinked.candidates().get(1).measure()).isNull();
        assertThat(unlinked.candidates().get(1).observedAverage()).isCloseTo(2, within(1e-12));
        Fit flat = ManyFacetRasch.fit(List.of(new Observation(1, 1, 1, 3), new Observation(1, 1, 2, 3),
                new Observation(2, 1, 1, 3), new Observation(2, 1, 2, 3)), 1, 5, Options.defaults());
        assertThat(flat.estimated()).isFalse();
        assertThat(flat.notes()).anyMatch(n -> n.startsWith("All ratings (apart from those of elements with extreme"));
        Fit allExtreme = ManyFacetRasch.fit(List.of(new Observation(1, 1, 1, 5), new Observation(1, 1, 2, 5),
                new Observation(2, 1, 1, 1), new Observation(2, 1, 2, 1)), 1, 5, Options.defaults());
        assertThat(allExtreme.estimated()).isFalse();
        assertThat(allExtreme.notes()).anyMatch(n -> n.startsWith("Every candidate's ratings are all at"));
        // Criterion 12 alone: after the extremes are set aside, 13 ratings of 7 candidates with no finite maximum
        // of the likelihood (rasch.py's optimiser runs off too).
        List<Observation> sparse = new ArrayList<>();
        for (Observation o : panel()) {
            if (o.criterion() == 12 && o.candidate() < 20) {
                sparse.add(o);
            }
        }
        Fit divergent = ManyFacetRasch.fit(sparse, 1, 5, Options.defaults());
        assertThat(divergent.estimated()).isFalse();
        assertThat(divergent.notes()).anyMatch(n -> n.startsWith("The estimates run off to infinity"));
        for (Fit fit : List.of(empty, unlinked, flat, allExtreme, divergent)) {
            assertThat(fit.raters().values()).allMatch(r -> !r.element().measured());
            assertThat(fit.criterionSeparation().separation()).isNull();
            assertNoNaN(fit, "fit");
        }
    }

    @Test
    void saysWhenItHasNotConverged() {
        Fit fit = ManyFacetRasch.fit(panel(), 1, 5, Options.defaults().withMaxIterations(1));
        assertThat(fit.estimated()).isTrue();
        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isEqualTo(1);
        assertThat(fit.notes()).anyMatch(n -> n.startsWith("The estimates did not converge in 1 iterations"));
        assertNoNaN(fit, "fit");
        // The default criteria (score residual 0.001, change 0.0001 logits) land within 1e-3 of the tight fit.
        Fit defaults = ManyFacetRasch.fit(panel(), 1, 5, Options.defaults());
        assertThat(defaults.converged()).isTrue();
        assertThat(defaults.maxScoreResidual()).isLessThan(0.001);
        for (double[] ref : CANDIDATES) {
            assertThat(defaults.candidates().get((int) ref[0]).measure()).isCloseTo(ref[1], within(1e-3));
        }
    }

    @Test
    void arrayAndListInputsAgreeAndBadInputIsRefused() {
        List<Observation> list = panel();
        int n = list.size();
        int[] candidate = new int[n];
        int[] criterion = new int[n];
        int[] rater = new int[n];
        int[] level = new int[n];
        for (int o = 0; o < n; o++) {
            candidate[o] = list.get(o).candidate();
            criterion[o] = list.get(o).criterion();
            rater[o] = list.get(o).rater();
            level[o] = list.get(o).level();
        }
        Fit fromArrays = ManyFacetRasch.fit(candidate, criterion, rater, level, 1, 5, TIGHT);
        checkMeasures(fromArrays);
        assertThat(fromArrays).isEqualTo(ManyFacetRasch.fit(list, 1, 5, TIGHT));
        assertThatThrownBy(() -> ManyFacetRasch.fit(List.of(new Observation(1, 1, 1, 6)), 1, 5, TIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 1..5");
        assertThatThrownBy(() -> ManyFacetRasch.fit(new int[1], new int[1], new int[2], new int[1], 0, 1, TIGHT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManyFacetRasch.fit(List.of(), 3, 3, TIGHT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(10, 1e-3, 1e-4, 1.5, false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
