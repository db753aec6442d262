package dnp.kernel.eigen;

/**
 * The eigen stage: diagonalizes a real symmetric matrix. Implementations: native LAPACK
 * ({@link LapackEigenSolver}, drivers dsyevd and dsyevr) and the pure-Java reference in the
 * {@code reference} module; other backends plug in here without touching callers.
 */
public interface EigenSolver {

    /** Short name recorded in results, e.g. {@code dsyevd}. */
    String name();

    /**
     * Eigenvalues ascending and orthonormal eigenvectors of the symmetric matrix whose lower
     * triangle {@code matrix} holds. The returned decomposition owns the eigenvectors: they may
     * overwrite {@code matrix} in place (then {@code vectors() == matrix}), or live in a new matrix,
     * in which case {@code matrix} has been closed. Either way the caller closes only the result.
     */
    EigenDecomposition decompose(DenseMatrix matrix);

    /** Eigenvalues only, ascending; {@code matrix} is destroyed but stays open (the caller closes it). */
    default double[] eigenvalues(DenseMatrix matrix) {
        return levels(matrix).values();
    }

    /** Eigenvalues, ascending, and the routine that computed them (recorded with results built on them). */
    record Levels(double[] values, String routine) {}

    /**
     * {@link #eigenvalues} with the name of the routine that ran, which may be another than {@link #name()}
     * (LAPACK's two-stage reduction for eigenvalues alone, {@link LapackEigenSolver}); {@code matrix} is
     * destroyed but stays open.
     */
    Levels levels(DenseMatrix matrix);

    /**
     * Whether the eigenvalues come out of the same orthogonal factorization as the eigenvectors, as
     * with dsyevd: such pairs are the exact eigenpairs of one matrix within rounding of M, and
     * observables computed from them are those of that matrix. Where they do not (dsyevr finds
     * eigenvalues by dqds and eigenvectors by MRRR, each with its own rounding), the kernel replaces
     * each eigenvalue by the Rayleigh quotient of its vector, which restores that consistency
     * (docs/model.md#numerical-accuracy).
     */
    default boolean pairsFromOneFactorization() {
        return true;
    }
}
