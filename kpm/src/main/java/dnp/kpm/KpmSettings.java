package dnp.kpm;

/**
 * How a KPM computation is run.
 *
 * @param moments      number M of Chebyshev moments μ_0 … μ_{M−1} (resolution ≈ π·a/M in energy,
 *                     a the half-width of the rescaled spectrum)
 * @param sites        number S of sites whose local moments are computed, drawn without replacement
 *                     and reproducibly from (seed, realization); 0 means all N sites (exact site sum)
 * @param kernel       damping kernel
 * @param blockSize    vectors propagated together through the stencil (the SIMD lanes run across them)
 * @param threads      Java threads; they share each block, splitting every plane into row groups (at most
 *                     {@link BlockStencil#ROW_GROUPS} are used); results do not depend on this number
 * @param traceVectors random ±1 vectors of the stochastic trace for the global DOS when sites are
 *                     sampled (with all sites the DOS is the exact site average and none are used)
 * @param sweepDepth   Chebyshev steps per sweep through memory (the wavefront of {@link KpmEngine});
 *                     0 chooses by lattice and block size; results do not depend on this number
 */
public record KpmSettings(int moments, int sites, DampingKernel kernel, int blockSize, int threads, int traceVectors,
                          int sweepDepth) {

    /** Relative safety margin of the spectral rescaling: H̃ = (H − b)/a with a = (1 + margin)·(Gershgorin half-width). */
    public static final double MARGIN = 0.01;

    public KpmSettings {
        if (moments < 2) {
            throw new IllegalArgumentException("need at least 2 Chebyshev moments, got " + moments);
        }
        if (sites < 0) {
            throw new IllegalArgumentException("sampled sites must be ≥ 0 (0 = all), got " + sites);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("damping kernel must be given");
        }
        if (blockSize < 1 || blockSize > 1024) {
            throw new IllegalArgumentException("block size must be in [1, 1024], got " + blockSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (sweepDepth < 0) {
            throw new IllegalArgumentException("sweep depth must be ≥ 0 (0 = automatic), got " + sweepDepth);
        }
        if (traceVectors < 0 || (sites > 0 && traceVectors < 2)) {
            throw new IllegalArgumentException("a sampled run needs at least 2 trace vectors (for an error bar), got "
                    + traceVectors);
        }
    }

    /** With the sweep depth chosen automatically. */
    public KpmSettings(int moments, int sites, DampingKernel kernel, int blockSize, int threads, int traceVectors) {
        this(moments, sites, kernel, blockSize, threads, traceVectors, 0);
    }

    /** All sites, Jackson kernel, blocks of 8, one thread per core, no trace vectors. */
    public static KpmSettings allSites(int moments) {
        return new KpmSettings(moments, 0, DampingKernel.JACKSON, 8, Runtime.getRuntime().availableProcessors(), 0);
    }

    /** S sampled sites, Jackson kernel, blocks of 8, one thread per core, 16 trace vectors. */
    public static KpmSettings sampled(int moments, int sites) {
        return new KpmSettings(moments, sites, DampingKernel.JACKSON, 8, Runtime.getRuntime().availableProcessors(), 16);
    }

    public KpmSettings withThreads(int t) {
        return new KpmSettings(moments, sites, kernel, blockSize, t, traceVectors, sweepDepth);
    }

    public KpmSettings withBlockSize(int b) {
        return new KpmSettings(moments, sites, kernel, b, threads, traceVectors, sweepDepth);
    }

    public KpmSettings withKernel(DampingKernel k) {
        return new KpmSettings(moments, sites, k, blockSize, threads, traceVectors, sweepDepth);
    }

    public KpmSettings withSweepDepth(int depth) {
        return new KpmSettings(moments, sites, kernel, blockSize, threads, traceVectors, depth);
    }

    public boolean allSitesRequested() {
        return sites == 0;
    }

    /** Start vectors of a realization of N sites: all N sites, or S sampled sites and R trace vectors. */
    public int columns(int n) {
        return allSitesRequested() || sites >= n ? n : sites + traceVectors;
    }

    /**
     * Bytes of Java arrays one realization of N sites needs with these settings, computed whole or
     * combined from parts (a part needs less): the stencil's two blocks of (N + 1)·B doubles plus the
     * Hamiltonian's and the disorder's N each; the M moments of the C start vectors in up to four copies
     * (file, parts, joined, evaluator); and the evaluator's density and its spectrum per column on the
     * K-point grid ({@link KpmEvaluator#gridPoints}, about 3K doubles per column). The JVM's own
     * memory comes on top.
     */
    public double bytes(int n) {
        double c = columns(n);
        double k = KpmEvaluator.gridPoints(moments);
        return 8 * (2.0 * (n + 1) * blockSize + 4.0 * n + 4 * c * moments + 3 * c * k);
    }
}
