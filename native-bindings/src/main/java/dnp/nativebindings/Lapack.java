package dnp.nativebindings;

import dnp.nativebindings.lapacke.NativeTypes;
import dnp.nativebindings.lapacke.lapacke_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Validated entry points to the symmetric eigensolvers of LAPACK, column-major, on off-heap
 * segments. Each call queries the optimal workspace first (lwork = -1), allocates it off-heap for
 * the duration of the call, and turns a non-zero {@code info} into a {@link LapackException}.
 * The bindings use 32-bit {@code lapack_int}: sizes that do not fit are refused with a message.
 */
public final class Lapack {
    private Lapack() {}

    /** What to compute. */
    public enum Job {
        /** Eigenvalues only. */
        VALUES('N'),
        /** Eigenvalues and eigenvectors. */
        VECTORS('V');

        final byte code;

        Job(char code) {
            this.code = (byte) code;
        }
    }

    private static final byte UPLO_LOWER = 'L';

    /**
     * dsyevd (divide and conquer): eigenvalues ascending into {@code w}; with {@link Job#VECTORS}
     * the orthonormal eigenvectors overwrite {@code a} column by column. Only the lower triangle
     * of {@code a} is read.
     *
     * @return bytes of workspace used (for memory accounting)
     */
    public static long dsyevd(Job job, int n, MemorySegment a, int lda, MemorySegment w) {
        return divideAndConquer("dsyevd", lapacke_h::LAPACKE_dsyevd_work, job, n, a, lda, w);
    }

    /** The signature shared by LAPACKE_dsyevd_work and LAPACKE_dsyevd_2stage_work. */
    @FunctionalInterface
    private interface DivideAndConquerWork {
        int call(int layout, byte jobz, byte uplo, int n, MemorySegment a, int lda, MemorySegment w,
                 MemorySegment work, int lwork, MemorySegment iwork, int liwork);
    }

