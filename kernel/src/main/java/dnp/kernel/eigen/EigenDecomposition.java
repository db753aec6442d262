package dnp.kernel.eigen;

/**
 * λ_α ascending and the orthonormal eigenvectors as columns: φ_αj = {@code vectors.get(j, α)}.
 * Owns {@code vectors}; closing it frees them.
 */
public record EigenDecomposition(double[] eigenvalues, DenseMatrix vectors) implements AutoCloseable {
    public EigenDecomposition {
        if (eigenvalues.length != vectors.order()) {
            throw new IllegalArgumentException(eigenvalues.length + " eigenvalues for a matrix of order "
                    + vectors.order());
        }
    }

    @Override
    public void close() {
        vectors.close();
    }
}
