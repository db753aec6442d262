package dnp.kernel.physics;

import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eq. 24 against what it approximates. A smooth synthetic spectrum (levels at the quantiles of
 * ρ(λ) ∝ cos²(πλ/120) on [−60, 60]) with flat overlaps O = 1/N has the GOE correlator of Eq. 23, and its
 * binned K is ρ_a ρ_b exactly; with many levels per resonance width, the exact sums of Eq. 19–22 must
 * reduce to Eq. 24 once the leakage is the whole denominator.
 */
class ResonantApproximationTest {
    static final double HALF = 60;
    static final double OMEGA_N = 20;
    static final double OMEGA_MW = 93860;

    static double density(double lambda) {
        double c = Math.cos(Math.PI * lambda / (2 * HALF));
        return Math.abs(lambda) < HALF ? c * c / HALF : 0;
    }

    static double cumulative(double lambda) {
        return (lambda + HALF) / (2 * HALF) + Math.sin(Math.PI * lambda / HALF) / (2 * Math.PI);
    }

    /** N levels at the quantiles (k + ½)/N of ρ. */
    static double[] levels(int n) {
        double[] lambda = new double[n];
        for (int k = 0; k < n; k++) {
            double target = (k + 0.5) / n;
            double lo = -HALF;
            double hi = HALF;
            for (int it = 0; it < 80; it++) {
                double mid = (lo + hi) / 2;
                if (cumulative(mid) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            lambda[k] = (lo + hi) / 2;
        }
        return lambda;
    }

    /** K_ab = (1/(N δ_E²)) Σ O_αβ with O = 1/N: n_a n_b/(N δ_E)² (the kernel's normalization). */
    static double[][] flatBinned(double[] lambda, double halfWidth, int bins) {
        double width = 2 * halfWidth / bins;
        double[] count = new double[bins];
        for (double l : lambda) {
            count[Math.min(bins - 1, (int) Math.floor((l + halfWidth) / width))]++;
        }
        double[][] k = new double[bins][bins];
        double norm = (double) lambda.length * width;
        for (int a = 0; a < bins; a++) {
            for (int b = 0; b < bins; b++) {
                k[a][b] = count[a] * count[b] / (norm * norm);
            }
        }
        return k;
    }

    /** Table I with T_2n set so that the Lorentzian is 0.25 wide under the convention. */
    static PhysicalParameters physics(Convention c) {
        PhysicalParameters t = PhysicalParameters.TABLE_I;
        double t2n = 4 / (c == Convention.SI ? ModelUnits.ANGULAR_MHZ : 1e6);
        return new PhysicalParameters(t.t1e(), t.t2e(), t.omega1(), t.t1n(), t2n, t.a0(), t.bathTemperature(),
                t.omegaE(), t.nuclearRatio());
    }

    /**
     * With 8000 levels (133 per 2π·MHz at the band centre, 33 per resonance width of 0.25) and
     * O = 1/N, Eq. 24 from the binned K equals the electron part of the exact numerator over the leakage
     * (¼ S1 / (2 N_n/(A_0² T_1n' T_2n')) under paper, 2c S1/(N_n/T_1n') under si) to the accuracy of
     * L → (π/T_2n')δ: the Lorentzian's tails make that error linear in its width (2.4% at width 0.5,
     * 1.2% at 0.25, here). A wrong factor (the 4 between the conventions, a π, the sign) fails by far.
     */
    @ParameterizedTest
    @EnumSource(Convention.class)
    void reducesToTheLeakageDominatedExactSum(Convention convention) {
        int n = 8000;
        double[] lambda = levels(n);
        PhysicalParameters physics = physics(convention);
        ModelUnits units = ModelUnits.of(physics, convention);
        assertEquals(0.25, ResonantApproximation.resonanceWidth(units), 1e-12);
        double[] p = ElectronPolarization.biases(lambda, physics, units, OMEGA_MW);
        double t2n2 = units.t2n() * units.t2n();
        double s1 = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                s1 += (p[a] - p[b]) * NuclearPolarization.lorentzian(OMEGA_N + lambda[b] - lambda[a], t2n2);
            }
        }
        s1 /= n; // O = 1/N
        double nuclei = physics.nuclearRatio() * n;
        double a02 = physics.a0() * physics.a0();
        double expected = convention == Convention.PAPER
                ? (s1 / 4) / (2 * nuclei / (a02 * units.t1n() * units.t2n()))
                : (2 * a02 * units.t2n() / 4 * s1) / (nuclei / units.t1n());
        double halfWidth = 64;
        double eq24 = ResonantApproximation.pn(flatBinned(lambda, halfWidth, 256), halfWidth, OMEGA_N, OMEGA_MW,
                physics, units);
        assertTrue(expected > 0, "thermal direction");
        assertEquals(expected, eq24, 0.02 * expected, convention + ": Eq. 24 " + eq24 + " vs exact " + expected);
    }

