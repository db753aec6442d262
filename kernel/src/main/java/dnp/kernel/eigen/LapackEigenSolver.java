package dnp.kernel.eigen;

import dnp.nativebindings.Lapack;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * The eigen stage on native LAPACK through FFM.
 * <ul>
 *   <li>{@link Routine#DSYEVD}: divide and conquer; eigenvectors overwrite the input in place, no
 *       copy of the N² matrix; workspace 1 + 6N + 2N² doubles (beyond 32-bit LAPACK integers from
 *       N = 32768, i.e. L = 32).</li>
 *   <li>{@link Routine#DSYEVR}: MRRR; O(N) workspace, but the eigenvectors need a second N² matrix
 *       (the input is freed once they are computed).</li>
 * </ul>
 * Eigenvalues alone (level statistics) go through dsyevd_2stage from N = {@link #TWO_STAGE_FROM_ORDER}
 * on, whatever the routine, when the provider has it: same divide and conquer on the tridiagonal
 * matrix, a reduction to it that is about twice as fast at N = 8000. {@link #valuesRoutine(int)} names
 * the routine a given N uses.
 */
public final class LapackEigenSolver implements EigenSolver {

    /**
     * The LAPACK driver routine that factorizes. Not {@code dnp.sweep.Driver}, which is the user's
     * {@code --driver} choice (these two routines or the pure-Java reference solver) and maps onto this.
     */
    public enum Routine {
        DSYEVD, DSYEVR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Routine parse(String text) {
            for (Routine d : values()) {
                if (d.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown LAPACK driver '" + text + "': expected dsyevd or dsyevr");
        }
    }

    /**
     * Smallest N for which eigenvalues alone go through dsyevd_2stage. Measured on one core of an
     * AMD EPYC (bundled OpenBLAS 0.3.31): dsyevd 0.39 s and dsyevd_2stage 0.43 s at N = 1728, 2.6 s
     * and 1.6 s at N = 2744, 59 s and 29 s at N = 8000 (BENCHMARKS.md, section 7).
     */
    public static final int TWO_STAGE_FROM_ORDER = 2000;

    private final Routine routine;
    private final int twoStageFromOrder;

    public LapackEigenSolver(Routine routine) {
        this(routine, TWO_STAGE_FROM_ORDER);
    }

    /**
     * @param twoStageFromOrder smallest N whose eigenvalues alone use dsyevd_2stage (1: always;
     *                          {@link Integer#MAX_VALUE}: never)
     */
    public LapackEigenSolver(Routine routine, int twoStageFromOrder) {
        if (twoStageFromOrder < 1) {
            throw new IllegalArgumentException("twoStageFromOrder must be at least 1, got " + twoStageFromOrder);
        }
        this.routine = routine;
        this.twoStageFromOrder = twoStageFromOrder;
    }

    /** The LAPACK routine {@link #eigenvalues(DenseMatrix)} calls for a matrix of order {@code n}. */
    public String valuesRoutine(int n) {
        return n >= twoStageFromOrder && Lapack.hasDsyevd2stage() ? TWO_STAGE : routine.label();
    }

    /** The name of LAPACK's two-stage divide and conquer, as {@link #valuesRoutine} reports it. */
    public static final String TWO_STAGE = "dsyevd_2stage";

    public Routine routine() {
        return routine;
    }

    @Override
    public boolean pairsFromOneFactorization() {
        return routine == Routine.DSYEVD;
    }

    @Override
    public String name() {
        return routine.label();
    }

    @Override
    public EigenDecomposition decompose(DenseMatrix matrix) {
        int n = matrix.order();
        double[] values = new double[n];
        MemorySegment w = java.lang.foreign.Arena.ofAuto().allocate(ValueLayout.JAVA_DOUBLE, Math.max(1, n));
        switch (routine) {
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
     * Only the eigenpairs with indices il…iu, by dsyevr (whatever this solver's routine): the
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
    public Levels levels(DenseMatrix matrix) {
        int n = matrix.order();
        double[] values = new double[n];
        // Decided once: the routine called is the routine reported.
        String ran = valuesRoutine(n);
        if (n == 0) {
            return new Levels(values, ran);
        }
        MemorySegment w = java.lang.foreign.Arena.ofAuto().allocate(ValueLayout.JAVA_DOUBLE, n);
        if (ran.equals(TWO_STAGE)) {
            Lapack.dsyevd2stage(n, matrix.segment(), n, w);
        } else {
            switch (routine) {
                case DSYEVD -> Lapack.dsyevd(Lapack.Job.VALUES, n, matrix.segment(), n, w);
                case DSYEVR -> Lapack.dsyevr(Lapack.Job.VALUES, n, matrix.segment(), n, 1, n, w, MemorySegment.NULL, n);
                default -> throw new IllegalStateException("unreachable");
            }
        }
        MemorySegment.copy(w, ValueLayout.JAVA_DOUBLE, 0, values, 0, n);
        return new Levels(values, ran);
    }
}
