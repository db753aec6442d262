package dnp.kernel.physics;

import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;

/**
 * The resonant approximation of the nuclear polarization, Eq. 24, and the resonance width it rests on
 * (docs/model.md#resonant-approximation-eq-24).
 *
 * <p>If the leakage dominates the denominator and the nuclear Lorentzian L(x) = 1/(1 + T_2n'² x²) is
 * narrow against the structure of K(ε, ε′), L(x) → (π/T_2n') δ(x) turns the sum S1 of
 * {@link NuclearPolarization} into S1 ≈ (π N/T_2n') I(ω_n) with
 * <pre>
 *   I(ω) = ∫dε K(ε, ε + ω) [P_B(ε + ω) − P_B(ε)]
 * </pre>
 * (K of Eq. 21, symmetric; the sign of Eq. 19–20, opposite to the printed Eq. 24). Then
 * <pre>
 *   paper (Eq. 22):    P_n ≈ ¼ S1 / (2 N_n/(A_0² T_1n' T_2n'))  = (π A_0² T_1n' N / (8 N_n)) I(ω_n)   (Eq. 24)
 *   si (Eq. 19–20):    P_n ≈ 2c S1 / (N_n/T_1n'), c = A_0² T_2n'/4 = (π A_0² T_1n' N / (2 N_n)) I(ω_n)
 * </pre>
 * T_2n' cancels; N/N_n is 1/(nuclear ratio). The si form is four times the printed prefactor (the same
 * factor 4 as between Eq. 22 and Eq. 19–20) and leaves out the thermal leakage N_n tanh(βω_n/2)/T_1n'
 * of the numerator, as the printed formula does.
 *
 * <p>I(ω) is evaluated from the binned correlator K_ab = (1/(N δ_E²)) Σ_{α∈a, β∈b} O_αβ on the energy
 * grid λ ∈ [−E, E] ({@code OverlapStatisticsPass}): K is taken constant on each bin pair, P_B exactly.
 * With ω = (s + φ) δ_E, the part [e_a, e_a + (1 − φ) δ_E) of bin a meets bin a + s after the shift
 * and the rest meets a + s + 1; each piece is integrated by the midpoint rule on
 * {@link #SUBSTEPS} points.
 */
public final class ResonantApproximation {
    private ResonantApproximation() {}

    /** Midpoint-rule points per piece of an energy bin; P_B varies on scales of several 2π·MHz. */
    static final int SUBSTEPS = 16;

    /**
     * The width 1/T_2n' of the nuclear Lorentzian L(x) (its half width at half maximum), 2π·MHz: under
     * si 1/(2π·10⁶·T_2n), under paper 1/(10⁶·T_2n).
     */
    public static double resonanceWidth(ModelUnits units) {
        return 1 / units.t2n();
    }

    /**
     * Levels within one resonance width: N ρ(ε) / T_2n' (ρ normalized to 1). Well above 1 the sums over
     * pairs behave like the integrals of Eq. 22–30; well below 1 a few resonant pairs set P_n.
     */
    public static double levelsPerWidth(int sites, double density, ModelUnits units) {
        return sites * density * resonanceWidth(units);
    }

    /** The factor in front of I(ω_n): π A_0² T_1n' N/(8 N_n) under paper, four times that under si. */
    public static double prefactor(PhysicalParameters physics, ModelUnits units) {
        double printed = Math.PI * physics.a0() * physics.a0() * units.t1n() / (8 * physics.nuclearRatio());
        return units.convention() == Convention.PAPER ? printed : 4 * printed;
    }

    /**
     * The binned K of O = 1/N (the GOE comparison, Eq. 23) without its α = β terms, from a DOS histogram of
     * N levels in bins of width δ_E: ρ_a ρ_b − δ_ab ρ_a/(N δ_E), since the n_a = N ρ_a δ_E levels of bin a
     * each carry O_αα = 1/N.
     */
    public static double[][] uncorrelatedDistinctStates(double[] dos, int sites, double binWidth) {
        double[][] k = new double[dos.length][dos.length];
        for (int a = 0; a < dos.length; a++) {
            for (int b = 0; b < dos.length; b++) {
                k[a][b] = dos[a] * dos[b];
            }
            k[a][a] -= dos[a] / (sites * binWidth);
        }
        return k;
    }

    /**
     * P_n by Eq. 24 (the convention's prefactor) from a realization's binned K(ε, ε′), which should be that
     * of distinct states ({@code RealizationResult.binnedCorrelatorOfDistinctStates}): at ω_n below the bin
     * width δ_E the α = β terms, which the exact S1 does not have (P_α − P_α = 0), would otherwise enter
     * through the bin's own shift.
     */
    public static double pn(double[][] binned, double halfWidth, double omegaN, double omegaMW,
                            PhysicalParameters physics, ModelUnits units) {
        return prefactor(physics, units) * integral(binned, halfWidth, omegaN, omegaMW, physics, units);
    }

    /**
     * I(ω_n) = ∫dε K(ε, ε + ω_n)[P_B(ε + ω_n) − P_B(ε)] with K_ab the binned correlator on bins of
     * width 2E/B over λ ∈ [−E, E] (E = {@code halfWidth}), P_B of Eq. 11 at ω_MW. ω_n ≥ 0.
     */
    public static double integral(double[][] binned, double halfWidth, double omegaN, double omegaMW,
                                  PhysicalParameters physics, ModelUnits units) {
        if (!(omegaN >= 0)) {
            throw new IllegalArgumentException("ω_n must be non-negative, got " + omegaN);
        }
        int bins = binned.length;
        double width = 2 * halfWidth / bins;
        double shift = omegaN / width;
        if (!(shift < bins)) {
            // ω_n beyond the whole energy grid: no pair of bins is ω_n apart (and the index would overflow an int).
            return 0;
        }
        int s = (int) Math.floor(shift);
        double phi = shift - s;
        // Sample points: per bin a, piece 0 (partner a + s) then piece 1 (partner a + s + 1).
        double[] lambda = new double[bins * 2 * SUBSTEPS];
        double[] weight = new double[lambda.length];
        int m = 0;
        for (int a = 0; a < bins; a++) {
            double edge = -halfWidth + a * width;
            for (int piece = 0; piece < 2; piece++) {
                int b = a + s + piece;
                double start = piece == 0 ? edge : edge + (1 - phi) * width;
                double length = (piece == 0 ? 1 - phi : phi) * width;
                double k = b < bins ? binned[a][b] : 0;
                for (int i = 0; i < SUBSTEPS; i++) {
                    lambda[m] = start + (i + 0.5) * length / SUBSTEPS;
                    weight[m] = k * length / SUBSTEPS;
                    m++;
                }
            }
        }
        double[] shifted = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            shifted[i] = lambda[i] + omegaN;
        }
        double[] p = ElectronPolarization.biases(lambda, physics, units, omegaMW);
        double[] q = ElectronPolarization.biases(shifted, physics, units, omegaMW);
        double sum = 0;
        for (int i = 0; i < lambda.length; i++) {
            if (weight[i] != 0) {
                sum += weight[i] * (q[i] - p[i]);
            }
        }
        return sum;
    }
}
