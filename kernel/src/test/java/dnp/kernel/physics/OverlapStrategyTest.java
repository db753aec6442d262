package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The three ways of forming a lower block of O = QᵀQ agree with a plain double loop. */
class OverlapStrategyTest {

    @Test
    void everyStrategyFormsTheSameBlocks() {
        for (int n : new int[]{1, 5, 27, 64, 125}) {
            Random r = new Random(n);
            try (DenseMatrix q = DenseMatrix.zeros(n); Arena arena = Arena.ofConfined()) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        q.set(i, j, r.nextDouble());
                    }
                }
                MemorySegment out = arena.allocate(8L * n * n, 64);
                for (int b0 : new int[]{0, n / 3, n - 1}) {
                    int cols = Math.min(7, n - b0);
                    for (OverlapStrategy s : OverlapStrategy.values()) {
                        s.lowerBlock(q, b0, cols, out);
                        int rows = n - b0;
                        for (int c = 0; c < cols; c++) {
                            for (int a = b0; a < n; a++) {
                                double expected = 0;
                                for (int j = 0; j < n; j++) {
                                    expected += q.get(j, a) * q.get(j, b0 + c);
                                }
                                assertEquals(expected, out.getAtIndex(ValueLayout.JAVA_DOUBLE, (long) rows * c + a - b0),
                                        1e-13 * n, s + " n=" + n + " b0=" + b0 + " (" + a + ", " + (b0 + c) + ")");
                            }
                        }
                    }
                }
            }
        }
    }
}