    /** Validation, workspace query and call of a dsyevd-family routine. */
    private static long divideAndConquer(String routine, DivideAndConquerWork routineWork, Job job, int n,
                                         MemorySegment a, int lda, MemorySegment w) {
        requireSquare(routine, n, a, lda);
        requireDoubles(routine, "w", w, n);
        if (n == 0) {
            return 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment workQuery = arena.allocate(ValueLayout.JAVA_DOUBLE);
            MemorySegment iworkQuery = arena.allocate(ValueLayout.JAVA_INT);
            int info = routineWork.call(lapacke_h.LAPACK_COL_MAJOR, job.code, UPLO_LOWER, n, a, lda, w,
                    workQuery, -1, iworkQuery, -1);
            check(routine + " (workspace query)", info);
            long lwork = lworkFromQuery(workQuery.get(ValueLayout.JAVA_DOUBLE, 0));
            int liwork = iworkQuery.get(ValueLayout.JAVA_INT, 0);
            if (lwork > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(routine + " needs a workspace of " + lwork
                        + " doubles for n = " + n + ", beyond 32-bit LAPACK integers; use dsyevr");
            }
            MemorySegment work = arena.allocate(ValueLayout.JAVA_DOUBLE, lwork);
            MemorySegment iwork = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, liwork));
            info = routineWork.call(lapacke_h.LAPACK_COL_MAJOR, job.code, UPLO_LOWER, n, a, lda, w,
                    work, (int) lwork, iwork, liwork);
            check(routine, info);
            return 8L * lwork + 4L * liwork;
        }
    }

    /** The symbol behind {@link #dsyevd2stage}; older LAPACKE providers (LAPACK before 3.7) lack it. */
    static final String DSYEVD_2STAGE = "LAPACKE_dsyevd_2stage_work";

    /** Whether the loaded provider has {@link #dsyevd2stage} (the bundled OpenBLAS does). */
    public static boolean hasDsyevd2stage() {
        return NativeTypes.isAvailable(DSYEVD_2STAGE);
    }

    /**
     * dsyevd_2stage, eigenvalues only (LAPACK implements no eigenvectors for it): ascending into
     * {@code w}. The tridiagonal reduction goes through a band matrix (dsytrd_2stage), so most of
     * its flops are matrix–matrix products instead of the memory-bound matrix–vector half of
     * dsytrd; for N in the thousands it is about twice as fast as {@link #dsyevd} with
     * {@link Job#VALUES} (BENCHMARKS.md). Only the lower triangle of {@code a} is read; {@code a} is
     * destroyed.
     *
     * @return bytes of workspace used (for memory accounting)
     * @throws UnsupportedOperationException when the provider lacks it ({@link #hasDsyevd2stage()})
     */
    public static long dsyevd2stage(int n, MemorySegment a, int lda, MemorySegment w) {
        if (!hasDsyevd2stage()) {
            throw new UnsupportedOperationException("dsyevd_2stage: the LAPACKE provider "
                    + NativeLibraries.provider().description() + " has no " + DSYEVD_2STAGE + " (LAPACK before 3.7)");
        }
        return divideAndConquer("dsyevd_2stage", lapacke_h::LAPACKE_dsyevd_2stage_work, Job.VALUES, n, a, lda, w);
    }

    /**
     * dsyevr (MRRR) for the eigenpairs with indices {@code il..iu} (1-based, inclusive) of the
     * ascending spectrum; all of them when {@code il = 1, iu = n}. Eigenvalues go into
     * {@code w[0..m)}, eigenvectors (with {@link Job#VECTORS}) into the columns of {@code z}
     * (leading dimension {@code ldz ≥ n}); {@code a} is destroyed. Workspace is O(n).
     *
     * @return m, the number of eigenpairs found
     */
    public static int dsyevr(Job job, int n, MemorySegment a, int lda, int il, int iu,
                             MemorySegment w, MemorySegment z, int ldz) {
        requireSquare("dsyevr", n, a, lda);
        requireDoubles("dsyevr", "w", w, n);
        if (n == 0) {
            return 0;
        }
        if (il < 1 || iu > n || il > iu) {
            throw new IllegalArgumentException("dsyevr: index range [" + il + ", " + iu + "] outside [1, " + n + "]");
        }
        int m = iu - il + 1;
        if (job == Job.VECTORS) {
            if (ldz < Math.max(1, n)) {
                throw new IllegalArgumentException("dsyevr: ldz = " + ldz + " < n = " + n);
            }
            requireDoubles("dsyevr", "z", z, (long) ldz * (m - 1) + n);
        }
        boolean all = il == 1 && iu == n;
        byte range = (byte) (all ? 'A' : 'I');
        MemorySegment zArg = job == Job.VECTORS ? z : MemorySegment.NULL;
        int ldzArg = Math.max(1, ldz);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment found = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment isuppz = arena.allocate(ValueLayout.JAVA_INT, 2L * Math.max(1, n));
            MemorySegment workQuery = arena.allocate(ValueLayout.JAVA_DOUBLE);
            MemorySegment iworkQuery = arena.allocate(ValueLayout.JAVA_INT);
            // abstol = 0 lets dsyevr use its default, which gives full accuracy with MRRR.
            int info = lapacke_h.LAPACKE_dsyevr_work(lapacke_h.LAPACK_COL_MAJOR, job.code, range, UPLO_LOWER, n, a, lda,
                    0.0, 0.0, il, iu, 0.0, found, w, zArg, ldzArg, isuppz, workQuery, -1, iworkQuery, -1);
            check("dsyevr (workspace query)", info);
            long lwork = lworkFromQuery(workQuery.get(ValueLayout.JAVA_DOUBLE, 0));
            int liwork = iworkQuery.get(ValueLayout.JAVA_INT, 0);
            MemorySegment work = arena.allocate(ValueLayout.JAVA_DOUBLE, lwork);
            MemorySegment iwork = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, liwork));
            info = lapacke_h.LAPACKE_dsyevr_work(lapacke_h.LAPACK_COL_MAJOR, job.code, range, UPLO_LOWER, n, a, lda,
                    0.0, 0.0, il, iu, 0.0, found, w, zArg, ldzArg, isuppz, work, (int) lwork, iwork, liwork);
            check("dsyevr", info);
            int mFound = found.get(ValueLayout.JAVA_INT, 0);
            if (mFound != m) {
                throw new LapackException("dsyevr", 0, "returned " + mFound + " eigenpairs, expected " + m);
            }
            return mFound;
        }
    }

    private static long lworkFromQuery(double optimal) {
        // LAPACK reports the size as a double; round up against values like 1.9999999e9.
        return Math.max(1L, (long) Math.ceil(optimal));
    }

    static void requireSquare(String routine, int n, MemorySegment a, int lda) {
        if (n < 0) {
            throw new IllegalArgumentException(routine + ": n = " + n + " is negative");
        }
        if (lda < Math.max(1, n)) {
            throw new IllegalArgumentException(routine + ": lda = " + lda + " < max(1, n = " + n + ")");
        }
        if (n > 0) {
            requireDoubles(routine, "a", a, (long) lda * (n - 1) + n);
        }
    }

    static void requireDoubles(String routine, String name, MemorySegment s, long count) {
        if (s == null || s.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException(routine + ": " + name + " is null");
        }
        if (s.byteSize() < 8 * count) {
            throw new IllegalArgumentException(routine + ": " + name + " holds " + s.byteSize() / 8
                    + " doubles, needs " + count);
        }
        if (s.isNative() && s.address() % 8 != 0) {
            throw new IllegalArgumentException(routine + ": " + name + " is not 8-byte aligned");
        }
        if (!s.isNative()) {
            throw new IllegalArgumentException(routine + ": " + name + " must be an off-heap segment");
        }
    }

    private static void check(String routine, int info) {
        if (info == 0) {
            return;
        }
        String meaning;
        if (info < 0) {
            meaning = "argument " + (-info) + " had an illegal value";
        } else if (routine.startsWith("dsyevd")) {
            meaning = "the divide-and-conquer algorithm failed to converge; is the matrix finite?";
        } else {
            meaning = "internal error in MRRR (" + info + "); is the matrix finite?";
        }
        throw new LapackException(routine, info, meaning);
    }
}
