package dnp.kpm;

/**
 * The matrix-free product with H̃ on a block of B vectors, fused with the Chebyshev update and the
 * dot products of the doubling trick. Storage is site-major with the block index fastest:
 * v[i·B + c] is component i of vector c, so SIMD lanes run across the block and every neighbour
 * access is one contiguous run of B doubles. Arrays hold N + 1 rows: row N is a zero row that
 * stands for the missing neighbours of open boundaries, so periodic and open lattices run the same
 * branch-free arithmetic (adding +0.0 changes no value).
 *
 * <p>One call computes, for every site i of rows y ∈ [yFrom, yTo) of plane z and column c,
 * <pre>
 *   y = H̃x:    y[i,c] = d_i x[i,c] − τ (x[i−x̂] + x[i+x̂] + x[i−ŷ] + x[i+ŷ] + x[i−ẑ] + x[i+ẑ])[c]
 *   out[i,c] ← f·y[i,c] − (subtract ? out[i,c] : 0)
 *            = (f d_i)·x[i,c] − (f τ)·(neighbour sum) − (subtract ? out[i,c] : 0)
 * </pre>
 * (d_i = (Δ_i − b)/a, τ = t/a; with f = 2 and subtract this is r_{n+1} = 2H̃r_n − r_{n−1}, written over
 * r_{n−1}; the engine only uses f = 1 and f = 2, for which the second form is bit-identical to the first
 * because scaling by a power of two is exact). Sites only read x and write their own out entry, so
 * threads may run disjoint row ranges of one step on the same arrays.
 *
 * <p>The dot products Σ_i x[i,c]² and Σ_i out[i,c]·x[i,c] are summed in a fixed order: over a row
 * (fixed y, z) in ascending x starting from 0; over a <em>row group</em> (the rows y ∈ [yStart(g),
 * yStart(g+1)) of one plane, {@link #ROW_GROUPS} groups per plane) as the row sums added in ascending y
 * starting from 0; over the lattice as the group sums added in ascending (z, g). The order depends
 * neither on the implementation nor on how the groups are shared among threads, and all
 * implementations use separate multiplies and adds (no fused multiply-add), so scalar and SIMD
 * results are identical, and so are runs with any number of threads.
 */
public interface BlockStencil {

    /** Row groups per plane: the unit of work of a thread and of the fixed summation order. */
    int ROW_GROUPS = 4;

    /** {@code scalar} or {@code panama(<bits>-bit)}. */
    String name();

    /**
     * One step on rows [yFrom, yTo) of plane z. When {@code sums} is not null, the dot products over
     * those rows are written (not added) to sums[offset + c] (⟨x|x⟩) and sums[offset + B + c] (⟨out|x⟩).
     */
    void applyRows(ScaledHamiltonian h, int blockSize, double[] x, double[] out, double factor, boolean subtract,
                   int z, int yFrom, int yTo, double[] sums, int offset);

    /** First row of group g (g = 0 … ROW_GROUPS) of a lattice of linear size L. */
    static int groupStart(int g, int size) {
        return g * size / ROW_GROUPS;
    }

    /**
     * One step on the whole lattice; when {@code xx} is not null, adds Σ_i x[i,c]² to xx[c] and
     * Σ_i out[i,c]·x[i,c] to xo[c] (in the order of the class comment).
     */
    default void apply(ScaledHamiltonian h, int blockSize, double[] x, double[] out, double factor, boolean subtract,
                       double[] xx, double[] xo) {
        int size = h.size();
        double[] sums = xx == null ? null : new double[2 * blockSize];
        for (int z = 0; z < size; z++) {
            for (int g = 0; g < ROW_GROUPS; g++) {
                applyRows(h, blockSize, x, out, factor, subtract, z, groupStart(g, size), groupStart(g + 1, size),
                        sums, 0);
                if (sums != null) {
                    for (int c = 0; c < blockSize; c++) {
                        xx[c] += sums[c];
                        xo[c] += sums[blockSize + c];
                    }
                }
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
