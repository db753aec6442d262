package dnp.nativebindings.lapacke;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static dnp.nativebindings.lapacke.NativeTypes.C_CHAR;
import static dnp.nativebindings.lapacke.NativeTypes.C_DOUBLE;
import static dnp.nativebindings.lapacke.NativeTypes.C_INT;
import static dnp.nativebindings.lapacke.NativeTypes.C_POINTER;

/**
 * LAPACKE functions of {@code lapacke.h} (32-bit {@code lapack_int}), in the shape jextract
 * generates: one holder class per C function with its descriptor, address and method handle,
 * initialised on first use, and a typed static wrapper. Wrappers do not validate: callers go
 * through {@code dnp.nativebindings.Lapack}, which does.
 */
@SuppressWarnings({"unused", "checkstyle:MethodName"})
public final class lapacke_h {
    private lapacke_h() {}

    /** {@code LAPACK_COL_MAJOR} of lapacke.h. */
    public static final int LAPACK_COL_MAJOR = 102;
    /** {@code LAPACK_ROW_MAJOR} of lapacke.h. */
    public static final int LAPACK_ROW_MAJOR = 101;

    private static final class LAPACKE_dsyevd {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT,
                C_INT, C_CHAR, C_CHAR, C_INT, C_POINTER, C_INT, C_POINTER);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("LAPACKE_dsyevd");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code lapack_int LAPACKE_dsyevd(int matrix_layout, char jobz, char uplo, lapack_int n, double* a, lapack_int lda, double* w)} */
    public static int LAPACKE_dsyevd(int matrix_layout, byte jobz, byte uplo, int n, MemorySegment a, int lda, MemorySegment w) {
        try {
            return (int) LAPACKE_dsyevd.HANDLE.invokeExact(matrix_layout, jobz, uplo, n, a, lda, w);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class LAPACKE_dsyevd_work {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT,
                C_INT, C_CHAR, C_CHAR, C_INT, C_POINTER, C_INT, C_POINTER, C_POINTER, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("LAPACKE_dsyevd_work");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code lapack_int LAPACKE_dsyevd_work(int matrix_layout, char jobz, char uplo, lapack_int n, double* a, lapack_int lda, double* w, double* work, lapack_int lwork, lapack_int* iwork, lapack_int liwork)} */
    public static int LAPACKE_dsyevd_work(int matrix_layout, byte jobz, byte uplo, int n, MemorySegment a, int lda,
                                          MemorySegment w, MemorySegment work, int lwork, MemorySegment iwork, int liwork) {
        try {
            return (int) LAPACKE_dsyevd_work.HANDLE.invokeExact(matrix_layout, jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class LAPACKE_dsyevd_2stage_work {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT,
                C_INT, C_CHAR, C_CHAR, C_INT, C_POINTER, C_INT, C_POINTER, C_POINTER, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("LAPACKE_dsyevd_2stage_work");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /**
     * {@code lapack_int LAPACKE_dsyevd_2stage_work(int matrix_layout, char jobz, char uplo, lapack_int n, double* a, lapack_int lda, double* w, double* work, lapack_int lwork, lapack_int* iwork, lapack_int liwork)}
     * (LAPACK ≥ 3.7; jobz = 'N' only)
     */
    public static int LAPACKE_dsyevd_2stage_work(int matrix_layout, byte jobz, byte uplo, int n, MemorySegment a,
                                                 int lda, MemorySegment w, MemorySegment work, int lwork,
                                                 MemorySegment iwork, int liwork) {
        try {
            return (int) LAPACKE_dsyevd_2stage_work.HANDLE.invokeExact(matrix_layout, jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class LAPACKE_dsyevr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT,
                C_INT, C_CHAR, C_CHAR, C_CHAR, C_INT, C_POINTER, C_INT, C_DOUBLE, C_DOUBLE, C_INT, C_INT,
                C_DOUBLE, C_POINTER, C_POINTER, C_POINTER, C_INT, C_POINTER);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("LAPACKE_dsyevr");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code lapack_int LAPACKE_dsyevr(int matrix_layout, char jobz, char range, char uplo, lapack_int n, double* a, lapack_int lda, double vl, double vu, lapack_int il, lapack_int iu, double abstol, lapack_int* m, double* w, double* z, lapack_int ldz, lapack_int* isuppz)} */
    public static int LAPACKE_dsyevr(int matrix_layout, byte jobz, byte range, byte uplo, int n, MemorySegment a, int lda,
                                     double vl, double vu, int il, int iu, double abstol, MemorySegment m,
                                     MemorySegment w, MemorySegment z, int ldz, MemorySegment isuppz) {
        try {
            return (int) LAPACKE_dsyevr.HANDLE.invokeExact(matrix_layout, jobz, range, uplo, n, a, lda, vl, vu, il, iu,
                    abstol, m, w, z, ldz, isuppz);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }

    private static final class LAPACKE_dsyevr_work {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT,
                C_INT, C_CHAR, C_CHAR, C_CHAR, C_INT, C_POINTER, C_INT, C_DOUBLE, C_DOUBLE, C_INT, C_INT,
                C_DOUBLE, C_POINTER, C_POINTER, C_POINTER, C_INT, C_POINTER, C_POINTER, C_INT, C_POINTER, C_INT);
        static final MemorySegment ADDR = NativeTypes.findOrThrow("LAPACKE_dsyevr_work");
        static final MethodHandle HANDLE = NativeTypes.downcall(ADDR, DESC);
    }

    /** {@code lapack_int LAPACKE_dsyevr_work(int matrix_layout, char jobz, char range, char uplo, lapack_int n, double* a, lapack_int lda, double vl, double vu, lapack_int il, lapack_int iu, double abstol, lapack_int* m, double* w, double* z, lapack_int ldz, lapack_int* isuppz, double* work, lapack_int lwork, lapack_int* iwork, lapack_int liwork)} */
    public static int LAPACKE_dsyevr_work(int matrix_layout, byte jobz, byte range, byte uplo, int n, MemorySegment a,
                                          int lda, double vl, double vu, int il, int iu, double abstol,
                                          MemorySegment m, MemorySegment w, MemorySegment z, int ldz,
                                          MemorySegment isuppz, MemorySegment work, int lwork,
                                          MemorySegment iwork, int liwork) {
        try {
            return (int) LAPACKE_dsyevr_work.HANDLE.invokeExact(matrix_layout, jobz, range, uplo, n, a, lda, vl, vu,
                    il, iu, abstol, m, w, z, ldz, isuppz, work, lwork, iwork, liwork);
        } catch (Throwable ex) {
            throw NativeTypes.rethrow(ex);
        }
    }
}
