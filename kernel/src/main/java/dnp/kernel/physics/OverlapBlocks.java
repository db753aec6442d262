package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Forms O = QᵀQ in lower column blocks of width {@link #BLOCK} (an N×B buffer, never a second N²
 * matrix) and feeds every column to each of a list of {@link OverlapConsumer}s.
 */
final class OverlapBlocks {
    private OverlapBlocks() {}

    /** Columns of O formed per block: wide enough for dgemm to run near its peak. */
    static final int BLOCK = 512;
    /** Fixed number of partial passes, whatever the number of threads, so that sums are reproducible. */
    static final int LANES = 4;

    /** Java threads of the observable pass; the system property dnp.passThreads overrides (default: cores). */
    static int passThreads() {
        return Integer.getInteger("dnp.passThreads", Runtime.getRuntime().availableProcessors());
    }

    /**
     * Forms O block by block — for columns [b0, b0 + B) only the rows α ≥ b0, since O is symmetric —
     * and feeds the columns to {@link #LANES} lanes (column β to lane β mod LANES, each in ascending β),
     * each lane holding one consumer from every factory. Lanes run on up to {@code threads} Java
     * threads and are then added in lane order: the sums do not depend on the number of threads.
     * Returns one merged consumer per factory, in the factories' order, and adds to {@code seconds}
     * {seconds forming O, seconds in the consumers}.
     */
    static List<OverlapConsumer> run(DenseMatrix q, List<Supplier<? extends OverlapConsumer>> factories,
                                     OverlapStrategy strategy, int threads, double[] seconds) {
        int n = q.order();
        int width = Math.min(BLOCK, Math.max(1, n));
        OverlapConsumer[][] lanes = new OverlapConsumer[LANES][factories.size()];
        double[][] columns = new double[LANES][n];
        for (int l = 0; l < LANES; l++) {
            for (int f = 0; f < factories.size(); f++) {
                lanes[l][f] = factories.get(f).get();
            }
        }
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(Math.min(threads, LANES), r -> {
            Thread t = new Thread(r, "dnp-overlap-pass");
            t.setDaemon(true);
            return t;
        }) : null;
        try (Arena arena = Arena.ofShared()) { // read by the pass threads
            MemorySegment block = arena.allocate(8L * n * width, DenseMatrix.ALIGNMENT);
            for (int b0 = 0; b0 < n; b0 += width) {
                int cols = Math.min(width, n - b0);
                int rows = n - b0;
                int first = b0;
                long t = System.nanoTime();
                strategy.lowerBlock(q, b0, cols, block);
                long t2 = System.nanoTime();
                seconds[0] += (t2 - t) * 1e-9;
                List<Callable<Void>> work = new ArrayList<>();
                for (int l = 0; l < LANES; l++) {
                    int lane = l;
                    work.add(() -> {
                        double[] column = columns[lane];
                        for (int c = Math.floorMod(lane - first, LANES); c < cols; c += LANES) {
                            MemorySegment.copy(block, ValueLayout.JAVA_DOUBLE, 8L * rows * c, column, first, rows);
                            for (OverlapConsumer consumer : lanes[lane]) {
                                consumer.accept(first + c, column);
                            }
                        }
                        return null;
                    });
                }
                if (pool == null) {
                    for (Callable<Void> w : work) {
                        w.call();
                    }
                } else {
                    for (Future<Void> f : pool.invokeAll(work)) {
                        f.get();
                    }
                }
                seconds[1] += (System.nanoTime() - t2) * 1e-9;
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
        } catch (Exception ex) {
            throw ex instanceof RuntimeException re ? re : new IllegalStateException(ex);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        List<OverlapConsumer> merged = new ArrayList<>();
        for (int f = 0; f < factories.size(); f++) {
            for (int l = 1; l < LANES; l++) {
                lanes[0][f].add(lanes[l][f]);
            }
            merged.add(lanes[0][f]);
        }
        return merged;
    }
}
