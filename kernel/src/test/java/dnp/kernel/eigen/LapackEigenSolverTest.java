package dnp.kernel.eigen;

import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.nativebindings.NativeLibraries;
import dnp.nativebindings.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static dnp.kernel.eigen.EigenProperties.assertValid;
import static dnp.kernel.eigen.EigenProperties.toDense;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EJML-style property checks of the native eigen stage, for both LAPACK drivers. */
class LapackEigenSolverTest {

    static List<double[][]> cases() {
        List<double[][]> cases = new ArrayList<>();
        cases.add(new double[1][1]);                       // 1×1 zero
        cases.add(new double[][]{{-3.5}});                 // 1×1
        cases.add(new double[7][7]);                       // zero matrix
        double[][] identity = new double[9][9];
        for (int i = 0; i < 9; i++) {
            identity[i][i] = 1;                            // fully degenerate
        }
        cases.add(identity);
        double[][] random = EigenProperties.randomSymmetric(40, 7);
        cases.add(random);
        double[][] tiny = EigenProperties.randomSymmetric(20, 8);
        double[][] huge = EigenProperties.randomSymmetric(20, 8);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                tiny[i][j] *= 1e-150;                      // scaled down and up
                huge[i][j] *= 1e150;
            }
        }
        cases.add(tiny);
        cases.add(huge);
        for (BoundaryCondition bc : BoundaryCondition.values()) {
            for (int size : new int[]{3, 4, 5, 6}) {
                Lattice lattice = new Lattice(size, bc);
                for (double[] tw : new double[][]{{6.5, 108}, {0, 108}, {1, 0}}) { // generic, t = 0, w = 0 (degenerate)
                    Disorder d = Disorder.box(lattice.sites(), tw[1], 11, size);
                    try (DenseMatrix m = AndersonHamiltonian.build(lattice, tw[0], d)) {
                        cases.add(EigenProperties.toArray(m));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest
    @EnumSource(LapackEigenSolver.Routine.class)
    void decompositionsHaveEveryProperty(LapackEigenSolver.Routine driver) {
        EigenSolver solver = new LapackEigenSolver(driver);
        for (double[][] m : cases()) {
            try (EigenDecomposition e = solver.decompose(toDense(m))) {
                assertValid(m, e);
            }
        }
    }

    @Test
    void dsyevdReturnsEigenvectorsInPlaceAndDsyevrInANewMatrix() {
        double[][] m = EigenProperties.randomSymmetric(10, 3);
        DenseMatrix a = toDense(m);
        try (EigenDecomposition e = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD).decompose(a)) {
            assertSame(a, e.vectors());
        }
        DenseMatrix b = toDense(m);
        try (EigenDecomposition e = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR).decompose(b)) {
            assertNotSame(b, e.vectors());
        }
    }

    @Test
    void eigenvaluesOnlyPathGivesTheSameSpectrum() {
        Lattice lattice = Lattice.periodic(6);
        Disorder d = Disorder.box(lattice.sites(), 108, 5, 0);
        for (LapackEigenSolver.Routine driver : LapackEigenSolver.Routine.values()) {
            EigenSolver solver = new LapackEigenSolver(driver);
            double[] full;
            try (EigenDecomposition e = solver.decompose(AndersonHamiltonian.build(lattice, 6.5, d))) {
                full = e.eigenvalues();
            }
            try (DenseMatrix m = AndersonHamiltonian.build(lattice, 6.5, d)) {
                assertArrayEquals(full, solver.eigenvalues(m), 1e-12 * 150);
            }
        }
    }

    /**
     * Eigenvalues alone through dsyevd_2stage (forced at every N) against dsyevd, on the property
     * cases and on Anderson matrices, with the trace identities Σλ = tr H and Σλ² = ‖H‖_F².
     */
    @Test
    void twoStageEigenvaluesAgreeWithDsyevdAndKeepTheTraces() {
        EigenSolver twoStage = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD, 1);
        EigenSolver oneStage = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD, Integer.MAX_VALUE);
        for (double[][] a : cases()) {
            int n = a.length;
            double norm = EigenProperties.frobenius(a);
            double[] expected;
            double[] values;
            try (DenseMatrix m = toDense(a)) {
                expected = oneStage.eigenvalues(m);
            }
            try (DenseMatrix m = toDense(a)) {
                values = twoStage.eigenvalues(m);
            }
            assertArrayEquals(expected, values, 1e-13 * n * norm + Double.MIN_NORMAL, "n = " + n);
            EigenProperties.assertTraceIdentities(a, values, 1e-13 * n * norm + Double.MIN_NORMAL,
                    1e-13 * n * norm * norm + Double.MIN_NORMAL);
            for (int k = 1; k < n; k++) {
                assertTrue(values[k - 1] <= values[k], "ascending");
            }
        }
    }

    /** Fails when the eigenvalues-only fast path silently fell back to the one-stage reduction. */
    @Test
    void eigenvaluesOnlyUsesTheTwoStageReductionFromItsThreshold() {
        LapackEigenSolver solver = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD);
        int from = LapackEigenSolver.TWO_STAGE_FROM_ORDER;
        assertEquals("dsyevd", solver.valuesRoutine(from - 1));
        assertEquals("dsyevd_2stage", solver.valuesRoutine(from));
        assertEquals("dsyevd_2stage", new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR).valuesRoutine(from));
        assertEquals("dsyevr", new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR).valuesRoutine(from - 1));
        assertThrows(IllegalArgumentException.class, () -> new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD, 0));
    }

    @Test
    void periodicHoppingSpectrumAtZeroDisorderIsTheCosineBand() {
        // w = 0: λ = −2t (cos kx + cos ky + cos kz), k = 2π m/L.
        int size = 4;
        double t = 1.5;
        Lattice lattice = Lattice.periodic(size);
        List<Double> expected = new ArrayList<>();
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                for (int z = 0; z < size; z++) {
                    expected.add(-2 * t * (Math.cos(2 * Math.PI * x / size) + Math.cos(2 * Math.PI * y / size)
                            + Math.cos(2 * Math.PI * z / size)));
                }
            }
        }
        double[] sorted = expected.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        try (DenseMatrix m = AndersonHamiltonian.build(lattice, t, Disorder.box(64, 0, 1, 0))) {
            assertArrayEquals(sorted, new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD).eigenvalues(m), 1e-12);
        }
    }

    /** Fails when the native path silently fell back to something other than the bundled OpenBLAS. */
    @Test
    void nativePathIsTheBundledOpenBlas() {
        Provider p = NativeLibraries.provider();
        assertEquals(Provider.Kind.BUNDLED, p.kind(), p.description());
        assertEquals("dsyevd", new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD).name());
    }
}
