package dnp.kpm;

/**
 * The matrix-free product with H̃ on a block of B vectors, fused with the Chebyshev update and the
 * dot products of the doubling trick. Storage is site-major with the block index fastest:
 * v[i·B + c] is component i of vector c, so SIMD lanes run across the block and every neighbour
 * access is one contiguous run of B doubles. Arrays hold N + 1 rows: row N is a zero row that
 * stands for the missing neighbours of open boundaries, so periodic and open lattices run the same
 * branch-free arithmetic (adding +0.0 changes no value).
 *
 * <p>One call computes, for every site i of the z-planes [zFrom, zTo) and column c,
 * <pre>
 *   y = H̃x:    y[i,c] = d_i x[i,c] − τ (x[i−x̂] + x[i+x̂] + x[i−ŷ] + x[i+ŷ] + x[i−ẑ] + x[i+ẑ])[c]
 *   out[i,c] ← f·y[i,c] − (subtract ? out[i,c] : 0)
 *            = (f d_i)·x[i,c] − (f τ)·(neighbour sum) − (subtract ? out[i,c] : 0)
 * </pre>
 * (d_i = (Δ_i − b)/a, τ = t/a; with f = 2 and subtract this is r_{n+1} = 2H̃r_n − r_{n−1}, written over
 * r_{n−1}; the engine only uses f = 1 and f = 2, for which the second form is bit-identical to the first
 * because scaling by a power of two is exact). Planes are independent, so threads may run disjoint plane
 * ranges of one step on the same arrays.
 *
 * <p>The dot products Σ_i x[i,c]² and Σ_i out[i,c]·x[i,c] are returned per plane, in a fixed order:
 * the sum over a row (fixed y, z) in ascending x starting from 0, the plane's sum as the row sums added
 * in ascending y starting from 0, written to {@code planeSums[z·2B + c]} (⟨x|x⟩) and
 * {@code planeSums[z·2B + B + c]} (⟨out|x⟩). {@link #reducePlanes} then adds the planes in ascending z.
 * The order depends neither on the implementation nor on how planes are split among threads, and all
 * implementations use separate multiplies and adds (no fused multiply-add), so scalar and SIMD results
 * are identical, and so are runs with any number of threads.
 */
public interface BlockStencil {

    /** {@code scalar} or {@code panama(<bits>-bit)}. */
    String name();

    /**
     * One step on the planes [zFrom, zTo). {@code planeSums} (length ≥ L·2B) receives the per-plane dot
     * products of those planes (overwritten), or is null when they are not wanted.
     */
    void applyPlanes(ScaledHamiltonian h, int blockSize, double[] x, double[] out, double factor, boolean subtract,
                     int zFrom, int zTo, double[] planeSums);

    /**
     * One step on the whole lattice; when {@code xx} is not null, adds Σ_i x[i,c]² to xx[c] and
     * Σ_i out[i,c]·x[i,c] to xo[c] (in the order of the class comment).
     */
    default void apply(ScaledHamiltonian h, int blockSize, double[] x, double[] out, double factor, boolean subtract,
                       double[] xx, double[] xo) {
        int planes = h.size();
        if (xx == null) {
            applyPlanes(h, blockSize, x, out, factor, subtract, 0, planes, null);
            return;
        }
        double[] sums = new double[planes * 2 * blockSize];
        applyPlanes(h, blockSize, x, out, factor, subtract, 0, planes, sums);
        reducePlanes(sums, planes, blockSize, xx, xo);
    }

    /** Adds the per-plane sums of planes 0 … planes−1, in ascending z, to xx and xo. */
    static void reducePlanes(double[] planeSums, int planes, int blockSize, double[] xx, double[] xo) {
        for (int z = 0; z < planes; z++) {
            int base = z * 2 * blockSize;
            for (int c = 0; c < blockSize; c++) {
                xx[c] += planeSums[base + c];
                xo[c] += planeSums[base + blockSize + c];
            }
        }
    }

    /** Length of a block array: (N + 1)·B (the last row stays zero). */
    static int length(ScaledHamiltonian h, int blockSize) {
        long len = (long) (h.sites() + 1) * blockSize;
        if (len > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("block of " + blockSize + " vectors of " + h.sites()
                    + " sites exceeds one Java array: use a smaller block size");
        }
        return (int) len;
    }
}
