package dnp.kernel.physics;

import dnp.kernel.Realization;
import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.Localization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The localization-length estimator of docs/model.md#localization-length-eq-31-33 on states of known ξ. */
class LocalizationLengthTest {

    /** |φ_j|² ∝ exp(−2 r_j/ξ) about site (cx, cy, cz), r by the lattice's own distance rule. */
    static double[] exponential(Lattice lattice, int cx, int cy, int cz, double xi) {
        double[] density = new double[lattice.sites()];
        double norm = 0;
        for (int j = 0; j < density.length; j++) {
            double r = Math.sqrt(LocalizationLength.squaredDistance(lattice, cx, cy, cz, j));
            density[j] = Math.exp(-2 * r / xi);
            norm += density[j];
        }
        for (int j = 0; j < density.length; j++) {
            density[j] /= norm;
        }
        return density;
    }

    /** ln|φ|² is exactly linear in r: the fit returns 1/ξ to rounding, wherever the centre sits. */
    @ParameterizedTest(name = "L={0} {1} ξ={2}")
    @CsvSource({"8, periodic, 0.5", "8, periodic, 1.3", "8, periodic, 3.0", "9, periodic, 2.2", "7, open, 1.1",
            "10, periodic, 12.0"})
    void recoversTheDecayOfAnExponentialState(int size, String bc, double xi) {
        Lattice lattice = new Lattice(size, BoundaryCondition.parse(bc));
        int c = size / 2;
        double[][] states = {exponential(lattice, c, c, c, xi), exponential(lattice, c, c, c, xi)};
        assertEquals(1 / xi, LocalizationLength.decayRate(lattice, states), 1e-12 / xi);
        if (lattice.boundary() == BoundaryCondition.PERIODIC) {
            double[][] moved = {exponential(lattice, 1, size - 1, 0, xi)};
            assertEquals(1 / xi, LocalizationLength.decayRate(lattice, moved), 1e-12 / xi);
        }
    }

    /** The estimate scales with the state: twice the decay length, half the rate. */
    @Test
    void scalesWithTheDecayLength() {
        Lattice lattice = Lattice.periodic(10);
        double k1 = LocalizationLength.decayRate(lattice, new double[][] {exponential(lattice, 3, 4, 5, 0.8)});
        double k2 = LocalizationLength.decayRate(lattice, new double[][] {exponential(lattice, 3, 4, 5, 1.6)});
        assertEquals(2.0, k1 / k2, 1e-12);
    }

    /** A state on one site falls below the precision floor at r = 1: the smallest ξ, 2/ln(1/ε²). */
    @Test
    void aStateOnOneSiteHasTheSmallestLength() {
        Lattice lattice = Lattice.periodic(6);
        double[] density = new double[lattice.sites()];
        density[lattice.index(2, 3, 1)] = 1;
        double kappa = LocalizationLength.decayRate(lattice, new double[][] {density});
        assertEquals(LocalizationLength.MAX_DECAY_RATE, kappa);
        assertEquals(2 / Math.log(Math.pow(2, 104)), 1 / kappa, 1e-15);
        Localization l = Localization.of(1, kappa, 6, 1, 0.01);
        assertFalse(l.exceedsSize());
    }

    /** The k = 0 plane wave is flat: κ = 0, ξ = ∞, flagged ξ ≥ L, Δ_ξ = 0. */
    @Test
    void aUniformPlaneWaveIsFlaggedAsUnlocalized() {
        Lattice lattice = Lattice.periodic(8);
        double[] density = new double[lattice.sites()];
        java.util.Arrays.fill(density, 1.0 / density.length);
        double kappa = LocalizationLength.decayRate(lattice, new double[][] {density});
        assertEquals(0.0, kappa, 1e-15);
        Localization l = Localization.of(1, kappa, 8, 8, 0.01);
        assertTrue(l.exceedsSize());
        assertEquals(0.0, l.levelSpacing());
    }

    /**
     * A real plane wave of the clean periodic lattice, cos(2πx/L + π/8) (no zero on the lattice), is
     * not localized either: its envelope does not decay, ξ ≥ L.
     */
    @Test
    void aRealPlaneWaveIsFlaggedAsUnlocalized() {
        Lattice lattice = Lattice.periodic(8);
        double[] density = new double[lattice.sites()];
        for (int j = 0; j < density.length; j++) {
            double c = Math.cos(2 * Math.PI * (j % 8) / 8 + Math.PI / 8);
            density[j] = c * c * 2 / density.length;
        }
        Localization l = Localization.of(1, LocalizationLength.decayRate(lattice, new double[][] {density}), 8, 8, 0.01);
        assertTrue(l.exceedsSize(), "ξ = " + l.xi());
    }

    /** At t = 0 every eigenvector is one site: ξ is the smallest length; Δ_ξ = 1/(ρ ξ³). */
    @Test
    void atZeroHoppingTheStatesSitOnOneSite() {
        var result = Realization.compute(RealizationInput.defaults(6, 0.0, 5, 0));
        Localization l = result.localization();
        assertEquals(LocalizationLength.MAX_DECAY_RATE, l.decayRate());
        assertEquals(Math.round(0.2 * 216), l.states());
        assertEquals(1.0, l.participationLength(), 1e-12);
        assertEquals(1 / (l.centreDos() * Math.pow(l.xi(), 3)), l.levelSpacing(), 1e-12 * l.levelSpacing());
    }

    /** The estimator reads the central window of a matrix of squared eigenvectors, column by column. */
    @Test
    void estimateUsesTheCentralColumns() {
        Lattice lattice = Lattice.periodic(4);
        int n = lattice.sites();
        double[] lambda = new double[n];
        try (DenseMatrix q = DenseMatrix.zeros(n)) {
            for (int a = 0; a < n; a++) {
                lambda[a] = a;
                // Central columns decay with ξ = 0.9; the others sit on one site.
                double[] column = a >= 25 && a < 38 ? exponential(lattice, a % 4, 1, 2, 0.9) : null;
                for (int j = 0; j < n; j++) {
                    q.set(j, a, column != null ? column[j] : j == a ? 1 : 0);
                }
            }
            Localization l = LocalizationLength.estimate(lattice, q, lambda, 0.2);
            assertEquals(13, l.states());
            assertEquals(1 / 0.9, l.decayRate(), 1e-12);
            assertEquals(12.0 / (n * 12.0), l.centreDos(), 1e-15);
        }
    }
}
