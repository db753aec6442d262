package dnp.kernel.eigen;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A square n×n matrix of doubles off the Java heap, column-major (element (i, j) at i + n·j),
 * 64-byte aligned, with a leading dimension of n. It owns its memory: close it to free it.
 * The segment is shared, so it may be read from several threads.
 */
public final class DenseMatrix implements AutoCloseable {
    /** Alignment of the data: a cache line and an AVX-512 vector. */
    public static final long ALIGNMENT = 64;

    private final int n;
    private final Arena arena;
    private final MemorySegment data;

    private DenseMatrix(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("matrix order must not be negative, got " + n);
        }
        this.n = n;
        this.arena = Arena.ofShared();
        this.data = arena.allocate(Math.max(8L, 8L * n * n), ALIGNMENT);
    }

    /** A zero n×n matrix (off-heap memory is zeroed on allocation). */
    public static DenseMatrix zeros(int n) {
        return new DenseMatrix(n);
    }

    /** Bytes an n×n matrix occupies. */
    public static long bytesFor(long n) {
        return 8L * n * n;
    }

    public int order() {
        return n;
    }

    /** The column-major data, leading dimension {@link #order()}. */
    public MemorySegment segment() {
        return data;
    }

    public double get(int row, int col) {
        return data.getAtIndex(ValueLayout.JAVA_DOUBLE, row + (long) n * col);
    }

    public void set(int row, int col, double value) {
        data.setAtIndex(ValueLayout.JAVA_DOUBLE, row + (long) n * col, value);
    }

    /** Copies column {@code col} into {@code out[0..n)}. */
    public void column(int col, double[] out) {
        MemorySegment.copy(data, ValueLayout.JAVA_DOUBLE, 8L * n * col, out, 0, n);
    }

    @Override
    public void close() {
        arena.close();
    }
}
