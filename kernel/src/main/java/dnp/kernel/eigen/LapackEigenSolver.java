package dnp.kernel.eigen;

import dnp.nativebindings.Lapack;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * The eigen stage on native LAPACK through FFM.
 * <ul>
 *   <li>{@link Driver#DSYEVD}: divide and conquer; eigenvectors overwrite the input in place, no
 *       copy of the N² matrix; workspace 1 + 6N + 2N² doubles (beyond 32-bit LAPACK integers from
 *       N = 32768, i.e. L = 32).</li>
 *   <li>{@link Driver#DSYEVR}: MRRR; O(N) workspace, but the eigenvectors need a second N² matrix
 *       (the input is freed once they are computed).</li>
 * </ul>
 */
public final class LapackEigenSolver implements EigenSolver {

    /** LAPACK driver routine. */
    public enum Driver {
        DSYEVD, DSYEVR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Driver parse(String text) {
            for (Driver d : values()) {
                if (d.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown LAPACK driver '" + text + "': expected dsyevd or dsyevr");
        }
    }

    private final Driver driver;

    public LapackEigenSolver(Driver driver) {
        this.driver = driver;
    }

    public Driver driver() {
        return driver;
    }

    @Override
    public boolean pairsFromOneFactorization() {
        return driver == Driver.DSYEVD;
    }

    @Override
    public String name() {
        return driver.label();
    }

    @Override
    public EigenDecomposition decompose(DenseMatrix matrix) {
        int n = matrix.order();
        double[] values = new double[n];
        MemorySegment w = java.lang.foreign.Arena.ofAuto().allocate(ValueLayout.JAVA_DOUBLE, Math.max(1, n));
        switch (driver) {
            case DSYEVD -> {
                Lapack.dsyevd(Lapack.Job.VECTORS, n, matrix.segment(), Math.max(1, n), w);
                MemorySegment.copy(w, ValueLayout.JAVA_DOUBLE, 0, values, 0, n);
                return new EigenDecomposition(values, matrix);
            }
            case DSYEVR -> {
                DenseMatrix vectors = DenseMatrix.zeros(n);
                try {
                    if (n > 0) {
                        Lapack.dsyevr(Lapack.Job.VECTORS, n, matrix.segment(), n, 1, n, w, vectors.segment(), n);
                    }
                } catch (RuntimeException ex) {
                    vectors.close();
                    throw ex;
                }
                matrix.close();
                MemorySegment.copy(w, ValueLayout.JAVA_DOUBLE, 0, values, 0, n);
                return new EigenDecomposition(values, vectors);
            }
            default -> throw new IllegalStateException("unreachable");
        }
    }

    /** Eigenpairs il…iu (1-based, inclusive) of the ascending spectrum; φ_αj = vectors[α − il][j]. */
    public record Window(double[] eigenvalues, double[][] vectors) {}

    /**
     * Only the eigenpairs with indices il…iu, by dsyevr (whatever this solver's driver): the
     * tridiagonal reduction is still O(N³), but eigenvectors are computed and back-transformed for
     * the window alone. {@code matrix} is destroyed but stays open.
     */
    public Window window(DenseMatrix matrix, int il, int iu) {
        int n = matrix.order();
        int m = iu - il + 1;
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment w = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(1, n));
            MemorySegment z = arena.allocate(8L * n * Math.max(1, m), DenseMatrix.ALIGNMENT);
            Lapack.dsyevr(Lapack.Job.VECTORS, n, matrix.segment(), n, il, iu, w, z, n);
            double[] values = new double[m];
            MemorySegment.copy(w, ValueLayout.JAVA_DOUBLE, 0, values, 0, m);
            double[][] vectors = new double[m][n];
            for (int c = 0; c < m; c++) {
                MemorySegment.copy(z, ValueLayout.JAVA_DOUBLE, 8L * n * c, vectors[c], 0, n);
            }
            return new Window(values, vectors);
        }
    }

    @Override
    public double[] eigenvalues(DenseMatrix matrix) {
        int n = matrix.order();
        double[] values = new double[n];
        if (n == 0) {
            return values;
        }
        MemorySegment w = java.lang.foreign.Arena.ofAuto().allocate(ValueLayout.JAVA_DOUBLE, n);
        switch (driver) {
            case DSYEVD -> Lapack.dsyevd(Lapack.Job.VALUES, n, matrix.segment(), n, w);
            case DSYEVR -> Lapack.dsyevr(Lapack.Job.VALUES, n, matrix.segment(), n, 1, n, w, MemorySegment.NULL, n);
            default -> throw new IllegalStateException("unreachable");
        }
        MemorySegment.copy(w, ValueLayout.JAVA_DOUBLE, 0, values, 0, n);
        return values;
    }
}
