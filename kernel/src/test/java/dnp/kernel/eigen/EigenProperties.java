package dnp.kernel.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property checks of an eigen decomposition of a symmetric matrix, independent of the solver:
 * residual, orthonormality, order, trace and Frobenius identities. Public so that the reference
 * module's tests run the same checks.
 */
public final class EigenProperties {
    private EigenProperties() {}

    /** Checks every property; {@code m} is the original full symmetric matrix as double[n][n]. */
    public static void assertValid(double[][] m, EigenDecomposition e) {
        int n = m.length;
        double[] lambda = e.eigenvalues();
        DenseMatrix v = e.vectors();
        double norm = frobenius(m);
        double scale = Math.max(norm, Double.MIN_NORMAL);
        double tolerance = 1e-12 * Math.max(1, n);
        double[] col = new double[n];
        for (int a = 0; a < n; a++) {
            if (a > 0) {
                assertTrue(lambda[a - 1] <= lambda[a], "eigenvalues not ascending at " + a);
            }
            v.column(a, col);
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double mv = 0;
                for (int j = 0; j < n; j++) {
                    mv += m[i][j] * col[j];
                }
                double r = mv - lambda[a] * col[i];
                residual += r * r;
            }
            assertTrue(Math.sqrt(residual) / scale <= tolerance || norm == 0,
                    "residual ‖Mv − λv‖/‖M‖ = " + Math.sqrt(residual) / scale + " for eigenpair " + a);
        }
        double[] other = new double[n];
        for (int a = 0; a < n; a++) {
            v.column(a, col);
            for (int b = a; b < n; b++) {
                v.column(b, other);
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += col[i] * other[i];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, tolerance, "⟨v_" + a + ", v_" + b + "⟩");
            }
        }
        assertTraceIdentities(m, lambda, tolerance * Math.max(1, norm) * Math.sqrt(n),
                tolerance * Math.max(1, norm * norm));
    }

    /** Σλ = trace(M) and Σλ² = ‖M‖_F², with the given absolute tolerances. */
    public static void assertTraceIdentities(double[][] m, double[] lambda, double traceTolerance,
                                             double squareTolerance) {
        double norm = frobenius(m);
        double trace = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < m.length; i++) {
            trace += m[i][i];
            sum += lambda[i];
            squares += lambda[i] * lambda[i];
        }
        assertEquals(trace, sum, traceTolerance, "Σλ = trace(M)");
        assertEquals(norm * norm, squares, squareTolerance, "Σλ² = ‖M‖_F²");
    }

    public static double frobenius(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double x : row) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }

    /** Copies a full symmetric matrix into a new off-heap matrix. */
    public static DenseMatrix toDense(double[][] m) {
        DenseMatrix d = DenseMatrix.zeros(m.length);
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                d.set(i, j, m[i][j]);
            }
        }
        return d;
    }

    /** Reads an off-heap matrix into double[n][n]. */
    public static double[][] toArray(DenseMatrix d) {
        int n = d.order();
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = d.get(i, j);
            }
        }
        return m;
    }

    /** A random symmetric matrix with entries uniform in [−1, 1). */
    public static double[][] randomSymmetric(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                m[i][j] = m[j][i] = 2 * r.nextDouble() - 1;
            }
        }
        return m;
    }
}
