package dev.assay.ranking.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.ranking.stats.RaterEffects.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RaterEffectsTest {

    private static Observation obs(int candidate, int rater, double score) {
        return new Observation(candidate, 0, rater, score);
    }

    @Test
    void handComputedLinkedDesignRemovesTheHarshRatersOffset() {
        // Candidate 0 is scored by both raters (3 and 4): rater 1 scores one level higher than rater 0.
        // Candidate 1 only by rater 0 (2), candidate 2 only by rater 1 (5).
        RaterEffects.Fit fit = RaterEffects.fit(List.of(obs(0, 0, 3), obs(0, 1, 4), obs(1, 0, 2), obs(2, 1, 5)));
        assertThat(fit.severityEstimated()).isTrue();
        assertThat(fit.note()).isNull();
        assertThat(fit.severities().get(0).value()).isCloseTo(0.5, within(1e-8));
        assertThat(fit.severities().get(1).value()).isCloseTo(-0.5, within(1e-8));
        assertThat(fit.candidates().get(0).raw().value()).isCloseTo(3.5, within(1e-12));
        assertThat(fit.candidates().get(0).adjusted().value()).isCloseTo(3.5, within(1e-8));
        assertThat(fit.candidates().get(1).raw().value()).isCloseTo(2.0, within(1e-12));
        assertThat(fit.candidates().get(1).adjusted().value()).isCloseTo(2.5, within(1e-8));
        assertThat(fit.candidates().get(2).raw().value()).isCloseTo(5.0, within(1e-12));
        assertThat(fit.candidates().get(2).adjusted().value()).isCloseTo(4.5, within(1e-8));
    }

    @Test
    void reviewersWhoShareNoCandidatesFallBackToRawMeansAndSaySo() {
        RaterEffects.Fit fit = RaterEffects.fit(List.of(obs(0, 0, 3), obs(1, 0, 4), obs(2, 1, 2), obs(3, 1, 5)));
        assertThat(fit.severityEstimated()).isFalse();
        assertThat(fit.note()).contains("No candidate was scored by two reviewers").contains("raw means");
        assertThat(fit.severities()).isEmpty();
        assertThat(fit.candidates()).hasSize(4).allSatisfy((id, score) -> {
            assertThat(score.wasAdjusted()).isFalse();
            assertThat(score.adjusted()).isEqualTo(score.raw());
        });
    }

    @Test
    void aReviewerOutsideTheConnectedPartIsLeftUnadjusted() {
        RaterEffects.Fit fit = RaterEffects.fit(List.of(obs(0, 0, 3), obs(0, 1, 4), obs(1, 0, 2), obs(1, 1, 4),
                obs(5, 2, 1)));
        assertThat(fit.severityEstimated()).isTrue();
        assertThat(fit.severities()).containsOnlyKeys(0, 1);
        assertThat(fit.note()).startsWith("1 reviewer(s) share no candidates");
        assertThat(fit.candidates().get(5).wasAdjusted()).isFalse();
        assertThat(fit.candidates().get(5).adjusted().value()).isEqualTo(1.0);
        assertThat(fit.candidates().get(0).wasAdjusted()).isTrue();
    }

    @Test
    void fitsTheLargestPartThatHasTwoReviewersEvenWhenALoneReviewerHasMoreScores() {
        // (candidate, criterion, reviewer, level): reviewer 0 alone scored three candidates; reviewers 1 and 2
        // share candidate 3. Only the second part can estimate severity.
        RaterEffects.Fit fit = RaterEffects.fit(List.of(new Observation(0, 0, 0, 3), new Observation(1, 0, 0, 4),
                new Observation(2, 0, 0, 2), new Observation(3, 0, 1, 3), new Observation(3, 0, 2, 4)));
        assertThat(fit.severityEstimated()).isTrue();
        assertThat(fit.severities()).containsOnlyKeys(1, 2);
        assertThat(fit.severities().get(1).value()).isCloseTo(0.5, within(1e-9));
        assertThat(fit.severities().get(2).value()).isCloseTo(-0.5, within(1e-9));
        assertThat(fit.note()).startsWith("1 reviewer(s) share no candidates with the reviewers compared");
        assertThat(fit.candidates().get(0).wasAdjusted()).isFalse();
        assertThat(fit.candidates().get(3).wasAdjusted()).isTrue();
    }

    @Test
    void aScoreThatIsNotANumberIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RaterEffects.fit(List.of(obs(0, 0, 3),
                obs(0, 1, Double.NaN)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    @Test
    void betweenEqualPartsTheChoiceDoesNotDependOnTheOrderOfTheScores() {
        // Two parts of four scores and two reviewers each; the one holding the smallest candidate id (2) wins.
        List<Observation> data = new ArrayList<>(List.of(obs(7, 5, 3), obs(7, 6, 4), obs(9, 5, 2), obs(9, 6, 2),
                obs(2, 0, 1), obs(2, 1, 3), obs(4, 0, 4), obs(4, 1, 5)));
        for (int seed = 0; seed < 20; seed++) {
            java.util.Collections.shuffle(data, new java.util.Random(seed));
            RaterEffects.Fit fit = RaterEffects.fit(data);
            assertThat(fit.severities()).as("order " + seed).containsOnlyKeys(0, 1);
        }
        // A part with more reviewers wins a tie on scores.
        RaterEffects.Fit fit = RaterEffects.fit(List.of(obs(1, 0, 3), obs(1, 1, 4), obs(2, 0, 3), obs(2, 1, 4),
                obs(5, 7, 1), obs(5, 8, 2), obs(6, 8, 1), obs(6, 9, 2)));
        assertThat(fit.severities()).containsOnlyKeys(7, 8, 9);
    }

    @Test
    void severityStandardErrorsAreTheExactLeastSquaresOnes() {
        SplittableRandom random = new SplittableRandom(11);
        int candidates = 30;
        int criteria = 3;
        int raters = 5;
        List<Observation> data = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            for (int r = 0; r < raters; r++) {
                if (r == i % raters || r == (i + 1) % raters || random.nextDouble() < 0.15) {
                    for (int c = 0; c < criteria; c++) {
                        if (random.nextDouble() < 0.9) {
                            data.add(new Observation(i, c, r, 1 + random.nextInt(5)));
                        }
                    }
                }
            }
        }
        RaterEffects.Fit fit = RaterEffects.fit(data);
        double[] se = denseRaterStandardErrors(data, candidates, criteria, raters);
        for (int r = 0; r < raters; r++) {
            assertThat(fit.severities().get(r).standardError()).as("rater " + r).isCloseTo(se[r], within(1e-9));
        }
    }

    @Test
    void ninetyFivePercentSeverityIntervalsCoverTheTruthNinetyFivePercentOfTheTime() {
        // 400 candidates, 12 reviewers, two reviewers each on 4 criteria; true severities spread over ±0.6.
        // With σ/√n the intervals covered about 85%; the exact errors must bring this to 95% (±2 points
        // for 100 panels × 12 reviewers).
        SplittableRandom random = new SplittableRandom(16);
        int raters = 12;
        int covered = 0;
        int intervals = 0;
        for (int panel = 0; panel < 100; panel++) {
            double[] severity = new double[raters];
            double mean = 0;
            for (int r = 0; r < raters; r++) {
                severity[r] = -0.6 + 1.2 * random.nextDouble();
                mean += severity[r] / raters;
            }
            List<Observation> data = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                double ability = 3 + 0.8 * gaussian(random);
                int first = random.nextInt(raters);
                int second = (first + 1 + random.nextInt(raters - 1)) % raters;
                for (int r : new int[] {first, second}) {
                    for (int c = 0; c < 4; c++) {
                        data.add(new Observation(i, c, r, ability - severity[r] + 0.6 * gaussian(random)));
                    }
                }
            }
            RaterEffects.Fit fit = RaterEffects.fit(data);
            for (int r = 0; r < raters; r++) {
                RaterEffects.Estimate e = fit.severities().get(r);
                covered += Math.abs(e.value() - (severity[r] - mean)) <= 1.96 * e.standardError() ? 1 : 0;
                intervals++;
            }
        }
        assertThat(covered / (double) intervals).isBetween(0.93, 0.97);
    }

    @Test
    void matchesAnIndependentDenseLeastSquaresSolutionOnAnUnbalancedDesign() {
        SplittableRandom random = new SplittableRandom(7);
        int candidates = 9;
        int criteria = 3;
        int raters = 4;
        List<Observation> data = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            for (int r = 0; r < raters; r++) {
                // A ring of shared raters keeps the design connected; the rest is random and unbalanced.
                if (r == i % raters || r == (i + 1) % raters || random.nextDouble() < 0.25) {
                    for (int c = 0; c < criteria; c++) {
                        if (random.nextDouble() < 0.85) {
                            data.add(new Observation(i, c, r, 1 + random.nextInt(5)));
                        }
                    }
                }
            }
        }
        RaterEffects.Fit fit = RaterEffects.fit(data);
        double[] dense = denseRaterEffects(data, candidates, criteria, raters);
        for (int r = 0; r < raters; r++) {
            assertThat(fit.severities().get(r).value()).as("rater " + r).isCloseTo(-dense[r], within(1e-7));
        }
    }

    @Test
    void recoversAHarshReviewerInASimulatedPanel() {
        SplittableRandom random = new SplittableRandom(2026);
        int raters = 5;
        double[] truth = new double[300];
        List<Observation> data = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            truth[i] = 3 + 0.7 * gaussian(random);
            int first = random.nextInt(raters);
            int second = (first + 1 + random.nextInt(raters - 1)) % raters;
            for (int r : new int[] {first, second}) {
                for (int c = 0; c < 6; c++) {
                    double harsh = r == 4 ? -1.0 : 0.0;
                    data.add(new Observation(i, c, r, truth[i] + 0.1 * (c - 2.5) + harsh + 0.5 * gaussian(random)));
                }
            }
        }
        RaterEffects.Fit fit = RaterEffects.fit(data);
        // Sum-to-zero: the harsh rater's −1 becomes severity +0.8, everyone else −0.2.
        assertThat(fit.severities().get(4).value()).isCloseTo(0.8, within(0.1));
        for (int r = 0; r < 4; r++) {
            assertThat(fit.severities().get(r).value()).isCloseTo(-0.2, within(0.1));
        }
        double[] raw = new double[truth.length];
        double[] adjusted = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            raw[i] = fit.candidates().get(i).raw().value();
            adjusted[i] = fit.candidates().get(i).adjusted().value();
        }
        assertThat(correlation(adjusted, truth)).isGreaterThan(correlation(raw, truth));
        assertThat(fit.severities().get(4).standardError()).isBetween(0.01, 0.1);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double correlation(double[] a, double[] b) {
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

    /**
     * The rater effects by ordinary least squares on an explicit design matrix (candidate indicators,
     * sum-to-zero coded criteria and raters), solved from the normal equations by Gaussian elimination.
     */
    private static double[] denseRaterEffects(List<Observation> data, int n, int criteria, int raters) {
        int p = n + (criteria - 1) + (raters - 1);
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (Observation o : data) {
            double[] x = new double[p];
            x[o.candidate()] = 1;
            code(x, n, o.criterion(), criteria);
            code(x, n + criteria - 1, o.rater(), raters);
            for (int a = 0; a < p; a++) {
                xty[a] += x[a] * o.score();
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += x[a] * x[b];
                }
            }
        }
        double[] solution = solve(xtx, xty);
        double[] effects = new double[raters];
        double last = 0;
        for (int r = 0; r < raters - 1; r++) {
            effects[r] = solution[n + criteria - 1 + r];
            last -= effects[r];
        }
        effects[raters - 1] = last;
        return effects;
    }

    /**
     * The rater effects' standard errors from the full design (candidate indicators, sum-to-zero coded criteria
     * and raters): σ² (X'X)⁻¹ by Gauss–Jordan inversion, σ² = RSS / (N − p); the last rater's effect is minus the
     * sum of the others, so its variance is the sum of their covariance block.
     */
    private static double[] denseRaterStandardErrors(List<Observation> data, int n, int criteria, int raters) {
        int p = n + (criteria - 1) + (raters - 1);
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        List<double[]> rows = new ArrayList<>();
        for (Observation o : data) {
            double[] x = new double[p];
            x[o.candidate()] = 1;
            code(x, n, o.criterion(), criteria);
            code(x, n + criteria - 1, o.rater(), raters);
            rows.add(x);
            for (int a = 0; a < p; a++) {
                xty[a] += x[a] * o.score();
                for (int b = 0; b < p; b++) {
                    xtx[a][b] += x[a] * x[b];
                }
            }
        }
        double[] beta = solve(xtx, xty);
        double rss = 0;
        for (int o = 0; o < data.size(); o++) {
            double fitted = 0;
            for (int a = 0; a < p; a++) {
                fitted += rows.get(o)[a] * beta[a];
            }
            rss += Math.pow(data.get(o).score() - fitted, 2);
        }
        double sigma2 = rss / (data.size() - p);
        double[][] inverse = new double[p][];
        for (int col = 0; col < p; col++) {
            double[] unit = new double[p];
            unit[col] = 1;
            inverse[col] = solve(xtx, unit);
        }
        int first = n + criteria - 1;
        double[] se = new double[raters];
        double last = 0;
        for (int r = 0; r < raters - 1; r++) {
            se[r] = Math.sqrt(sigma2 * inverse[first + r][first + r]);
            for (int s = 0; s < raters - 1; s++) {
                last += inverse[first + r][first + s];
            }
        }
        se[raters - 1] = Math.sqrt(sigma2 * last);
        return se;
    }

    private static void code(double[] x, int offset, int level, int levels) {
        if (level < levels - 1) {
            x[offset + level] = 1;
        } else {
            for (int j = 0; j < levels - 1; j++) {
                x[offset + j] = -1;
            }
        }
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double f = m[row][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[row][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }
}
