package dnp.kernel.vector;

/**
 * The O(N)-per-column loops of the observable pass (called N times per column block, so O(N²)
 * per frequency in all). Two implementations: {@link ScalarSpectralKernels} (plain loops) and a
 * Vector API one, chosen once per JVM by {@link VectorizationProvider}. Both compute the same
 * sums; they may differ in rounding only (summation order).
 */
public interface SpectralKernels {

    /** Name for logs and results: {@code scalar} or {@code panama(<bits>)}. */
    String name();

    /** Σ a[i] for i in [from, to). */
    double sum(double[] a, int from, int to);

    /** Σ a[i]·b[i] for i in [0, n). */
    double dot(double[] a, double[] b, int n);

    /**
     * Lorentzian weights of one column β for one ω_n: for α in [0, n),
     * ℓ_α = 1/(1 + τ²(s − λ_α)²) with s = λ_β + ω_n, τ² = {@code t2Squared};
     * writes ℓ into {@code lorentz} and o_α·ℓ_α into {@code weighted}, and
     * {@code sums[0] = Σ o·ℓ}, {@code sums[1] = Σ ℓ}.
     */
    void lorentzian(double[] o, double[] lambda, int n, double shift, double t2Squared,
                    double[] lorentz, double[] weighted, double[] sums);

    /** {@code out[0] = Σ a[i]·p[i]}, {@code out[1] = Σ b[i]·p[i]} for i in [0, n). */
    void dot2(double[] a, double[] b, double[] p, int n, double[] out);

    /** a[i] ← a[i]² for i in [0, n): turns eigenvector components φ into Q = φ². */
    void square(java.lang.foreign.MemorySegment a, long n);
}
