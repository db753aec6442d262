package dnp.kernel.vector;

import jdk.incubator.vector.DoubleVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static dnp.kernel.vector.PanamaVectorConstants.LANES;
import static dnp.kernel.vector.PanamaVectorConstants.SPECIES;

/**
 * A block of O = QᵀQ in Java with the Vector API: each entry O_αβ is the dot product of columns α
 * and β of Q (contiguous in column-major storage), four rows α at a time so that every load of
 * column β serves four products.
 */
public final class VectorOverlap {
    private VectorOverlap() {}

    /** O[b0:n, b0:b0+cols] into {@code out} (leading dimension n − b0), Q n×n column-major in {@code q}. */
    public static void lowerBlock(MemorySegment q, int n, int b0, int cols, MemorySegment out) {
        int rows = n - b0;
        int upper = SPECIES.loopBound(n);
        ByteOrder order = ByteOrder.nativeOrder();
        for (int c = 0; c < cols; c++) {
            long beta = 8L * n * (b0 + c);
            int a = b0;
            for (; a + 4 <= n; a += 4) {
                long a0 = 8L * n * a;
                DoubleVector acc0 = DoubleVector.zero(SPECIES);
                DoubleVector acc1 = DoubleVector.zero(SPECIES);
                DoubleVector acc2 = DoubleVector.zero(SPECIES);
                DoubleVector acc3 = DoubleVector.zero(SPECIES);
                for (int j = 0; j < upper; j += LANES) {
                    long at = 8L * j;
                    DoubleVector qb = DoubleVector.fromMemorySegment(SPECIES, q, beta + at, order);
                    acc0 = DoubleVector.fromMemorySegment(SPECIES, q, a0 + at, order).fma(qb, acc0);
                    acc1 = DoubleVector.fromMemorySegment(SPECIES, q, a0 + 8L * n + at, order).fma(qb, acc1);
                    acc2 = DoubleVector.fromMemorySegment(SPECIES, q, a0 + 16L * n + at, order).fma(qb, acc2);
                    acc3 = DoubleVector.fromMemorySegment(SPECIES, q, a0 + 24L * n + at, order).fma(qb, acc3);
                }
                long base = (long) rows * c + (a - b0);
                out.setAtIndex(ValueLayout.JAVA_DOUBLE, base, lanes(acc0) + tail(q, n, a, b0 + c, upper));
                out.setAtIndex(ValueLayout.JAVA_DOUBLE, base + 1, lanes(acc1) + tail(q, n, a + 1, b0 + c, upper));
                out.setAtIndex(ValueLayout.JAVA_DOUBLE, base + 2, lanes(acc2) + tail(q, n, a + 2, b0 + c, upper));
                out.setAtIndex(ValueLayout.JAVA_DOUBLE, base + 3, lanes(acc3) + tail(q, n, a + 3, b0 + c, upper));
            }
            for (; a < n; a++) {
                out.setAtIndex(ValueLayout.JAVA_DOUBLE, (long) rows * c + (a - b0), tail(q, n, a, b0 + c, 0));
            }
        }
    }

    private static double lanes(DoubleVector v) {
        double s = 0;
        for (double x : v.toArray()) {
            s += x;
        }
        return s;
    }

    /** Σ_{j ≥ from} Q_jα Q_jβ, scalar. */
    private static double tail(MemorySegment q, int n, int alpha, int beta, int from) {
        double s = 0;
        for (int j = from; j < n; j++) {
            s += q.getAtIndex(ValueLayout.JAVA_DOUBLE, (long) n * alpha + j)
                    * q.getAtIndex(ValueLayout.JAVA_DOUBLE, (long) n * beta + j);
        }
        return s;
    }
}
