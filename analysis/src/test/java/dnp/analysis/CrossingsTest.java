package dnp.analysis;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RandomStream;
import dnp.kernel.physics.SpectralStatistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Level statistics at the two limits, and the crossing finder behind the transition estimate. */
class CrossingsTest {

    /** Mean and standard error of per-matrix ⟨r⟩ values. */
    static double[] meanAndError(List<Double> values) {
        Stats s = Stats.of(values);
        return new double[]{s.mean(), s.sem()};
    }

    @Test
    void zeroHoppingGivesPoissonStatistics() {
        LapackEigenSolver solver = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD);
        Lattice lattice = Lattice.periodic(10);
        List<Double> r = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            try (DenseMatrix m = AndersonHamiltonian.build(lattice, 0, Disorder.box(lattice.sites(), 108, 5, k))) {
                r.add(SpectralStatistics.gapRatio(solver.eigenvalues(m), 0.8).mean());
            }
        }
        double[] e = meanAndError(r);
        assertEquals(Literature.GAP_RATIO_POISSON, e[0], 4 * e[1], "Poisson ⟨r⟩ = 2 ln 2 − 1, got " + e[0] + " ± " + e[1]);
    }

    @Test
    void goeMatrixGivesGoeStatistics() {
        LapackEigenSolver solver = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD);
        int n = 400;
        List<Double> r = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            RandomStream random = new RandomStream(3, k, RandomStream.GOE);
            try (DenseMatrix m = DenseMatrix.zeros(n)) {
                for (int j = 0; j < n; j++) {
                    for (int i = j; i < n; i++) {
                        double g = random.nextGaussian() * (i == j ? 1 : Math.sqrt(0.5));
                        m.set(i, j, g);
                        m.set(j, i, g);
                    }
                }
                r.add(SpectralStatistics.gapRatio(solver.eigenvalues(m), 0.5).mean());
            }
        }
        double[] e = meanAndError(r);
        assertEquals(Literature.GAP_RATIO_GOE, e[0], 4 * e[1], "GOE ⟨r⟩ ≈ 0.5307, got " + e[0] + " ± " + e[1]);
    }

    /** Finite-size scaling curves r_L(x) = mid + amp·tanh((x_c − x) L^{1/ν}/s), with noise per realization. */
    static Crossings.Curve synthetic(int size, double[] x, double xc, int realizations, double noise, long seed) {
        Random random = new Random(seed);
        double[][] v = new double[realizations][x.length];
        for (int k = 0; k < realizations; k++) {
            for (int i = 0; i < x.length; i++) {
                double scaled = (xc - x[i]) * Math.pow(size, 1 / 1.57) / 8;
                v[k][i] = 0.4585 + 0.072 * Math.tanh(scaled) + noise * random.nextGaussian();
            }
        }
        return new Crossings.Curve(size, v);
    }

    @Test
    void crossingFinderRecoversAKnownCrossingWithAnHonestInterval() {
        double[] x = {14, 15, 15.5, 16, 16.5, 17, 17.5, 18, 19};
        double xc = 16.53;
        int covered = 0;
        for (int trial = 0; trial < 20; trial++) {
            Crossings.Curve small = synthetic(8, x, xc, 60, 0.02, 100 + trial);
            Crossings.Curve large = synthetic(12, x, xc, 60, 0.02, 200 + trial);
            Crossings.Crossing c = Crossings.find(x, small, large, 400, trial);
            assertTrue(c.low() <= c.x() && c.x() <= c.high(), "estimate inside its interval: " + c);
            assertEquals(xc, c.x(), 1.0, "crossing near the true one: " + c);
            if (c.low() <= xc && xc <= c.high()) {
                covered++;
            }
        }
        // A 95% interval covers the truth in most trials (binomial: ≥ 15 of 20 with near certainty).
        assertTrue(covered >= 15, "interval covered the true crossing in only " + covered + " of 20 trials");
        // Noise-free curves cross exactly where linear interpolation puts them.
        Crossings.Curve a = synthetic(8, x, xc, 2, 0, 1);
        Crossings.Curve b = synthetic(12, x, xc, 2, 0, 2);
        double exact = Crossings.crossing(x, a.mean(), b.mean());
        assertEquals(xc, exact, 0.02);
        assertTrue(Double.isNaN(Crossings.crossing(x, b.mean(), b.mean())), "identical curves do not cross");
    }

}
