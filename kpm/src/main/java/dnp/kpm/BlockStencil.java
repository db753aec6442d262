package dnp.kpm;

/**
 * The matrix-free product with H̃ on a block of B vectors, fused with the Chebyshev update and the
 * dot products of the doubling trick. Storage is site-major with the block index fastest:
 * v[i·B + c] is component i of vector c, so SIMD lanes run across the block and every neighbour
 * access is one contiguous run of B doubles. Arrays hold N + 1 rows: row N is a zero row that
 * stands for the missing neighbours of open boundaries, so periodic and open lattices run the same
 * branch-free arithmetic (adding +0.0 changes no value).
 *
 * <p>One call computes, for every site i and column c,
 * <pre>
 *   y = H̃x:    y[i,c] = d_i x[i,c] − τ (x[i−x̂] + x[i+x̂] + x[i−ŷ] + x[i+ŷ] + x[i−ẑ] + x[i+ẑ])[c]
 *   out[i,c] ← f·y[i,c] − (subtract ? out[i,c] : 0)
 * </pre>
 * (d_i = (Δ_i − b)/a, τ = t/a; with f = 2 and subtract this is r_{n+1} = 2H̃r_n − r_{n−1}, written over
 * r_{n−1}) and, when {@code xx} is not null, adds Σ_i x[i,c]² to xx[c] and Σ_i out[i,c]·x[i,c] to
 * xo[c], in ascending i. Implementations add in the same order without fused multiply-adds, so the
 * scalar and SIMD results are identical.
 */
public interface BlockStencil {

    /** {@code scalar} or {@code panama(<bits>-bit)}. */
    String name();

    void apply(ScaledHamiltonian h, int blockSize, double[] x, double[] out, double factor, boolean subtract,
               double[] xx, double[] xo);

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
