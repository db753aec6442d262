package dnp.kernel.vector;

import java.lang.foreign.MemorySegment;

/**
 * The loops of the observable pass over one column β of the overlap matrix, on the rows
 * α ∈ [from, to) (called once per column, so O(N²) per frequency in all). Two implementations:
 * {@link ScalarSpectralKernels} (plain loops) and a Vector API one, chosen once per JVM by
 * {@link VectorizationProvider}. Both compute the same sums; they differ in rounding only.
 */
public interface SpectralKernels {

    /** Name for logs and results: {@code scalar} or {@code panama(<bits>-bit)}. */
    String name();

    /** Bits of the SIMD registers the loops use: 64 (one double) for the scalar path. */
    int vectorBits();

    /** Σ a[i] for i in [from, to). */
    double sum(double[] a, int from, int to);

    /** Σ a[i]·b[i] for i in [from, to). */
    double dot(double[] a, double[] b, int from, int to);

    /**
     * Lorentzian weights of the unordered pairs (α, β), α in [from, to), for one ω: with
     * d = λ_α − λ_β, L₋ = 1/(1 + τ²(ω − d)²) (the ordered pair α→β) and L₊ = 1/(1 + τ²(ω + d)²)
     * (β→α), writes sumL = L₋ + L₊, diffL = L₋ − L₊, sumW = o·sumL, diffW = o·diffL, and
     * {@code sums = {Σ sumW, Σ diffW, Σ sumL, Σ diffL}}.
     */
    void pairLorentzian(double[] o, double[] lambda, int from, int to, double lambdaBeta, double omega,
                        double t2Squared, double[] sumW, double[] diffW, double[] sumL, double[] diffL, double[] sums);

    /** {@code out = {Σ a·p, Σ b·p, Σ c·p, Σ d·p}} over [from, to). */
    void dot4(double[] a, double[] b, double[] c, double[] d, double[] p, int from, int to, double[] out);

    /** a[i] ← a[i]² for i in [0, n): turns eigenvector components φ into Q = φ². */
    void square(MemorySegment a, long n);
}
