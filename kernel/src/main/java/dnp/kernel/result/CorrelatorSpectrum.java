package dnp.kernel.result;

/**
 * K(ω), R(ω) and C(ω) = K/R (Eq. 25, 30) on bins centred at ω_k = k·δ, k = 0, 1, …: bin k holds the
 * ordered pairs (α, β) with ε_β − ε_α ∈ [ω_k − δ/2, ω_k + δ/2). K uses weights O_αβ/N, R weights
 * 1/N², both divided by δ. Over realizations, average K and R first, then divide.
 *
 * @param binWidth δ (2π·MHz)
 * @param omega    bin centres
 * @param k        K(ω)
 * @param r        R(ω)
 */
public record CorrelatorSpectrum(double binWidth, double[] omega, double[] k, double[] r) {

    /** C(ω) = K(ω)/R(ω), NaN where R = 0. */
    public double[] c() {
        double[] c = new double[k.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = r[i] > 0 ? k[i] / r[i] : Double.NaN;
        }
        return c;
    }
}
