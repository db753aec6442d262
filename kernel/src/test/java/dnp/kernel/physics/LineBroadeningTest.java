package dnp.kernel.physics;

import dnp.kernel.Realization;
import dnp.kernel.model.Convention;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broadened nuclear line of Appendix D (docs/model.md#eth-phase-and-a-broadened-line-appendix-d). */
class LineBroadeningTest {
    static final ModelUnits SI = ModelUnits.of(PhysicalParameters.TABLE_I, Convention.SI);

    /**
     * The Gaussian quadrature's weights carry the line's moments: 1 and 0 to rounding, σ² up to the
     * part beyond the ±6σ cut, 2·6·φ(6)σ² ≈ 7·10⁻⁸ σ² (φ the unit normal density).
     */
    @Test
    void gaussianWeightsHaveTheLinesMoments() {
        for (double sigma : new double[] {0.01, 0.3, 2.0}) {
            LineBroadening.Quadrature q = LineBroadening.gaussian(20, sigma, SI);
            double m0 = 0;
            double m1 = 0;
            double m2 = 0;
            for (int k = 0; k < q.weight().length; k++) {
                double x = q.omega()[k] - 20;
                m0 += q.weight()[k];
                m1 += q.weight()[k] * x;
                m2 += q.weight()[k] * x * x;
            }
            assertEquals(1.0, m0, 1e-14);
            assertEquals(0.0, m1, 1e-14 * sigma);
            assertEquals(sigma * sigma, m2, 1e-7 * sigma * sigma);
        }
    }

    /**
     * A Gaussian line over the nuclear Lorentzian (a Voigt profile): the trapezoid nodes against a
     * midpoint sum with 10⁶ points over ±8σ. The class comment bounds the trapezoid error near e^{−4π}.
     */
    @Test
    void gaussianQuadratureIntegratesTheLorentzian() {
        double sigma = 0.05;
        double omegaN = 20;
        for (double detuning : new double[] {0.0, 0.02, 0.1}) {
            LineBroadening.Quadrature q = LineBroadening.gaussian(omegaN, sigma, SI);
            double nodes = 0;
            for (int k = 0; k < q.weight().length; k++) {
                nodes += q.weight()[k] * NuclearPolarization.lorentzian(q.omega()[k] - omegaN - detuning, SI);
            }
            int points = 1_000_000;
            double step = 16 * sigma / points;
            double reference = 0;
            for (int i = 0; i < points; i++) {
                double x = -8 * sigma + (i + 0.5) * step;
                reference += step * Math.exp(-x * x / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI))
                        * NuclearPolarization.lorentzian(x - detuning, SI);
            }
            assertEquals(reference, nodes, 1e-5 * reference, "detuning " + detuning);
        }
    }

    /** A line narrower than anything in the rates gives back Eq. 20 at ω_n itself. */
    @ParameterizedTest
    @EnumSource(Convention.class)
    void aVanishingWidthGivesTheExactPolarization(Convention convention) {
        RealizationInput base = RealizationInput.defaults(4, 10, 3, 1);
        RealizationInput input = new RealizationInput(base.lattice(), base.hopping(), base.disorder(), base.physics(),
                base.pairs(), base.analysis(), convention);
        ModelUnits units = ModelUnits.of(input.physics(), convention);
        LineBroadening.Quadrature q = LineBroadening.gaussian(20, 1e-9, units);
        List<FrequencyPair> pairs = new ArrayList<>(List.of(new FrequencyPair(20, 93860)));
        for (double w : q.omega()) {
            pairs.add(new FrequencyPair(w, 93860));
        }
        RealizationResult r = Realization.compute(input.withPairs(pairs));
        double[] num = new double[q.omega().length];
        double[] den = new double[q.omega().length];
        for (int k = 0; k < num.length; k++) {
            PairResult p = r.pairs().get(k + 1);
            num[k] = p.numerator();
            den[k] = p.denominator();
        }
        double exact = r.pairs().getFirst().pn();
        assertEquals(exact, q.polarization(num, den), 1e-8 * Math.abs(exact));
    }

    /**
     * Two Lorentzians convolve into one with the half-widths added: ∫ dx ℓ_γ(x) T/(1 + T²(x + d)²) =
     * T''/(1 + T''²d²), T'' = 1/(1/T + γ). Integrated with x = γ tan θ (no truncated tails) by the
     * midpoint rule; and the T_2n in seconds that lorentzianT2n returns gives T'' in both conventions.
     */
    @ParameterizedTest
    @EnumSource(Convention.class)
    void lorentzianLinesAddTheirWidths(Convention convention) {
        PhysicalParameters physics = PhysicalParameters.TABLE_I;
        double t = ModelUnits.of(physics, convention).t2n();
        for (double gamma : new double[] {0.01, 0.2, 1.0}) {
            double broadened = ModelUnits.of(physics.withT2n(LineBroadening.lorentzianT2n(physics, convention, gamma)),
                    convention).t2n();
            assertEquals(1 / (1 / t + gamma), broadened, 1e-12 * broadened);
            for (double d : new double[] {0.0, 0.05, 0.7}) {
                int points = 2_000_000;
                double sum = 0;
                for (int i = 0; i < points; i++) {
                    double theta = -Math.PI / 2 + (i + 0.5) * Math.PI / points;
                    double x = gamma * Math.tan(theta);
                    sum += t / (1 + t * t * (x + d) * (x + d));
                }
                double convolved = sum / points; // (1/π)∫dθ, dθ = π/points
                double expected = broadened / (1 + broadened * broadened * d * d);
                assertEquals(expected, convolved, 1e-6 * expected, "γ = " + gamma + ", d = " + d);
            }
        }
    }

    /** Appendix D's regime is a line narrower than the Zeeman gap: a line reaching ω ≤ 0 is refused. */
    @Test
    void aLineReachingZeroIsRefused() {
        var ex = assertThrows(IllegalArgumentException.class, () -> LineBroadening.gaussian(1, 0.2, SI));
        assertTrue(ex.getMessage().contains("too large for ω_n"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineBroadening.gaussian(20, 0, SI));
        assertThrows(IllegalArgumentException.class, () -> LineBroadening.lorentzianT2n(PhysicalParameters.TABLE_I,
                Convention.SI, -1));
    }
}
