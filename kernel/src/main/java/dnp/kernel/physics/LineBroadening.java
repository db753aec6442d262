package dnp.kernel.physics;

import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;

import java.util.Locale;

/**
 * Nuclear polarization for nuclei in the ETH phase with a broadened nuclear line (Appendix D;
 * docs/model.md#eth-phase-and-a-broadened-line-appendix-d). With |f(E, ω)|² of Eq. D1 not the two
 * δ-peaks of Eq. D7 but a normalized line F around ±ω_n of width σ ≪ ω_n (the dipolar broadening of
 * the flips), the stationarity of Eq. D6, with e^{β_N ω/2} and p(E + ω)/p(E) taken at ω = ±ω_n over the
 * line's width, is Eq. D9 with Ω_j(±ω_n) replaced by the line averages
 * <pre>
 *   W↑ = ∫ dω F(ω − ω_n) Ω(ω),   W↓ = ∫ dω F(ω − ω_n) Ω(−ω),   P_n^ETH = (W↑ − W↓)/(W↑ + W↓).
 * </pre>
 * Both are linear in the rates: P_n^ETH = ∫F·(numerator of P_n at ω) / ∫F·(denominator at ω), the
 * numerator and denominator of Eq. 20 (or Eq. 22) evaluated at ω instead of ω_n.
 *
 * <ul>
 *   <li>Lorentzian F of half-width γ: every ω-dependence of the rates is T_2n'/(1 + T_2n'² x²) (and
 *       the leakage's h, linear in ω across the line), and two Lorentzians convolve into one with the
 *       widths added, so P_n^ETH is P_n with T_2n' replaced by 1/(1/T_2n' + γ): nothing beyond Eq. 20
 *       with a shorter T_2n ({@link #lorentzianT2n}).</li>
 *   <li>Gaussian F of standard deviation σ (the rigid-lattice dipolar line): a Voigt profile, computed
 *       by the trapezoid rule ({@link #gaussian}).</li>
 * </ul>
 */
public final class LineBroadening {
    /** The line is followed to ±6σ (the Gaussian's weight beyond is 2·10⁻⁹). */
    public static final double GAUSSIAN_SPAN = 6;

    private LineBroadening() {}

    /** The line shapes. */
    public enum Shape {
        GAUSSIAN("gaussian"),
        LORENTZIAN("lorentzian");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Quadrature nodes ω_k and weights w_k (Σ w_k = 1) of ∫ dω F(ω − ω_n) g(ω) ≈ Σ w_k g(ω_k). */
    public record Quadrature(double[] omega, double[] weight) {
        /** Σ w_k num_k / Σ w_k den_k: P_n^ETH from the numerator and denominator of P_n at the nodes. */
        public double polarization(double[] numerator, double[] denominator) {
            double num = 0;
            double den = 0;
            for (int k = 0; k < weight.length; k++) {
                num += weight[k] * numerator[k];
                den += weight[k] * denominator[k];
            }
            return num / den;
        }
    }

    /**
     * The Gaussian line of standard deviation σ about ω_n on nodes ω_n + k h, |k h| ≤ 6σ, with
     * h = min(σ, 1/T_2n')/2: the trapezoid rule converges like e^{−2π a/h} for a Lorentzian of
     * half-width a in the integrand, so about e^{−4π} ≈ 4·10⁻⁶ relative here. The whole line must lie
     * at ω > 0 (σ ≤ ω_n/6), the regime of Appendix D (width ≪ Zeeman gap).
     */
    public static Quadrature gaussian(double omegaN, double sigma, ModelUnits units) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("line width must be positive, got " + sigma);
        }
        if (omegaN - GAUSSIAN_SPAN * sigma <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "line width %s is too large for ω_n = %s: the line must stay at ω > 0 (width < ω_n/%.0f)",
                    sigma, omegaN, GAUSSIAN_SPAN));
        }
        double h = Math.min(sigma, 1 / units.t2n()) / 2;
        int half = (int) Math.ceil(GAUSSIAN_SPAN * sigma / h);
        if (half > 100_000) {
            throw new IllegalArgumentException("line width " + sigma + " needs " + (2 * half + 1)
                    + " quadrature nodes (more than 200001)");
        }
        double[] omega = new double[2 * half + 1];
        double[] weight = new double[2 * half + 1];
        double sum = 0;
        for (int k = -half; k <= half; k++) {
            double x = k * h;
            omega[k + half] = omegaN + x;
            weight[k + half] = Math.exp(-x * x / (2 * sigma * sigma));
            sum += weight[k + half];
        }
        for (int k = 0; k < weight.length; k++) {
            weight[k] /= sum;
        }
        return new Quadrature(omega, weight);
    }

    /**
     * T_2n (seconds) that turns Eq. 20 into P_n^ETH of a Lorentzian line of half-width γ (2π·MHz):
     * T_2n'' = 1/(1/T_2n' + γ) in the units of the convention, converted back to seconds.
     */
    public static double lorentzianT2n(PhysicalParameters physics, Convention convention, double gamma) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("line width must not be negative, got " + gamma);
        }
        double t2n = ModelUnits.of(physics, convention).t2n();
        double broadened = 1 / (1 / t2n + gamma);
        return physics.t2n() * (broadened / t2n);
    }
}
