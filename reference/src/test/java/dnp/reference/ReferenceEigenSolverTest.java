package dnp.reference;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenProperties;
import dnp.kernel.eigen.EigenSolverContract;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dnp.kernel.eigen.EigenProperties.assertValid;
import static dnp.kernel.eigen.EigenProperties.frobenius;
import static dnp.kernel.eigen.EigenProperties.toArray;
import static dnp.kernel.eigen.EigenProperties.toDense;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Checks of {@link ReferenceEigenSolver}: every decomposition passes the kernel's shared property
 * checks ({@link EigenProperties#assertValid}: residual ‖A v_α − λ_α v_α‖ ≤ 1e-12·N·‖A‖, VᵀV = I,
 * λ ascending, Σλ = tr A and Σλ² = ‖A‖_F²), plus known answers and reference-specific cases.
 */
class ReferenceEigenSolverTest {

    private static final ReferenceEigenSolver SOLVER = new ReferenceEigenSolver();

    /** Eigenvalues and eigenvectors, vectors[j][α] = φ_αj. */
    private record Result(double[] values, double[][] vectors) {}

    /** Decomposes the symmetric {@code a}; with {@code check}, runs {@link EigenProperties#assertValid} on it. */
    private static Result decompose(double[][] a, boolean check) {
        DenseMatrix matrix = toDense(a);
        try (EigenDecomposition eigen = SOLVER.decompose(matrix)) {
            assertSame(matrix, eigen.vectors(), "eigenvectors overwrite the input in place");
            assertEquals(a.length, eigen.eigenvalues().length);
            if (check) {
                assertValid(a, eigen);
            }
            return new Result(eigen.eigenvalues(), toArray(eigen.vectors()));
        }
    }

    private static Result decompose(double[][] a) {
        return decompose(a, false);
    }

    /** A decomposition of the symmetric {@code a} that passed every property check. */
    private static Result checkedDecomposition(double[][] a) {
        return decompose(a, true);
    }

    /** Q diag(values) Qᵀ with Q orthogonal (Gram–Schmidt of a random matrix, done twice). */
    private static double[][] withSpectrum(double[] values, long seed) {
        int n = values.length;
        double[][] q = EigenSolverContract.randomOrthogonal(n, seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += q[k][i] * values[k] * q[k][j];
                }
                a[i][j] = sum;
                a[j][i] = sum;
            }
        }
        return a;
    }

    @Test
    void nameIsReference() {
        assertEquals("reference", SOLVER.name());
    }

    @Test
    void emptyMatrix() {
        Result r = decompose(new double[0][0]);
        assertEquals(0, r.values().length);
        try (DenseMatrix empty = DenseMatrix.zeros(0)) {
            assertEquals(0, SOLVER.eigenvalues(empty).length);
        }
    }

    @Test
    void orderOne() {
        Result r = checkedDecomposition(new double[][] {{-3.25}});
        assertArrayEquals(new double[] {-3.25}, r.values());
        assertEquals(1.0, Math.abs(r.vectors()[0][0]));
    }

    @Test
    void twoByTwoKnownAnswer() {
        // [[2, 1], [1, 2]]: λ = 1, 3 with (1, ∓1)/√2.
        Result r = checkedDecomposition(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {1, 3}, r.values(), 1e-15);
        assertEquals(1 / Math.sqrt(2), Math.abs(r.vectors()[0][0]), 1e-15);
        assertEquals(-1.0, Math.signum(r.vectors()[0][0] * r.vectors()[1][0]));
        assertEquals(1.0, Math.signum(r.vectors()[0][1] * r.vectors()[1][1]));
    }

    @Test
    void zeroMatrix() {
        Result r = checkedDecomposition(new double[7][7]);
        assertArrayEquals(new double[7], r.values());
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
        assertArrayEquals(ones, checkedDecomposition(a).values(), 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 10, 33, 64, 100})
    void randomSymmetric(int n) {
        checkedDecomposition(EigenProperties.randomSymmetric(n, 1000 + n));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-150, 1e-8, -3.0, 1e8, 1e150})
    void scaledMatrixScalesTheSpectrum(double scale) {
        int n = 20;
        double[][] a = EigenProperties.randomSymmetric(n, 7);
        double[][] scaled = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled[i][j] = scale * a[i][j];
            }
        }
        double[] base = checkedDecomposition(a).values();
        double[] values = checkedDecomposition(scaled).values();
        double largest = Math.max(Math.abs(base[0]), Math.abs(base[n - 1]));
        for (int alpha = 0; alpha < n; alpha++) {
            double expected = scale > 0 ? scale * base[alpha] : scale * base[n - 1 - alpha];
            assertEquals(expected, values[alpha], 1e-12 * n * Math.abs(scale) * largest);
        }
    }

    @Test
    void degenerateSpectrum() {
        double[] spectrum = {-2, -2, -2, 0.5, 0.5, 1, 4, 4, 4, 4, 7, 7};
        double[][] a = withSpectrum(spectrum, 11);
        double[] values = checkedDecomposition(a).values();
        double[] expected = spectrum.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, values, 1e-12 * spectrum.length * frobenius(a));
    }

    @Test
    void wilkinsonMatrixWithNearlyDegeneratePairs() {
        // W21+: diagonal |10 − i|, unit off-diagonals; its largest eigenvalues come in pairs
        // that agree to about 1e-14 relative.
        int n = 21;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = Math.abs(10 - i);
            if (i > 0) {
                a[i][i - 1] = 1;
                a[i - 1][i] = 1;
            }
        }
        double[] values = checkedDecomposition(a).values();
        assertEquals(10.746194182903393, values[n - 1], 1e-12);
        assertEquals(values[n - 1], values[n - 2], 1e-12);
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        int n = 12;
        double[][] a = EigenProperties.randomSymmetric(n, 5);
        double[][] garbled = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                garbled[i][j] = i >= j ? a[i][j] : 1e3 * (i + j);
            }
        }
        assertArrayEquals(checkedDecomposition(a).values(), decompose(garbled).values(), 0);
    }

    @Test
    void eigenvaluesOnlyMatchesTheDecomposition() {
        int n = 30;
        double[][] a = EigenProperties.randomSymmetric(n, 3);
        double[] expected = decompose(a).values();
        try (DenseMatrix matrix = DenseMatrix.zeros(n)) {
            for (int j = 0; j < n; j++) {
                for (int i = j; i < n; i++) {
                    matrix.set(i, j, a[i][j]);
                }
            }
            assertArrayEquals(expected, SOLVER.eigenvalues(matrix), 0);
        }
    }

    static Stream<Arguments> andersonMatrices() {
        List<Arguments> cases = new ArrayList<>();
        for (int size = 3; size <= 6; size++) {
            for (BoundaryCondition boundary : BoundaryCondition.values()) {
                for (double hopping : new double[] {0, 1, 6.5, 20}) {
                    cases.add(Arguments.of(size, boundary, hopping));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "L={0} {1} t={2}")
    @MethodSource("andersonMatrices")
    void andersonMatrix(int size, BoundaryCondition boundary, double hopping) {
        Lattice lattice = new Lattice(size, boundary);
        Disorder disorder = Disorder.box(lattice.sites(), 108, 42, size);
        double[][] m = ReferenceModel.hamiltonian(lattice, hopping, disorder);
        Result r = checkedDecomposition(m);
        if (hopping == 0) {
            // Diagonal: the eigenvalues are the sorted Δ, the eigenvectors site vectors.
            double[] sorted = disorder.values();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, r.values(), 0);
            for (int alpha = 0; alpha < lattice.sites(); alpha++) {
                int site = -1;
                for (int j = 0; j < lattice.sites(); j++) {
                    if (r.vectors()[j][alpha] != 0) {
                        assertEquals(-1, site, "one non-zero component");
                        site = j;
                    }
                }
                assertEquals(1.0, Math.abs(r.vectors()[site][alpha]));
                assertEquals(disorder.at(site), r.values()[alpha]);
            }
        }
    }
}
