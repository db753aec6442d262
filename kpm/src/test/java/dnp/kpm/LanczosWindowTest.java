package dnp.kpm;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RandomStream;
import dnp.kernel.vector.ScalarSturmCounter;
import dnp.kernel.vector.SturmCounter;
import dnp.kernel.vector.VectorizationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Lanczos window against dense diagonalization, and its tridiagonal machinery against definitions. */
class LanczosWindowTest {

    private static double[] dense(Lattice lattice, double t, Disorder disorder) {
        try (DenseMatrix m = AndersonHamiltonian.build(lattice, t, disorder)) {
            return new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD).eigenvalues(m);
        }
    }

    private static double[] inWindow(double[] values, double lower, double upper) {
        return Arrays.stream(values).filter(v -> v >= lower && v <= upper).toArray();
    }

    /**
     * Every eigenvalue of the window, each once, to 1e-9 of ‖M‖: across the transition (w/t = 5, 16.5,
     * 30), both boundaries, with windows that hold 20% and 60% of the levels.
     */
    @ParameterizedTest
    @CsvSource({"6, periodic, 5, 0.2", "6, periodic, 16.5, 0.2", "6, periodic, 30, 0.2", "6, open, 16.5, 0.6",
            "8, periodic, 16.5, 0.2", "7, open, 30, 0.6"})
    void findsEveryDenseEigenvalueOfTheWindow(int size, String bc, double ratio, double fraction) {
        Lattice lattice = new Lattice(size, BoundaryCondition.parse(bc));
        double w = 108;
        double t = w / ratio;
        Disorder disorder = Disorder.box(lattice.sites(), w, 3, size);
        double[] all = dense(lattice, t, disorder);
        int n = all.length;
        int lo = (int) Math.round(n * (1 - fraction) / 2);
        int hi = n - 1 - lo;
        // Window edges half-way between levels, so that tolerances never decide membership.
        double lower = 0.5 * (all[lo - 1] + all[lo]);
        double upper = 0.5 * (all[hi] + all[hi + 1]);
        double[] expected = inWindow(all, lower, upper);
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, t, disorder, 1.0, 0.0);
        LanczosWindow.Result r = LanczosWindow.eigenvalues(h, 11, lower, upper);
        assertTrue(r.converged(), "no agreement after " + r.steps() + " steps");
        assertEquals(expected.length, r.eigenvalues().length, "count in window, steps " + r.steps());
        double scale = Math.max(Math.abs(all[0]), Math.abs(all[n - 1]));
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], r.eigenvalues()[k], 1e-9 * scale, "eigenvalue " + k);
        }
    }

    /** The single-vector product of the recursion against the block stencil, periodic and open, L = 2–5 (periodic from 3). */
    @ParameterizedTest
    @CsvSource({"2, open", "3, periodic", "3, open", "4, periodic", "5, open", "5, periodic"})
    void productMatchesTheBlockStencil(int size, String bc) {
        Lattice lattice = new Lattice(size, BoundaryCondition.parse(bc));
        Disorder disorder = Disorder.box(lattice.sites(), 108, 4, size);
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, 6.5, disorder, 1.0, 0.0);
        LanczosWindow lanczos = new LanczosWindow(h, 3);
        lanczos.extend(1); // x = v_2, out = β_1 v_1: both non-trivial
        double[] x = lanczos.vectorForTest();
        double[] out = lanczos.previousForTest();
        double[] expected = out.clone();
        double[] xx = new double[1];
        double[] xo = new double[1];
        new ScalarBlockStencil().apply(h, 1, x.clone(), expected, 1.0, true, xx, xo);
        double dot = lanczos.multiplySubtract();
        double[] got = lanczos.previousForTest();
        for (int i = 0; i < lattice.sites(); i++) {
            assertEquals(expected[i], got[i], 1e-12 * 100, "site " + i);
        }
        assertEquals(xo[0], dot, 1e-12 * 100);
    }

    /** A degenerate spectrum (w = 0): the Krylov space sees one vector per eigenspace, so each distinct level once. */
    @Test
    void degenerateLevelsAppearOnce() {
        Lattice lattice = Lattice.periodic(4);
        double t = 1.0;
        Disorder clean = Disorder.box(lattice.sites(), 0, 1, 0);
        // λ = −2t Σ cos k: distinct values for L = 4 are −6, −4, −2, 0, 2, 4, 6.
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, t, clean, 1.0, 0.0);
        var r = LanczosWindow.eigenvalues(h, 2, -3, 3);
        assertEquals(3, r.eigenvalues().length, Arrays.toString(r.eigenvalues()));
        assertEquals(-2, r.eigenvalues()[0], 1e-10);
        assertEquals(0, r.eigenvalues()[1], 1e-10);
        assertEquals(2, r.eigenvalues()[2], 1e-10);
    }

    /** Sturm counts and bisection against the dense eigenvalues of random tridiagonal matrices. */
    @Test
    void sturmCountsAndBisectionMatchDenseTridiagonals() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 30;
        double[] alpha = new double[n];
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = random.nextDouble(-2, 2);
            beta[i] = random.nextDouble(0.1, 1);
        }
        double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            dense[i][i] = alpha[i];
            if (i < n - 1) {
                dense[i][i + 1] = beta[i];
                dense[i + 1][i] = beta[i];
            }
        }
        double[] values;
        DenseMatrix m = DenseMatrix.zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, dense[i][j]);
            }
        }
        try (var e = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD).decompose(m)) { // consumes m
            values = e.eigenvalues().clone();
        }
        LanczosWindow.Tridiagonal t = new LanczosWindow.Tridiagonal(alpha, beta, 0, n, new ScalarSturmCounter());
        double[] shifts = new double[n + 1];
        for (int k = 0; k < n - 1; k++) {
            shifts[k] = 0.5 * (values[k] + values[k + 1]);
        }
        shifts[n - 1] = values[0] - 1;
        shifts[n] = values[n - 1] + 1;
        int[] counts = t.count(shifts);
        for (int k = 0; k < n - 1; k++) {
            assertEquals(k + 1, counts[k], "eigenvalues below the midpoint " + k);
        }
        assertEquals(0, counts[n - 1]);
        assertEquals(n, counts[n]);
        var found = t.eigenvalues(-100, 100, 1e-13);
        assertEquals(n, found.size());
        for (int k = 0; k < n; k++) {
            assertEquals(values[k], found.get(k)[0], 1e-12);
        }
    }

    /** Scalar and Vector API Sturm counts are identical, including at the eigenvalues themselves and far outside. */
    @Test
    void sturmCounterImplementationsAgree() {
        SturmCounter panama = VectorizationProvider.panama().map(VectorizationProvider::sturmCounter).orElse(null);
        assumeTrue(panama != null, "Vector API not available");
        SplittableRandom random = new SplittableRandom(4);
        int n = 2000;
        double[] a = new double[n];
        double[] b2 = new double[n - 1];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble(-5, 5);
            if (i < n - 1) {
                double b = random.nextDouble(0, 2);
                b2[i] = b * b;
            }
        }
        b2[17] = 0; // a split matrix
        double[] shifts = new double[101];
        for (int k = 0; k < shifts.length; k++) {
            shifts[k] = k < 99 ? random.nextDouble(-9, 9) : (k == 99 ? a[0] : -1e300);
        }
        int[] scalar = new int[shifts.length];
        int[] vector = new int[shifts.length];
        new ScalarSturmCounter().count(a, b2, n, Double.MIN_NORMAL * 4, shifts, scalar);
        panama.count(a, b2, n, Double.MIN_NORMAL * 4, shifts, vector);
        assertArrayEquals(scalar, vector);
        assertEquals(0, scalar[100]);
    }

    /**
     * The starting vector is the documented draw of the project's random stream: entry i of recursion
     * 0 of seed 5 is −1/√N where the i-th long of (5, 0, START_SIGNS) is negative; the same seed gives
     * the same vector, and recursion 1 a different one.
     */
    @Test
    void startingVectorIsDrawnFromTheRandomStream() {
        Lattice lattice = Lattice.periodic(4);
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, 1, Disorder.box(64, 5, 1, 0), 1.0, 0.0);
        double[] x = new LanczosWindow(h, 5).vectorForTest();
        RandomStream stream = new RandomStream(5, 0, LanczosWindow.START_SIGNS);
        double entry = 1 / Math.sqrt(64);
        int negative = 0;
        for (int i = 0; i < 64; i++) {
            double expected = stream.nextLong() < 0 ? -entry : entry;
            assertEquals(expected, x[i], "entry " + i);
            negative += expected < 0 ? 1 : 0;
        }
        assertTrue(negative > 16 && negative < 48, "signs are random: " + negative + " of 64 negative");
        assertArrayEquals(x, new LanczosWindow(h, 5).vectorForTest());
        double[] other = new LanczosWindow(h, new ScalarSturmCounter(), 5, 1).vectorForTest();
        assertTrue(!Arrays.equals(x, other), "the second recursion starts elsewhere");
    }

    @Test
    void emptyWindowIsRefused() {
        Lattice lattice = Lattice.periodic(3);
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, 1, Disorder.box(27, 1, 1, 0), 1.0, 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> LanczosWindow.eigenvalues(h, 1, 1, 1));
    }
}
