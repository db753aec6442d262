package dnp.kpm;

import dnp.kernel.model.RandomStream;
import dnp.kernel.model.RealizationInput;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Chebyshev moments by the matrix-free recursion (Weiße et al., Eq. (28)–(33)):
 * <pre>
 *   r_0 = v,  r_1 = H̃ r_0,  r_{n+1} = 2 H̃ r_n − r_{n−1}            (r_n = T_n(H̃) v)
 *   μ_0 = ⟨r_0|r_0⟩,  μ_1 = ⟨r_1|r_0⟩,
 *   μ_{2n} = 2⟨r_n|r_n⟩ − μ_0,  μ_{2n+1} = 2⟨r_{n+1}|r_n⟩ − μ_1      (doubling, from T_m T_n = (T_{m+n} + T_{|m−n|})/2)
 * </pre>
 * so M moments cost ⌈M/2⌉ products. Start vectors are site vectors e_j (local moments) and random
 * ±1 vectors (stochastic trace), propagated B at a time through a {@link BlockStencil}, one block
 * after the other. The threads share each block and split its lattice into z-slabs, meeting at a
 * barrier after every step; the dot products are kept per plane and added in ascending z, so the
 * result does not depend on the number of threads.
 */
public final class KpmEngine {
    private KpmEngine() {}

    /** RandomStream purpose tag of the site sample. */
    public static final long SITE_SAMPLE = 0x5EED_0000_0000_0002L;
    /** RandomStream purpose tag of trace vector 0 (vector v uses TRACE + v). */
    public static final long TRACE = 0x5EED_0000_0001_0000L;

    /** The moments {@code settings} ask for: all sites or a reproducible sample, plus trace vectors. */
    public static KpmMoments compute(RealizationInput input, KpmSettings settings) {
        int n = input.sites();
        int[] sites;
        int[] trace;
        if (settings.allSitesRequested() || settings.sites() >= n) {
            sites = new int[n];
            for (int i = 0; i < n; i++) {
                sites[i] = i;
            }
            trace = new int[0];
        } else {
            sites = sampleSites(n, settings.sites(), seed(input), realization(input));
            trace = new int[settings.traceVectors()];
            for (int v = 0; v < trace.length; v++) {
                trace[v] = v;
            }
        }
        return compute(input, settings, sites, trace);
    }

