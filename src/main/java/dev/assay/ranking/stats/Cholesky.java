package dev.assay.ranking.stats;

import java.util.Arrays;

/**
 * Cholesky factorisation of the small dense symmetric systems the fits solve (the normal equations of
 * {@link RaterEffects} and the Newton steps of {@link ManyFacetRasch}, each with the candidates absorbed), with the
 * solve and the diagonal of the inverse the standard errors need.
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * The lower-triangular L with A = LL', or null when A is not (numerically) positive definite: a pivot not above
     * 1e-10 × max(1, |A_ii|).
     */
    static double[][] factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 1e-10 * Math.max(1, Math.abs(a[i][i])))) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves LL'x = b given the factor L. */
    static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /** The diagonal of A⁻¹ = L'⁻¹ L⁻¹ from A's factor: (A⁻¹)_ii = Σ_j ((L⁻¹)_ji)². */
    static double[] inverseDiagonal(double[][] l) {
        int n = l.length;
        double[] diagonal = new double[n];
        double[] column = new double[n];
        for (int i = 0; i < n; i++) {
            // Column i of L⁻¹ by forward substitution of the unit vector e_i (zero above row i).
            Arrays.fill(column, 0);
            column[i] = 1 / l[i][i];
            diagonal[i] += column[i] * column[i];
            for (int j = i + 1; j < n; j++) {
                double sum = 0;
                for (int k = i; k < j; k++) {
                    sum -= l[j][k] * column[k];
                }
                column[j] = sum / l[j][j];
                diagonal[i] += column[j] * column[j];
            }
        }
        return diagonal;
    }
}
