package dnp.nativebindings.lapacke;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static dnp.nativebindings.lapacke.NativeTypes.C_DOUBLE;
import static dnp.nativebindings.lapacke.NativeTypes.C_INT;
import static dnp.nativebindings.lapacke.NativeTypes.C_POINTER;

/**
 * CBLAS and OpenBLAS control functions of {@code cblas.h}, in the shape jextract generates: one
 * holder class per C function, typed static wrappers, no validation (see
 * {@code dnp.nativebindings.Blas}). The {@code openblas_*} functions exist only in OpenBLAS; ask
 * {@link NativeTypes#isAvailable(String)} before calling them against another provider.
 */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class cblas_h {
    private cblas_h() {}

    public static final int CblasRowMajor = 101;
    public static final int CblasColMajor = 102;
    public static final int CblasNoTrans = 111;
    public static final int CblasTrans = 112;
    public static final int CblasUpper = 121;
    public static final int CblasLower = 122;

    private static final class cblas_dsyrk {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
                C_INT, C_INT, C_INT, C_INT, C_INT, C_DOUBLE, C_POINTER, C_INT, C_DOUBLE, C_POINTER, C_INT);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("cblas_dsyrk");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code void cblas_dsyrk(enum CBLAS_ORDER Order, enum CBLAS_UPLO Uplo, enum CBLAS_TRANSPOSE Trans, blasint N, blasint K, double alpha, const double *A, blasint lda, double beta, double *C, blasint ldc)} */
    public static void cblas_dsyrk(int order, int uplo, int trans, int n, int k, double alpha, MemorySegment a, int lda,
                                   double beta, MemorySegment c, int ldc) {
        try {
            cblas_dsyrk.HANDLE.invokeExact(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class cblas_dgemm {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
                C_INT, C_INT, C_INT, C_INT, C_INT, C_INT, C_DOUBLE, C_POINTER, C_INT, C_POINTER, C_INT, C_DOUBLE,
                C_POINTER, C_INT);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("cblas_dgemm");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code void cblas_dgemm(enum CBLAS_ORDER Order, enum CBLAS_TRANSPOSE TransA, enum CBLAS_TRANSPOSE TransB, blasint M, blasint N, blasint K, double alpha, const double *A, blasint lda, const double *B, blasint ldb, double beta, double *C, blasint ldc)} */
    public static void cblas_dgemm(int order, int transA, int transB, int m, int n, int k, double alpha,
                                   MemorySegment a, int lda, MemorySegment b, int ldb, double beta,
                                   MemorySegment c, int ldc) {
        try {
            cblas_dgemm.HANDLE.invokeExact(order, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class openblas_set_num_threads {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_INT);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("openblas_set_num_threads");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code void openblas_set_num_threads(int num_threads)} */
    public static void openblas_set_num_threads(int num_threads) {
        try {
            openblas_set_num_threads.HANDLE.invokeExact(num_threads);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class openblas_get_num_threads {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("openblas_get_num_threads");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code int openblas_get_num_threads(void)} */
    public static int openblas_get_num_threads() {
        try {
            return (int) openblas_get_num_threads.HANDLE.invokeExact();
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class openblas_get_config {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("openblas_get_config");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code char* openblas_get_config(void)} */
    public static MemorySegment openblas_get_config() {
        try {
            return (MemorySegment) openblas_get_config.HANDLE.invokeExact();
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class openblas_get_corename {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("openblas_get_corename");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code char* openblas_get_corename(void)} */
    public static MemorySegment openblas_get_corename() {
        try {
            return (MemorySegment) openblas_get_corename.HANDLE.invokeExact();
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }
}
