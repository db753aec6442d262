package dnp.analysis;

/**
 * The density correlator of Eq. 30 read literally, R(ω) = ∫dε ρ̄(ε) ρ̄(ε + ω), from the
 * realization-averaged density of states ρ̄ (docs/model.md#density-correlator-r-and-ratio-c-eq-30).
 *
 * <p>ρ̄ is a histogram: ρ_a on bins of width δ_E. Bin a and bin b = a + s shifted by −ω overlap over
 * δ_E Λ(s − ω/δ_E), Λ(x) = max(0, 1 − |x|), so R is piecewise linear,
 * <pre>
 *   R(ω) = δ_E Σ_s Λ(s − ω/δ_E) A_s,     A_s = Σ_a ρ_a ρ_{a+s},
 * </pre>
 * exact for the histogram. It is reported as its average over an ω bin [lo, hi), as the pair histogram
 * R of the kernel is, through the antiderivative of Λ; so Σ over bins tiling the whole ω axis of
 * (bin average × bin width) is (Σ_a ρ_a δ_E)² = 1 exactly.
 *
 * <p>It lives in analysis because ρ̄ is an average over realizations: the kernel sees one realization,
 * whose pair histogram (1/N²) Σ_αβ δ(ω − ε_β + ε_α) keeps the correlations of its own levels (the
 * level repulsion below the mean spacing, the α = β spike at ω = 0); ρ̄ρ̄ has neither.
 */
public final class DensityCorrelation {
    private DensityCorrelation() {}

    /** Mean of ∫ρ̄(ε)ρ̄(ε + ω)dε over ω ∈ [lo, hi), for a histogram {@code density} of bins {@code binWidth}. */
    public static double binAverage(double[] density, double binWidth, double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("empty ω bin [" + lo + ", " + hi + ")");
        }
        int bins = density.length;
        double u0 = lo / binWidth;
        double u1 = hi / binWidth;
        double sum = 0;
        for (int s = -(bins - 1); s < bins; s++) {
            double overlap = triangleIntegral(u1 - s) - triangleIntegral(u0 - s);
            if (overlap == 0) {
                continue;
            }
            double a = 0;
            for (int i = Math.max(0, -s); i < Math.min(bins, bins - s); i++) {
                a += density[i] * density[i + s];
            }
            sum += a * overlap;
        }
        // ∫_lo^hi δ_E Λ(s − ω/δ_E) dω = δ_E² [F(hi/δ_E − s) − F(lo/δ_E − s)], then the mean over hi − lo.
        return binWidth * binWidth * sum / (hi - lo);
    }

    /** F(x) = ∫_{−∞}^x Λ(u) du for the unit triangle Λ. */
    static double triangleIntegral(double x) {
        if (x <= -1) {
            return 0;
        }
        if (x <= 0) {
            return (1 + x) * (1 + x) / 2;
        }
        if (x < 1) {
            return 1 - (1 - x) * (1 - x) / 2;
        }
        return 1;
    }
}