    /**
     * The moments of the given sites and trace vectors (ids v ≥ 0). Disjoint calls of one realization
     * give moments that {@link KpmMoments#add} combines.
     */
    public static KpmMoments compute(RealizationInput input, KpmSettings settings, int[] sites, int[] traceIds) {
        ScaledHamiltonian h = ScaledHamiltonian.of(input.lattice(), input.hopping(), input.disorder(), KpmSettings.MARGIN);
        int n = h.sites();
        for (int j : sites) {
            if (j < 0 || j >= n) {
                throw new IllegalArgumentException("site " + j + " outside [0, " + n + ")");
            }
        }
        for (int v : traceIds) {
            if (v < 0) {
                throw new IllegalArgumentException("trace vector ids must be ≥ 0, got " + v);
            }
        }
        long seed = seed(input);
        long realization = realization(input);
        int m = settings.moments();
        int columns = sites.length + traceIds.length;
        double[] out = new double[columns * m];
        int b = settings.blockSize();
        int blocks = (columns + b - 1) / b;
        BlockStencil stencil = Stencils.preferred();
        // Threads share one block and split its lattice into slabs of z-planes: the block's two
        // arrays (2·(N+1)·B doubles, 14 MB at L = 48, B = 8) then stay in the shared L3 cache, where
        // one block per thread would need twice that and spill to memory.
        int size = h.size();
        int threads = Math.max(1, Math.min(settings.threads(), size));
        double[] x = new double[BlockStencil.length(h, b)];
        double[] y = new double[x.length];
        // Per-plane dot products of two consecutive steps (the reduction of one runs while the next is computed).
        double[][] sums = {new double[size * 2 * b], new double[size * 2 * b]};
        SpinBarrier barrier = new SpinBarrier(threads);
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int zFrom = t * size / threads;
            int zTo = (t + 1) * size / threads;
            boolean lead = t == 0;
            workers[t] = () -> {
                double[] xx = new double[b];
                double[] xo = new double[b];
                for (int k = 0; k < blocks; k++) {
                    int first = k * b;
                    int count = Math.min(b, columns - first);
                    if (lead) {
                        startVectors(x, y, b, first, count, sites, traceIds, seed, realization, n);
                    }
                    barrier.await();
                    // y = r_1 = H̃ r_0; its dots are μ_0 = ⟨r_0|r_0⟩, μ_1 = ⟨r_1|r_0⟩.
                    stencil.applyPlanes(h, b, x, y, 1.0, false, zFrom, zTo, sums[0]);
                    barrier.await();
                    if (lead) {
                        reduce(sums[0], size, b, xx, xo);
                        for (int c = 0; c < count; c++) {
                            out[(first + c) * m] = xx[c];
                            out[(first + c) * m + 1] = xo[c];
                        }
                    }
                    double[] cur = y;   // r_n
                    double[] prev = x;  // r_{n−1}, overwritten by r_{n+1}
                    for (int step = 1; 2 * step < m; step++) {
                        double[] planeSums = sums[step & 1];
                        stencil.applyPlanes(h, b, cur, prev, 2.0, true, zFrom, zTo, planeSums); // r_{n+1} = 2H̃ r_n − r_{n−1}
                        barrier.await();
                        if (lead) {
                            // μ_{2n} = 2⟨r_n|r_n⟩ − μ_0, μ_{2n+1} = 2⟨r_{n+1}|r_n⟩ − μ_1 (fixed plane order).
                            reduce(planeSums, size, b, xx, xo);
                            for (int c = 0; c < count; c++) {
                                int row = (first + c) * m;
                                out[row + 2 * step] = 2 * xx[c] - out[row];
                                if (2 * step + 1 < m) {
                                    out[row + 2 * step + 1] = 2 * xo[c] - out[row + 1];
                                }
                            }
                        }
                        double[] tmp = cur;
                        cur = prev;
                        prev = tmp;
                    }
                }
            };
        }
        runAll(workers, barrier);
        double[] siteMoments = Arrays.copyOf(out, sites.length * m);
        double[] traceMoments = Arrays.copyOfRange(out, sites.length * m, columns * m);
        for (int i = 0; i < traceMoments.length; i++) {
            traceMoments[i] /= n; // ⟨r|T_m|r⟩/N estimates Tr T_m/N
        }
        return new KpmMoments(n, h.scale(), h.shift(), m, settings.kernel(), sites.clone(), siteMoments,
                traceIds.clone(), traceMoments, seed, realization);
    }

    /** Zeroes both arrays and writes the start vectors of columns first … first+count−1 into x. */
    private static void startVectors(double[] x, double[] y, int b, int first, int count, int[] sites, int[] traceIds,
                                     long seed, long realization, int n) {
        Arrays.fill(x, 0);
        Arrays.fill(y, 0);
        for (int c = 0; c < count; c++) {
            int col = first + c;
            if (col < sites.length) {
                x[sites[col] * b + c] = 1.0;
            } else {
                RandomStream random = new RandomStream(seed, realization, TRACE + traceIds[col - sites.length]);
                for (int i = 0; i < n; i++) {
                    x[i * b + c] = (random.nextLong() & 1L) == 0 ? 1.0 : -1.0;
                }
            }
        }
    }

    private static void reduce(double[] planeSums, int planes, int b, double[] xx, double[] xo) {
        Arrays.fill(xx, 0);
        Arrays.fill(xo, 0);
        BlockStencil.reducePlanes(planeSums, planes, b, xx, xo);
    }

    /** Runs worker 0 on this thread and the others on daemon threads; rethrows the first failure. */
    private static void runAll(Runnable[] workers, SpinBarrier barrier) {
        if (workers.length == 1) {
            workers[0].run();
            return;
        }
        Throwable[] failure = new Throwable[1];
        Runnable[] guarded = new Runnable[workers.length];
        for (int t = 0; t < workers.length; t++) {
            Runnable w = workers[t];
            guarded[t] = () -> {
                try {
                    w.run();
                } catch (Throwable ex) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = ex;
                        }
                    }
                    barrier.fail(ex);
                }
            };
        }
        List<Thread> started = new ArrayList<>();
        for (int t = 1; t < workers.length; t++) {
            Thread thread = new Thread(guarded[t], "dnp-kpm-" + t);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        guarded[0].run();
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                barrier.fail(ex);
                throw new IllegalStateException("interrupted", ex);
            }
        }
        synchronized (failure) {
            Throwable ex = failure[0];
            if (ex instanceof RuntimeException re) {
                throw re;
            }
            if (ex instanceof Error err) {
                throw err;
            }
            if (ex != null) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /** S distinct sites out of N, uniformly without replacement (partial Fisher–Yates), ascending. */
    static int[] sampleSites(int n, int s, long seed, long realization) {
        RandomStream random = new RandomStream(seed, realization, SITE_SAMPLE);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < s; i++) {
            int j = i + (int) Math.floor(random.nextDouble() * (n - i));
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] sample = Arrays.copyOf(perm, s);
        Arrays.sort(sample);
        return sample;
    }

    static long seed(RealizationInput input) {
        return Math.max(0, input.disorder().seed());
    }

    static long realization(RealizationInput input) {
        return Math.max(0, input.disorder().realization());
    }
}
