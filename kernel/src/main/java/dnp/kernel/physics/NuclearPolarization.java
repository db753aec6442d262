package dnp.kernel.physics;

import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.result.RateParts;

/**
 * Nuclear rates and polarization from the overlap sums of one (ω_n, ω_MW) pair.
 *
 * <p>With L(x) = 1/(1 + T_2n² x²), d_αβ = ε_β − ε_α and the four sums over all ordered α, β
 * <pre>
 *   S0 = Σ O_αβ L(ω_n + d_αβ),          S1 = Σ O_αβ (P_α − P_β) L(ω_n + d_αβ),
 *   S2 = Σ O_αβ P_α P_β L(ω_n + d_αβ),  SP = Σ O_αβ P_α P_β,
 * </pre>
 * Eq. 19 summed over the N core nuclei gives, with c = A_0² T_2n/4 and O symmetric
 * (swap α ↔ β in Ω(−ω_n)):
 * <pre>
 *   ISS:  Ω_emit = c (S0 + S1 − S2),    Ω_abs = c (S0 − S1 − S2)     [(1+P_α)(1−P_β) = 1 + (P_α−P_β) − P_αP_β]
 *   PL:   c L(ω_n) SP for both;         leakage: N_n h(±ω_n)/T_1n, h(x) = 1/(1 + e^(−βx))
 * </pre>
 * and P_n = (Ω_emit − Ω_abs)/(Ω_emit + Ω_abs) (Eq. 20). Under {@code paper}, Eq. 22 as printed:
 * P_n = ¼ S1 / (¼ (S0 − S2) + 2 N_n/(A_0² T_1n T_2n)).
 */
public final class NuclearPolarization {
    private NuclearPolarization() {}

    /** The overlap sums of one pair (see the class comment). */
    public record OverlapSums(double s0, double s1, double s2, double sp) {}

    /** Rates, numerator, denominator and P_n of one pair. */
    public record Evaluation(RateParts rates, double numerator, double denominator) {
        public double pn() {
            return numerator / denominator;
        }
    }

    /** L(x) = 1/(1 + T_2n'² x²). */
    public static double lorentzian(double x, ModelUnits units) {
        return lorentzian(x, units.t2n() * units.t2n());
    }

    /**
     * L(x) = 1/(1 + τ² x²) with τ² = T_2n'², evaluated as τ²·(x·x) — the order the vector kernels
     * use too ({@link dnp.kernel.vector.SpectralKernels#pairLorentzian}), so that both round alike.
     */
    public static double lorentzian(double x, double t2nSquared) {
        return 1.0 / (1.0 + t2nSquared * (x * x));
    }

    /** h(x) = 1/(1 + e^(−β x)), the detailed-balance factor of the leakage (Eq. 17). */
    public static double detailedBalance(double x, ModelUnits units) {
        return 1.0 / (1.0 + Math.exp(-units.beta() * x));
    }

    /** Evaluates Eq. 19–20 (si) or Eq. 22 (paper) for N sites from the sums. */
    public static Evaluation evaluate(OverlapSums s, double omegaN, int sites, PhysicalParameters physics,
                                      ModelUnits units) {
        double nuclei = physics.nuclearRatio() * sites;
        double c = physics.a0() * physics.a0() * units.t2n() / 4;
        double pl = c * lorentzian(omegaN, units) * s.sp();
        RateParts rates = new RateParts(
                c * (s.s0() + s.s1() - s.s2()), pl, nuclei * detailedBalance(omegaN, units) / units.t1n(),
                c * (s.s0() - s.s1() - s.s2()), pl, nuclei * detailedBalance(-omegaN, units) / units.t1n());
        if (units.convention() == Convention.PAPER) {
            double leakage = 2 * nuclei / (physics.a0() * physics.a0() * units.t1n() * units.t2n());
            return new Evaluation(rates, s.s1() / 4, (s.s0() - s.s2()) / 4 + leakage);
        }
        // Ω_emit ∓ Ω_abs formed without cancelling the large S0 and PL terms:
        // emit − abs = 2c S1 + N_n tanh(βω_n/2)/T_1n,  emit + abs = 2c (S0 − S2) + 2 PL + N_n/T_1n,
        // since h(x) − h(−x) = tanh(βx/2) and h(x) + h(−x) = 1.
        double numerator = 2 * c * s.s1() + nuclei * Math.tanh(units.beta() * omegaN / 2) / units.t1n();
        double denominator = 2 * c * (s.s0() - s.s2()) + 2 * pl + nuclei / units.t1n();
        return new Evaluation(rates, numerator, denominator);
    }
}
