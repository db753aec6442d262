package dnp.analysis;

/** Small dense linear algebra for the least-squares fits: Householder QR and Cholesky, both on scaled columns. */
final class DenseSolve {
    private DenseSolve() {}

    /**
     * The least-squares solution of A c ≈ b (A is n×q, n ≥ q) by Householder QR of A with its columns
     * scaled to unit norm; null if a column is zero or A is rank-deficient to about 1e-12 relative.
     * A and b are left unchanged.
     */
    static double[] leastSquares(double[][] a, double[] b) {
        int n = a.length;
        int q = a[0].length;
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) {
            r[i] = a[i].clone();
        }
        double[] rhs = b.clone();
        double[] scale = new double[q];
        for (int j = 0; j < q; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += r[i][j] * r[i][j];
            }
            s = Math.sqrt(s);
            if (!(s > 0) || !Double.isFinite(s)) {
                return null;
            }
            scale[j] = s;
            for (int i = 0; i < n; i++) {
                r[i][j] /= s;
            }
        }
        double[] diagonal = new double[q];
        for (int k = 0; k < q; k++) {
            double norm = 0;
            for (int i = k; i < n; i++) {
                norm += r[i][k] * r[i][k];
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-12) {
                return null;
            }
            double alpha = r[k][k] > 0 ? -norm : norm;
            // Householder vector v = x − α e_k stored in column k, rows k..n−1.
            r[k][k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) {
                vv += r[i][k] * r[i][k];
            }
            for (int j = k + 1; j < q; j++) {
                double dot = 0;
                for (int i = k; i < n; i++) {
                    dot += r[i][k] * r[i][j];
                }
                double f = 2 * dot / vv;
                for (int i = k; i < n; i++) {
                    r[i][j] -= f * r[i][k];
                }
            }
            double dot = 0;
            for (int i = k; i < n; i++) {
                dot += r[i][k] * rhs[i];
            }
            double f = 2 * dot / vv;
            for (int i = k; i < n; i++) {
                rhs[i] -= f * r[i][k];
            }
            diagonal[k] = alpha;
        }
        double[] c = new double[q];
        for (int k = q - 1; k >= 0; k--) {
            double v = rhs[k];
            for (int j = k + 1; j < q; j++) {
                v -= r[k][j] * c[j];
            }
            c[k] = v / diagonal[k];
        }
        for (int j = 0; j < q; j++) {
            c[j] /= scale[j];
        }
        return c;
    }

    /**
     * The inverse of a symmetric positive-definite matrix by Cholesky of D M D with D = diag(M)^(−1/2);
     * null if it is not positive definite (to about 1e-14 relative).
     */
    static double[][] inverse(double[][] m) {
        int p = m.length;
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            if (!(m[i][i] > 0)) {
                return null;
            }
            d[i] = 1 / Math.sqrt(m[i][i]);
        }
        double[][] l = cholesky(m, d, 0);
        if (l == null) {
            return null;
        }
        double[][] inverse = new double[p][p];
        double[] e = new double[p];
        for (int col = 0; col < p; col++) {
            java.util.Arrays.fill(e, 0);
            e[col] = 1;
            double[] x = choleskySolve(l, e);
            for (int row = 0; row < p; row++) {
                inverse[row][col] = x[row] * d[row] * d[col];
            }
        }
        return inverse;
    }

    /**
     * The solution of (M + λ diag(M)) x = g (Levenberg–Marquardt's damped normal equations) by Cholesky
     * on scaled columns; null if the damped matrix is not positive definite.
     */
    static double[] dampedSolve(double[][] m, double[] g, double lambda) {
        int p = m.length;
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = m[i][i] > 0 ? 1 / Math.sqrt(m[i][i]) : 1;
        }
        double[][] l = cholesky(m, d, lambda);
        if (l == null) {
            return null;
        }
        double[] scaled = new double[p];
        for (int i = 0; i < p; i++) {
            scaled[i] = g[i] * d[i];
        }
        double[] x = choleskySolve(l, scaled);
        for (int i = 0; i < p; i++) {
            x[i] *= d[i];
        }
        return x;
    }

    /** Cholesky factor L of D M D + λ I (the scaled matrix has unit diagonal). */
    private static double[][] cholesky(double[][] m, double[] d, double lambda) {
        int p = m.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j] * d[i] * d[j] + (i == j ? lambda : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 1e-14)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] choleskySolve(double[][] l, double[] b) {
        int p = l.length;
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
