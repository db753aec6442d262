package dnp.kernel.model;

/**
 * The project's pseudo-random generator, fixed so that a (seed, realization, purpose) triple
 * gives the same numbers in every release and on every machine. It is SplitMix64 (Steele, Lea
 * and Flood, OOPSLA 2014) with the standard constants:
 *
 * <pre>
 *   state₀ = mix(mix(seed) + 0x9E3779B97F4A7C15·(realization + 1) + purpose)
 *   stateₖ₊₁ = stateₖ + 0x9E3779B97F4A7C15
 *   outputₖ = mix(stateₖ₊₁)
 *   mix(z): z = (z ^ (z >>> 30))·0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27))·0x94D049BB133111EB; z ^ (z >>> 31)
 *   uniform double in [0, 1): (output >>> 11)·2⁻⁵³
 * </pre>
 * Do not change it: stored sweeps and published numbers depend on it.
 */
public final class RandomStream {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** Purpose tag of the on-site disorder Δ_i. */
    public static final long DISORDER = 0;
    /** Purpose tag of the sampled GOE matrix. */
    public static final long GOE = 0x5EED_0000_0000_0001L;

    private long state;

    public RandomStream(long seed, long realization, long purpose) {
        if (realization < 0) {
            throw new IllegalArgumentException("realization index must not be negative, got " + realization);
        }
        this.state = mix(mix(seed) + GOLDEN_GAMMA * (realization + 1) + purpose);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal by the Box–Muller transform (one value per call, the sine branch unused). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** SplitMix64's finalizer: a bijective mixing of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
