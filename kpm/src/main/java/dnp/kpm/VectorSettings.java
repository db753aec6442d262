package dnp.kpm;

/**
 * How the stochastic-vector estimator ({@link VectorEngine}) is run.
 *
 * @param moments    number M of Chebyshev moments μ_0 … μ_{M−1}
 * @param vectors    R, the random vectors: the lattice is divided into P = R/4 random parts and each
 *                   part carries two independent pairs of ±1 vectors supported on it ({@link VectorPartition})
 * @param groups     J, the groups the parts are dealt into (part q goes to group q mod J), 2 ≤ J ≤ P:
 *                   the error bars come from the difference of the two pairs' estimates in each group,
 *                   with J degrees of freedom
 * @param kernel     damping kernel used by default when evaluating
 * @param threads    Java threads of the stencil (BLAS threads are set by the caller); results do not
 *                   depend on this number
 * @param sweepDepth Chebyshev steps per sweep through memory (0: automatic); results do not depend on it
 * @param draw       which independent draw of the partition and the vectors (0 by default): other draws
 *                   estimate the same realization with independent noise
 */
public record VectorSettings(int moments, int vectors, int groups, DampingKernel kernel, int threads,
                             int sweepDepth, int draw) {

    /**
     * Bytes the per-site recordings of one block of vectors may take (the block shrinks to fit, and the
     * default number of vectors grows so that two parts fit): 6 GiB, which L ≤ 100 at M = 3000 never
     * reaches with the default 64 vectors (3.1 GB at L = 64), and which keeps L = 128 at 256 vectors.
     */
    public static final long RECORDING_BYTES = 6L << 30;
    /** Jackknife groups by default: 8 degrees of freedom for the error bars. */
    public static final int DEFAULT_GROUPS = 8;
    /** Parts by default where memory does not ask for more: 16, i.e. 64 vectors. */
    public static final int DEFAULT_PARTS = 16;
    /** Most columns of one block: one SIMD vector of doubles on AVX-512, the four vectors of two parts. */
    static final int MAX_BLOCK = 8;
    /** Most moments: the M×M Gram matrices of the groups are dense (72 MB each at M = 3000). */
    public static final int MAX_MOMENTS = 20_000;
    private static final int PER_PART = GramMoments.VECTORS_PER_PART;

    public VectorSettings {
        if (moments < 2 || moments > MAX_MOMENTS) {
            throw new IllegalArgumentException("the vector estimator takes 2 to " + MAX_MOMENTS
                    + " Chebyshev moments, got " + moments);
        }
        if (vectors < 2 * PER_PART || vectors % PER_PART != 0) {
            throw new IllegalArgumentException("the vector estimator needs a multiple of " + PER_PART
                    + " vectors (two pairs per part), at least " + 2 * PER_PART + ", got " + vectors);
        }
        if (groups < 2 || groups > vectors / PER_PART) {
            throw new IllegalArgumentException("groups must be between 2 and the " + vectors / PER_PART
                    + " parts, got " + groups);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("damping kernel must be given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (sweepDepth < 0) {
            throw new IllegalArgumentException("sweep depth must be ≥ 0 (0 = automatic), got " + sweepDepth);
        }
        if (draw < 0) {
            throw new IllegalArgumentException("the draw index must be ≥ 0, got " + draw);
        }
    }

    /** The first draw, the sweep depth chosen automatically. */
    public VectorSettings(int moments, int vectors, int groups, DampingKernel kernel, int threads) {
        this(moments, vectors, groups, kernel, threads, 0, 0);
    }

    /**
     * The default number of vectors on a lattice of N sites with M moments: 4P with P the larger of
     * {@link #DEFAULT_PARTS} and the fewest parts whose block of eight recordings fits
     * {@link #RECORDING_BYTES}, rounded up to a multiple of {@link #DEFAULT_GROUPS}.
     */
    public static int defaultVectors(long n, int moments) {
        long byMemory = (long) Math.ceil(8.0 * MAX_BLOCK * n * moments / RECORDING_BYTES);
        long parts = Math.max(DEFAULT_PARTS, byMemory);
        parts = (parts + DEFAULT_GROUPS - 1) / DEFAULT_GROUPS * DEFAULT_GROUPS;
        return (int) Math.min(Integer.MAX_VALUE / PER_PART, parts) * PER_PART;
    }

    /** P = R/4: the parts of the lattice, two vector pairs each. */
    public int parts() {
        return vectors / PER_PART;
    }

    public VectorSettings withThreads(int t) {
        return new VectorSettings(moments, vectors, groups, kernel, t, sweepDepth, draw);
    }

    public VectorSettings withKernel(DampingKernel k) {
        return new VectorSettings(moments, vectors, groups, k, threads, sweepDepth, draw);
    }

    public VectorSettings withSweepDepth(int depth) {
        return new VectorSettings(moments, vectors, groups, kernel, threads, depth, draw);
    }

    public VectorSettings withDraw(int d) {
        return new VectorSettings(moments, vectors, groups, kernel, threads, sweepDepth, d);
    }

    /** The largest part of a lattice of N sites: ⌈N/P⌉ sites. */
    public long largestPart(long n) {
        return (n + parts() - 1) / parts();
    }

    /**
     * Columns per block for a lattice of N sites: the most (a multiple of 4, ≤ {@link #MAX_BLOCK}) whose
     * recordings, each ⌈N/P⌉ sites × M doubles, fit {@link #RECORDING_BYTES}; 0 if not even one part fits.
     */
    public int blockSize(long n) {
        return blockSize(largestPart(n), moments);
    }

    /** Columns per block for parts of at most {@code sites} sites (see {@link #blockSize(long)}). */
    static int blockSize(long sites, int moments) {
        long perColumn = 8L * sites * moments;
        long fit = Math.min(MAX_BLOCK, RECORDING_BYTES / Math.max(1, perColumn));
        return (int) (fit - fit % PER_PART);
    }

    /**
     * Bytes of the Java heap one realization needs: the J groups' Gram matrices as floats (M² each), the
     * evaluator's sum of them in doubles (M²/2 · 8), and its spectra and densities (≈ 3·K·M doubles).
     */
    public double heapBytes() {
        double mm = (double) moments * moments;
        return 4 * groups * mm + 4 * mm + 24.0 * KpmEvaluator.gridPoints(moments) * moments;
    }

    /**
     * Bytes one realization of N sites needs: the recordings of one block (off the heap), the 2J Gram
     * matrices (M² doubles each off the heap while they are summed, then M²/2 floats on the heap), the
     * stencil's two blocks of (N + 1)·B doubles, and the evaluator's Chebyshev matrix, its chunk of
     * densities and their spectra (≈ 4·K·M doubles on the K-point grid). The JVM's own memory comes on top.
     */
    public double bytes(long n) {
        int b = Math.max(PER_PART, blockSize(n));
        double k = KpmEvaluator.gridPoints(moments);
        double mm = (double) moments * moments;
        return 8.0 * b * largestPart(n) * moments + 2 * groups * (8 * mm + 2 * mm)
                + 8 * (2.0 * (n + 1) * b + 4.0 * n + 4 * k * moments);
    }
}
