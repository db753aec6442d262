package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;
import dnp.nativebindings.Blas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * How a block of the overlap matrix O = QᵀQ is formed: columns [b0, b0 + cols), rows α ≥ b0
 * (O is symmetric), stored column-major with leading dimension N − b0. All three give the same
 * numbers up to rounding; {@link #BLAS} is the fastest (BENCHMARKS.md) and the default.
 */
public enum OverlapStrategy {
    /** dgemm on column blocks of Q: O[b0:, block] = Q[:, b0:]ᵀ · Q[:, block]. */
    BLAS {
        @Override
        void lowerBlock(DenseMatrix q, int b0, int cols, MemorySegment out) {
            int n = q.order();
            int rows = n - b0;
            MemorySegment from = q.segment().asSlice(8L * n * b0);
            Blas.dgemm(true, false, rows, cols, n, 1.0, from, n, from, n, 0.0, out, rows);
        }
    },
    /**
     * Java, Vector API: each entry is a dot product of two columns of Q (contiguous in memory),
     * four rows at a time so that every load of column β serves four products.
     */
    VECTOR {
        @Override
        void lowerBlock(DenseMatrix q, int b0, int cols, MemorySegment out) {
            // In its own class, so that nothing loads Vector API classes unless this strategy is used.
            dnp.kernel.vector.VectorOverlap.lowerBlock(q.segment(), q.order(), b0, cols, out);
        }
    },
    /** The plain triple loop: O_αβ = Σ_j Q_jα Q_jβ. */
    NAIVE {
        @Override
        void lowerBlock(DenseMatrix q, int b0, int cols, MemorySegment out) {
            int n = q.order();
            int rows = n - b0;
            for (int c = 0; c < cols; c++) {
                for (int a = b0; a < n; a++) {
                    out.setAtIndex(ValueLayout.JAVA_DOUBLE, (long) rows * c + (a - b0), entry(q.segment(), n, a, b0 + c));
                }
            }
        }
    };

    /** The strategy the kernel uses. */
    public static final OverlapStrategy DEFAULT = BLAS;

    abstract void lowerBlock(DenseMatrix q, int b0, int cols, MemorySegment out);

    static double entry(MemorySegment q, int n, int alpha, int beta) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += q.getAtIndex(ValueLayout.JAVA_DOUBLE, (long) n * alpha + j)
                    * q.getAtIndex(ValueLayout.JAVA_DOUBLE, (long) n * beta + j);
        }
        return sum;
    }
}