    /**
     * With K = ρρ (Eq. 23) from the bin averages of an analytic ρ, I(ω_n) converges to
     * ∫ρ(ε)ρ(ε + ω_n)[P_B(ε + ω_n) − P_B(ε)]dε (a fine quadrature) as the bins shrink, ω_n falling between
     * bin edges (the fractional shift): second order, so four times the bins gain at least a factor 8.
     */
    @Test
    void goeFormConvergesToTheIntegralOfEq23() {
        PhysicalParameters physics = PhysicalParameters.TABLE_I;
        ModelUnits units = ModelUnits.of(physics, Convention.SI);
        int fine = 200_000;
        double[] x = new double[fine];
        double[] xs = new double[fine];
        double step = 2 * HALF / fine;
        for (int i = 0; i < fine; i++) {
            x[i] = -HALF + (i + 0.5) * step;
            xs[i] = x[i] + OMEGA_N;
        }
        double[] p = ElectronPolarization.biases(x, physics, units, OMEGA_MW);
        double[] q = ElectronPolarization.biases(xs, physics, units, OMEGA_MW);
        double exact = 0;
        for (int i = 0; i < fine; i++) {
            exact += density(x[i]) * density(xs[i]) * (q[i] - p[i]) * step;
        }
        double halfWidth = 64;
        double coarse = Math.abs(ResonantApproximation.integral(analyticBinned(halfWidth, 48), halfWidth, OMEGA_N,
                OMEGA_MW, physics, units) - exact);
        double finer = Math.abs(ResonantApproximation.integral(analyticBinned(halfWidth, 192), halfWidth, OMEGA_N,
                OMEGA_MW, physics, units) - exact);
        assertTrue(finer < coarse / 8, "second order in the bin width: " + coarse + " → " + finer);
        assertEquals(exact, exact + finer, 1e-3 * Math.abs(exact), "192 bins");
    }

    static double[][] analyticBinned(double halfWidth, int bins) {
        double width = 2 * halfWidth / bins;
        double[] rho = new double[bins];
        for (int a = 0; a < bins; a++) {
            double lo = -halfWidth + a * width;
            double hi = lo + width;
            rho[a] = (cumulative(Math.min(HALF, Math.max(-HALF, hi))) - cumulative(Math.min(HALF, Math.max(-HALF, lo))))
                    / width;
        }
        double[][] k = new double[bins][bins];
        for (int a = 0; a < bins; a++) {
            for (int b = 0; b < bins; b++) {
                k[a][b] = rho[a] * rho[b];
            }
        }
        return k;
    }

    /** N ρ/T_2n': at Table I, 1/T_2n' is 1/(20π) under si and 0.1 under paper. */
    @Test
    void levelsPerWidth() {
        ModelUnits si = ModelUnits.of(PhysicalParameters.TABLE_I, Convention.SI);
        ModelUnits paper = ModelUnits.of(PhysicalParameters.TABLE_I, Convention.PAPER);
        assertEquals(1 / (20 * Math.PI), ResonantApproximation.resonanceWidth(si), 1e-15);
        assertEquals(0.1, ResonantApproximation.resonanceWidth(paper), 1e-15);
        assertEquals(1000 * 0.01 * 0.1, ResonantApproximation.levelsPerWidth(1000, 0.01, paper), 1e-12);
        assertEquals(1000 * 0.01 / (20 * Math.PI), ResonantApproximation.levelsPerWidth(1000, 0.01, si), 1e-12);
    }
}
