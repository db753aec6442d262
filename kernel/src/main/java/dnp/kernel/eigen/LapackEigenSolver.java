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
