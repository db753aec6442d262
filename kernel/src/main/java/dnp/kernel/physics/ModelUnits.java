package dnp.kernel.physics;

import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;

/**
 * The one place where the paper's units (seconds, 2π·MHz, kelvin) become the computation's.
 * Frequencies stay in the paper's 2π·MHz numbers; times become T' = T[s]·s with
 * s = 2π·10⁶ under {@code si} (products T'·ω are the paper's dimensionless T·ω with ω angular)
 * and s = 10⁶ under {@code paper}; the inverse bath temperature is
 * β' = (ħ/k_B)·2π·10⁶/T_bath in both (docs/model.md#units and #conventions-si-and-paper).
 *
 * @param convention which reading of the paper
 * @param t1e        T_1e'
 * @param t2e        T_2e'
 * @param t1n        T_1n'
 * @param t2n        T_2n'
 * @param beta       β' per 2π·MHz
 */
public record ModelUnits(Convention convention, double t1e, double t2e, double t1n, double t2n, double beta) {

    /** ħ/k_B in K·s (CODATA 2018, exact SI value 7.638232577… × 10⁻¹²). */
    public static final double HBAR_OVER_KB = 7.638232577e-12;
    /** One 2π·MHz expressed in rad/s. */
    public static final double ANGULAR_MHZ = 2 * Math.PI * 1e6;

    public static ModelUnits of(PhysicalParameters p, Convention convention) {
        double scale = timeScale(convention);
        double beta = HBAR_OVER_KB * ANGULAR_MHZ / p.bathTemperature();
        return new ModelUnits(convention, p.t1e() * scale, p.t2e() * scale, p.t1n() * scale, p.t2n() * scale, beta);
    }

    /** s of T' = T[s]·s: 2π·10⁶ under si, 10⁶ under paper. */
    public static double timeScale(Convention convention) {
        return switch (convention) {
            case SI -> ANGULAR_MHZ;
            case PAPER -> 1e6;
        };
    }

    /**
     * A time of the computation (T', the inverse of a rate in its unit) in seconds: T'/s. Rates of the
     * computation are per 1/(2π·10⁶) s under si, per μs under paper.
     */
    public double seconds(double computationTime) {
        return computationTime / timeScale(convention);
    }
}
