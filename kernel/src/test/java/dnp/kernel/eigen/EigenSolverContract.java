package dnp.kernel.eigen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link EigenSolver} keeps, checked by properties rather than element by element
 * (in the manner of EJML's decomposition checks): residual and orthonormality on random matrices,
 * prescribed repeated eigenvalues with their eigenspaces, the zero and identity matrices, inputs scaled
 * by 1e±100, orders 1 and 2, and eigenvalues-only against the full decomposition. A solver's test
 * extends this class and names the solver; nothing else.
 */
public abstract class EigenSolverContract {

    /** The solver under test; a new instance per call is fine. */
    protected abstract EigenSolver solver();

    private record Decomposition(double[] values, double[][] vectors) {}

    /** Decomposes a copy of {@code m}, checks every property of {@link EigenProperties}, returns the result. */
    private Decomposition checked(double[][] m) {
        // decompose takes the matrix over (dsyevd returns its eigenvectors in it): closing e frees both.
        try (EigenDecomposition e = solver().decompose(EigenProperties.toDense(m))) {
            EigenProperties.assertValid(m, e);
            int n = m.length;
            double[][] vectors = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int j = 0; j < n; j++) {
                    vectors[a][j] = e.vectors().get(j, a);
                }
            }
            return new Decomposition(e.eigenvalues().clone(), vectors);
        }
    }

    @Test
    void orderOne() {
        Decomposition d = checked(new double[][]{{-3.25}});
        assertArrayEquals(new double[]{-3.25}, d.values());
        assertEquals(1.0, Math.abs(d.vectors()[0][0]));
    }

    @Test
    void twoByTwoKnownAnswer() {
        // [[2, 1], [1, 2]]: λ = 1 with (1, −1)/√2 and λ = 3 with (1, 1)/√2.
        Decomposition d = checked(new double[][]{{2, 1}, {1, 2}});
        assertArrayEquals(new double[]{1, 3}, d.values(), 1e-15);
        assertEquals(1 / Math.sqrt(2), Math.abs(d.vectors()[0][0]), 1e-15);
        assertEquals(-1.0, Math.signum(d.vectors()[0][0] * d.vectors()[0][1]));
        assertEquals(1.0, Math.signum(d.vectors()[1][0] * d.vectors()[1][1]));
    }

    @Test
    void zeroMatrix() {
        assertArrayEquals(new double[6], checked(new double[6][6]).values(), 0);
    }

    @Test
    void identity() {
        int n = 9;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, checked(a).values(), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 17, 64, 130})
    void randomSymmetricMatricesHaveSmallResidualsAndOrthonormalVectors(int n) {
        checked(EigenProperties.randomSymmetric(n, 4242 + n));
    }

    @Test
    void prescribedRepeatedEigenvaluesAndTheirEigenspaces() {
        double[] spectrum = {-2, -2, -2, 0.5, 0.5, 1, 4, 4, 4, 4, 7, 7};
        int n = spectrum.length;
        double[][] q = randomOrthogonal(n, 11);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += q[k][i] * spectrum[k] * q[k][j];
                }
            }
        }
        Decomposition d = checked(a);
        double[] sorted = spectrum.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, d.values(), 1e-13 * n * EigenProperties.frobenius(a));
        // Within a repeated eigenvalue the basis is arbitrary; the projector onto its eigenspace is not.
        for (double value : new double[]{-2, 0.5, 4, 7}) {
            double[][] expected = new double[n][n];
            double[][] actual = new double[n][n];
            for (int k = 0; k < n; k++) {
                if (spectrum[k] == value) {
                    addOuter(expected, q[k]);
                }
                if (Math.abs(d.values()[k] - value) < 1e-8) {
                    addOuter(actual, d.vectors()[k]);
                }
            }
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-12, "projector of λ = " + value + ", row " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-100, -3.0, 1e100})
    void scalingTheMatrixScalesTheSpectrum(double scale) {
        int n = 20;
        double[][] a = EigenProperties.randomSymmetric(n, 7);
        double[][] scaled = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled[i][j] = scale * a[i][j];
            }
        }
        double[] base = checked(a).values();
        double[] values = checked(scaled).values();
        double largest = Math.max(Math.abs(base[0]), Math.abs(base[n - 1]));
        for (int alpha = 0; alpha < n; alpha++) {
            double expected = scale > 0 ? scale * base[alpha] : scale * base[n - 1 - alpha];
            assertEquals(expected, values[alpha], 1e-13 * n * Math.abs(scale) * largest, "λ_" + alpha);
        }
    }

    @Test
    void eigenvaluesOnlyAgreeWithTheDecomposition() {
        int n = 40;
        double[][] a = EigenProperties.randomSymmetric(n, 3);
        double[] full = checked(a).values();
        try (DenseMatrix dense = EigenProperties.toDense(a)) {
            double[] only = solver().eigenvalues(dense);
            double tolerance = 1e-13 * n * EigenProperties.frobenius(a);
            assertArrayEquals(full, only, tolerance);
            for (int k = 1; k < n; k++) {
                assertTrue(only[k - 1] <= only[k], "eigenvalues ascending");
            }
        }
    }

    private static void addOuter(double[][] target, double[] v) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                target[i][j] += v[i] * v[j];
            }
        }
    }

    /** Rows form an orthonormal basis: Gram–Schmidt, twice, on Gaussian vectors. */
    static double[][] randomOrthogonal(int n, long seed) {
        Random random = new Random(seed);
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                q[k][i] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int m = 0; m < k; m++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[k][i] * q[m][i];
                    }
                    for (int i = 0; i < n; i++) {
                        q[k][i] -= dot * q[m][i];
                    }
                }
            }
            double length = 0;
            for (int i = 0; i < n; i++) {
                length += q[k][i] * q[k][i];
            }
            length = Math.sqrt(length);
            for (int i = 0; i < n; i++) {
                q[k][i] /= length;
            }
        }
        return q;
    }
}
