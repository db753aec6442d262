package dnp.kernel.vector;

/**
 * Sturm counts of a symmetric tridiagonal matrix T (diagonal a, squared off-diagonal b2): for each
 * shift σ, the number of eigenvalues below σ, which by Sylvester's law of inertia is the number of
 * negative pivots of the LDLᵀ factorization of T − σ,
 * <pre>
 *   q_1 = a_1 − σ,   q_i = (a_i − σ) − b2_{i−1}/q_{i−1},
 * </pre>
 * with a pivot of magnitude below {@code pivmin} replaced by −pivmin, as LAPACK's dstebz does.
 * Implementations perform the same IEEE operations in the same order for every shift, so they
 * return identical counts.
 */
public interface SturmCounter {

    /** {@code scalar} or {@code panama(<bits>-bit)}. */
    String name();

    /** counts[k] = eigenvalues of T (order n) below shifts[k], for k in [0, shifts.length). */
    void count(double[] a, double[] b2, int n, double pivmin, double[] shifts, int[] counts);
}
