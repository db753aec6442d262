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
    double[] eigenvalues(DenseMatrix matrix);
}
