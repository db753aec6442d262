package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Public entry for measuring an {@link OverlapStrategy} on its own (benchmarks). */
public final class OverlapStrategies {
    private OverlapStrategies() {}

    /**
     * Forms every lower block of O = QᵀQ for the matrix {@code q} (used as given, e.g. eigenvectors)
     * in blocks of the kernel's width; returns the sum of the last block's first column so that the
     * work cannot be optimised away.
     */
    public static double formAll(DenseMatrix q, OverlapStrategy strategy) {
        int n = q.order();
        int width = Math.min(OverlapBlocks.BLOCK, Math.max(1, n));
        double check = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(8L * n * width, DenseMatrix.ALIGNMENT);
            for (int b0 = 0; b0 < n; b0 += width) {
                strategy.lowerBlock(q, b0, Math.min(width, n - b0), block);
                check += block.getAtIndex(ValueLayout.JAVA_DOUBLE, 0);
            }
        }
        return check;
    }
}
