package dnp.kernel.physics;

import dnp.kernel.Realization;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.api.Test;

import static dnp.kernel.physics.IdentitiesTest.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ε = P_n/tanh(β'ω_n/2) and T_B = N_n/(Ω_emit + Ω_abs) in seconds (docs/model.md#enhancement-and-build-up-time). */
class EnhancementTest {
    private static final PhysicalParameters P = PhysicalParameters.TABLE_I;

    /** With the leakage alone the nuclei relax with T_1n: T_B = T_1n (si), and a quarter of it under paper's Eq. 22. */
    @Test
    void theLeakageAloneBuildsUpWithT1n() {
        int sites = 512;
        ModelUnits si = ModelUnits.of(P, Convention.SI);
        double leakage = NuclearPolarization.leakageDenominator(sites, P, si);
        assertRelative(P.t1n(), NuclearPolarization.enhancement(0.1, leakage, 20, sites, P, si).buildUpTime(), 1e-14,
                "T_B = T_1n in seconds");
        ModelUnits paper = ModelUnits.of(P, Convention.PAPER);
        double printed = NuclearPolarization.leakageDenominator(sites, P, paper);
        assertRelative(P.t1n() / 4, NuclearPolarization.enhancement(0.1, printed, 20, sites, P, paper).buildUpTime(),
                1e-14, "Eq. 22's leakage is four times Eq. 19's");
    }

    @Test
    void theThermalPolarizationIsBoltzmannsAtTheBathTemperature() {
        ModelUnits si = ModelUnits.of(P, Convention.SI);
        double beta = ModelUnits.HBAR_OVER_KB * 2 * Math.PI * 1e6 / P.bathTemperature();
        assertRelative(Math.tanh(beta * 20 / 2), NuclearPolarization.thermal(20, si), 1e-15, "tanh(βω_n/2)");
        assertEquals(NuclearPolarization.thermal(20, si),
                NuclearPolarization.thermal(20, ModelUnits.of(P, Convention.PAPER)), "β' is the same in both");
        assertRelative(4.0e-4, NuclearPolarization.thermal(20, si), 0.01, "≈ βω_n/2 = 4·10⁻⁴ at 1.2 K, ω_n = 20");
    }

    /**
     * At t = 0 (si) only the leakage and the α = β terms act: P_n is the thermal value times the leakage's
     * share of the rates, so ε is that share; and T_B is N_n over the total rate of the record.
     */
    @Test
    void atZeroHoppingTheEnhancementIsTheLeakageShare() {
        RealizationResult r = Realization.compute(IdentitiesTest.input(5, BoundaryCondition.PERIODIC, 0.0, Convention.SI));
        ModelUnits units = ModelUnits.of(P, Convention.SI);
        for (PairResult p : r.pairs()) {
            var e = NuclearPolarization.enhancement(p.pn(), p.denominator(), p.pair().omegaN(), r.sites(), P, units);
            double total = p.rates().emit() + p.rates().absorb();
            double share = (p.rates().emitLeak() + p.rates().absLeak()) / total;
            assertRelative(share, e.enhancement(), 1e-11, "ε = leakage share at t = 0");
            assertRelative(P.nuclearRatio() * r.sites() / total / (2 * Math.PI * 1e6), e.buildUpTime(), 1e-12,
                    "T_B = N_n/(Ω_emit + Ω_abs), per 2π·10⁶ s⁻¹");
        }
    }
}
