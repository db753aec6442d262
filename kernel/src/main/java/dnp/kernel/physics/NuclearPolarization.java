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
 *
 * <p>Reported parts. The α = β terms, D = Σ_α O_αα (1 − P_α²) L(ω_n) = (S0 − S2) − X with
 * X = Σ_{α≠β} O_αβ (1 − P_α P_β) L(ω_n + d_αβ), move no fermion: Eq. B6/C5 put them with the
 * polarization loss, and so do the parts reported here (ISS c(X ± S1), PL c L(ω_n) SP + c D, the same
 * for emission and absorption); P_n is computed from the totals and does not change. Under
 * {@code paper} the parts are those of Eq. 22 itself: with its numerator ν = ¼ S1 and denominator
 * δ = ¼ (S0 − S2) + ℓ, ℓ = 2 N_n/(A_0² T_1n T_2n), the "emission" and "absorption" parts are
 * (δ ± ν)/2, split as ISS (¼ X ± ¼ S1)/2, PL D/8 and leakage ℓ/2, so that emit − abs and emit + abs are
 * exactly the numerator and denominator used (docs/model.md#nuclear-rates-eq-19-20).
 */
public final class NuclearPolarization {
    private NuclearPolarization() {}

    /**
     * The overlap sums of one pair (see the class comment); {@code offDiagonal} is X, S0 − S2 without
     * its α = β terms (which are reported with the polarization loss).
     */
    public record OverlapSums(double s0, double s1, double s2, double sp, double offDiagonal) {
        /** Sums whose α = β terms are not known apart: they stay with the ISS parts (X = S0 − S2). */
        public OverlapSums(double s0, double s1, double s2, double sp) {
            this(s0, s1, s2, sp, s0 - s2);
        }

        /** D = Σ_α O_αα (1 − P_α²) L(ω_n), the α = β part of S0 − S2. */
        public double diagonal() {
            return (s0 - s2) - offDiagonal;
        }
    }

    /** What the reported emission and absorption parts are under a convention (for outputs). */
    public static String partsLabel(Convention convention) {
        return switch (convention) {
            case SI -> "Eq. 19: emit = Ω(+ω_n), abs = Ω(−ω_n), each iss + pl + leakage; P_n = (emit − abs)/(emit + abs); "
                    + "the α = β terms are in pl";
            case PAPER -> "Eq. 22: emit, abs = (denominator ± numerator)/2, each iss + pl + leakage; "
                    + "P_n = (emit − abs)/(emit + abs); the α = β terms are in pl";
        };
    }

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

    /**
     * The leakage's share of the denominator of P_n for N sites: N_n/T_1n' under si (the sum of
     * N_n h(±ω_n)/T_1n', since h(x) + h(−x) = 1), 2 N_n/(A_0² T_1n' T_2n') under paper (Eq. 22).
     */
    public static double leakageDenominator(int sites, PhysicalParameters physics, ModelUnits units) {
        double nuclei = physics.nuclearRatio() * sites;
        return units.convention() == Convention.PAPER
                ? 2 * nuclei / (physics.a0() * physics.a0() * units.t1n() * units.t2n())
                : nuclei / units.t1n();
    }

    /**
     * The leakage's share of the numerator of P_n: N_n tanh(βω_n/2)/T_1n' under si (h(x) − h(−x) =
     * tanh(βx/2)); 0 under paper, whose Eq. 22 has none.
     */
    public static double leakageNumerator(double omegaN, int sites, PhysicalParameters physics, ModelUnits units) {
        return units.convention() == Convention.PAPER ? 0
                : physics.nuclearRatio() * sites * thermal(omegaN, units) / units.t1n();
    }

    /**
     * P_n^thermal = tanh(β'ω_n/2): the Boltzmann polarization of nuclei of Zeeman frequency ω_n at the bath
     * temperature, the thermal-equilibrium signal a DNP enhancement is measured against (the same under both
     * conventions, since β' is). Not the model's P_n without microwaves, which the polarization loss
     * lowers below it (docs/model.md#enhancement-and-build-up-time).
     */
    public static double thermal(double omegaN, ModelUnits units) {
        return Math.tanh(units.beta() * omegaN / 2);
    }

    /**
     * What DNP experiments report of a steady state: the enhancement ε = P_n/P_n^thermal ({@link #thermal})
     * and the build-up time T_B = 1/(W₊ + W₋) in seconds, the time constant with which the nuclear
     * polarization approaches P_n (docs/model.md#enhancement-and-build-up-time).
     */
    public record Enhancement(double thermal, double enhancement, double buildUpTime) {}

    /**
     * ε and T_B of one pair from its P_n and the denominator of the convention's formula, for N sites.
     * With nuclear spin diffusion all N_n = (N_n/N_e)·N nuclei share one polarization, N_n dP/dt =
     * (Ω_emit − Ω_abs) − (Ω_emit + Ω_abs) P, so 1/T_B = W₊ + W₋ = (Ω_emit + Ω_abs)/N_n. Under si
     * Ω_emit + Ω_abs is the denominator; Eq. 22 (paper) is Eq. 19–20 divided by 2A_0²T_2n' (its ¼ S1 is
     * 2c S1 over that), so there the rates are 2A_0²T_2n' times its terms, leakage four times Eq. 19's
     * included. Times come out in the computation's unit and leave through {@link ModelUnits#seconds}.
     */
    public static Enhancement enhancement(double pn, double denominator, double omegaN, int sites,
                                          PhysicalParameters physics, ModelUnits units) {
        double thermal = thermal(omegaN, units);
        double rate = units.convention() == Convention.PAPER
                ? 2 * physics.a0() * physics.a0() * units.t2n() * denominator : denominator;
        double nuclei = physics.nuclearRatio() * sites;
        return new Enhancement(thermal, pn / thermal, units.seconds(nuclei / rate));
    }

    /** Evaluates Eq. 19–20 (si) or Eq. 22 (paper) for N sites from the sums. */
    public static Evaluation evaluate(OverlapSums s, double omegaN, int sites, PhysicalParameters physics,
                                      ModelUnits units) {
        double nuclei = physics.nuclearRatio() * sites;
        double c = physics.a0() * physics.a0() * units.t2n() / 4;
        double pl = c * lorentzian(omegaN, units) * s.sp();
        if (units.convention() == Convention.PAPER) {
            double leakage = leakageDenominator(sites, physics, units);
            double numerator = s.s1() / 4;
            double iss = s.offDiagonal() / 4;
            RateParts parts = new RateParts((iss + numerator) / 2, s.diagonal() / 8, leakage / 2,
                    (iss - numerator) / 2, s.diagonal() / 8, leakage / 2);
            return new Evaluation(parts, numerator, (s.s0() - s.s2()) / 4 + leakage);
        }
        RateParts rates = new RateParts(
                c * (s.offDiagonal() + s.s1()), pl + c * s.diagonal(),
                nuclei * detailedBalance(omegaN, units) / units.t1n(),
                c * (s.offDiagonal() - s.s1()), pl + c * s.diagonal(),
                nuclei * detailedBalance(-omegaN, units) / units.t1n());
        // Ω_emit ∓ Ω_abs formed without cancelling the large S0 and PL terms:
        // emit − abs = 2c S1 + N_n tanh(βω_n/2)/T_1n,  emit + abs = 2c (S0 − S2) + 2 PL + N_n/T_1n,
        // since h(x) − h(−x) = tanh(βx/2) and h(x) + h(−x) = 1.
        double numerator = 2 * c * s.s1() + leakageNumerator(omegaN, sites, physics, units);
        double denominator = 2 * c * (s.s0() - s.s2()) + 2 * pl + leakageDenominator(sites, physics, units);
        return new Evaluation(rates, numerator, denominator);
    }
}
