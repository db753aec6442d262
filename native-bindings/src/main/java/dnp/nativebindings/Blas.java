package dnp.nativebindings;

import dnp.nativebindings.lapacke.cblas_h;

import java.lang.foreign.MemorySegment;

/** Validated column-major BLAS-3 entry points on off-heap segments (no transposition of storage). */
public final class Blas {
    private Blas() {}

    /**
     * C = alpha·op(A)ᵀ·op(A)-style symmetric rank-k update, lower triangle:
     * {@code transpose=false}: C = alpha·A·Aᵀ + beta·C with A n×k;
     * {@code transpose=true}: C = alpha·Aᵀ·A + beta·C with A k×n.
     */
    public static void dsyrkLower(boolean transpose, int n, int k, double alpha, MemorySegment a, int lda,
                                  double beta, MemorySegment c, int ldc) {
        int rowsA = transpose ? k : n;
        int colsA = transpose ? n : k;
        requireMatrix("dsyrk", "a", a, rowsA, colsA, lda);
        requireMatrix("dsyrk", "c", c, n, n, ldc);
        if (n == 0) {
            return;
        }
        cblas_h.cblas_dsyrk(cblas_h.CblasColMajor, cblas_h.CblasLower,
                transpose ? cblas_h.CblasTrans : cblas_h.CblasNoTrans, n, k, alpha, a, lda, beta, c, ldc);
    }

    /** C (m×n) = alpha·op(A)·op(B) + beta·C, op(A) m×k, op(B) k×n. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             MemorySegment a, int lda, MemorySegment b, int ldb, double beta,
                             MemorySegment c, int ldc) {
        requireMatrix("dgemm", "a", a, transA ? k : m, transA ? m : k, lda);
        requireMatrix("dgemm", "b", b, transB ? n : k, transB ? k : n, ldb);
        requireMatrix("dgemm", "c", c, m, n, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        cblas_h.cblas_dgemm(cblas_h.CblasColMajor, transA ? cblas_h.CblasTrans : cblas_h.CblasNoTrans,
                transB ? cblas_h.CblasTrans : cblas_h.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    private static void requireMatrix(String routine, String name, MemorySegment s, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(routine + ": " + name + " has negative dimensions " + rows + "×" + cols);
        }
        if (ld < Math.max(1, rows)) {
            throw new IllegalArgumentException(routine + ": leading dimension of " + name + " = " + ld + " < " + rows);
        }
        if (rows > 0 && cols > 0) {
            Lapack.requireDoubles(routine, name, s, (long) ld * (cols - 1) + rows);
        }
    }
}
