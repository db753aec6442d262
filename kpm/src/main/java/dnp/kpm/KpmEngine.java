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
 * after the other; the threads share each block, each taking fixed row groups of every plane.
 *
 * <p><b>Wavefront.</b> One step streams the block's two arrays (24 bytes per site and vector) and does
 * ≈ 13 flops on them, so a step-by-step sweep is bound by memory (L3 or DRAM) bandwidth. The steps are
 * therefore done T at a time in one sweep through the lattice, r_s overwriting r_{s−2} in place: step
 * s of the sweep (s = 1 … T) computes plane p at time τ(s, p) = 4s + ((p − 2s) mod L), i.e. at time τ
 * it does plane (2s + u) mod L with u = τ − 4s ∈ [0, L). This order is valid on the periodic ring
 * (no ghost planes) because, with u = (p − 2s) mod L and δ ∈ {−1, 0, 1}:
 * <pre>
 *   r_{s−1}[p+δ] is ready:        τ(s−1, p+δ) = 4s − 4 + ((u + 2 + δ) mod L) &lt; 4s + u = τ(s, p)
 *   r_{s−1}[p+δ] not yet replaced: τ(s+1, p+δ) = 4s + 4 + ((u − 2 + δ) mod L) &gt; τ(s, p)
 *   r_{s−2}[p] (subtracted) ready: τ(s−2, p)   = 4s − 8 + ((u + 4) mod L)     &lt; τ(s, p)
 * </pre>
 * (each mod term is at most its argument plus L, at least its argument, and in [0, L)). All
 * dependencies run between different times, so the planes of one time are independent; the threads
 * meet at a barrier after each time. Only ≈ 2T + 3 planes per array are in flight, which stay in
 * cache, so memory traffic falls by ≈ T. The dot products are kept per (step, plane, row group) and
 * added in ascending (plane, group) order, so the moments depend neither on T nor on the number of
 * threads.
 */
public final class KpmEngine {
    private KpmEngine() {}

    /** Site-vectors per step (N·B) below which the threads are not worth their barriers. */
    static final long SMALL_STEP = 1L << 16;

    /** RandomStream purpose tag of the site sample. */
    public static final long SITE_SAMPLE = 0x5EED_0000_0000_0002L;
    /** RandomStream purpose tag of trace vector 0 (vector v uses TRACE + v). */
    public static final long TRACE = 0x5EED_0000_0001_0000L;

    /** The moments {@code settings} ask for: all sites or a reproducible sample, plus trace vectors. */
    public static KpmMoments compute(RealizationInput input, KpmSettings settings) {
        Columns c = columns(input, settings);
        return compute(input, settings, c.sites(), c.traceIds());
    }

    /**
     * The start vectors of one realization's moments: sites j (ascending) and trace vector ids v.
     *
     * @param sites    the sites whose local moments are computed
     * @param traceIds the ids of the random vectors of the stochastic trace
     */
    public record Columns(int[] sites, int[] traceIds) {}

    /** The columns {@code settings} ask for: all N sites and no vectors, or a reproducible sample of S sites and R vectors. */
    public static Columns columns(RealizationInput input, KpmSettings settings) {
        int n = input.sites();
        if (settings.allSitesRequested() || settings.sites() >= n) {
            int[] sites = new int[n];
            for (int i = 0; i < n; i++) {
                sites[i] = i;
            }
            return new Columns(sites, new int[0]);
        }
        int[] trace = new int[settings.traceVectors()];
        for (int v = 0; v < trace.length; v++) {
            trace[v] = v;
        }
        return new Columns(sampleSites(n, settings.sites(), seed(input), realization(input)), trace);
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
        int steps = (m + 1) / 2;   // step 1 gives μ_0, μ_1; step j ≥ 2 gives μ_{2j−2}, μ_{2j−1}
        Propagation run = new Propagation(h, b, settings.threads(), steps, settings.sweepDepth(), true);
        double[] xx = new double[b];
        double[] xo = new double[b];
        for (int first = 0; first < columns; first += b) {
            int count = Math.min(b, columns - first);
            int from = first;
            startVectors(run.x, run.y, b, first, count, sites, traceIds, seed, realization, n);
            run.steps(null, (j0, sweep) -> {
                for (int s = 1; s <= sweep; s++) {
                    run.dots(s, xx, xo);
                    int j = j0 + s - 1;
                    for (int c = 0; c < count; c++) {
                        int row = (from + c) * m;
                        if (j == 1) {
                            out[row] = xx[c];        // μ_0 = ⟨r_0|r_0⟩
                            out[row + 1] = xo[c];    // μ_1 = ⟨r_1|r_0⟩
                        } else {
                            // μ_{2n} = 2⟨r_n|r_n⟩ − μ_0, μ_{2n+1} = 2⟨r_{n+1}|r_n⟩ − μ_1 with n = j − 1.
                            out[row + 2 * j - 2] = 2 * xx[c] - out[row];
                            if (2 * j - 1 < m) {
                                out[row + 2 * j - 1] = 2 * xo[c] - out[row + 1];
                            }
                        }
                    }
                }
            });
        }
        double[] siteMoments = Arrays.copyOf(out, sites.length * m);
        double[] traceMoments = Arrays.copyOfRange(out, sites.length * m, columns * m);
        for (int i = 0; i < traceMoments.length; i++) {
            traceMoments[i] /= n; // ⟨r|T_m|r⟩/N estimates Tr T_m/N
        }
        return new KpmMoments(n, h.scale(), h.shift(), m, settings.kernel(), sites.clone(), siteMoments,
                traceIds.clone(), traceMoments, seed, realization);
    }

    /** Work a worker thread does on rows [yFrom, yTo) of plane z right after step j wrote r_j there. */
    interface RowObserver {
        void rows(int step, double[] rj, int z, int yFrom, int yTo);
    }

    /** Work the lead thread does after a sweep of steps j0 … j0 + sweep − 1, while the others wait. */
    interface SweepObserver {
        void swept(int j0, int sweep);
    }

    /**
     * The Chebyshev recursion r_j = 2H̃r_{j−1} − r_{j−2} of one block of B vectors at a time, in the
     * wavefront order of the class comment, on up to {@link BlockStencil#ROW_GROUPS} threads that share
     * each block. The caller writes r_0 into {@link #x} (with {@link #y} zero), then {@link #steps} runs
     * steps 1 … {@code steps}; r_j ends in x for even j and in y for odd j.
     */
    static final class Propagation {
        final ScaledHamiltonian h;
        final int b;
        final int threads;
        final int steps;
        final int depth;
        final double[] x;
        final double[] y;
        /** Dot products of every (step of the sweep, plane, row group), or null when not wanted. */
        private final double[] sums;
        private final BlockStencil stencil = Stencils.preferred();

        Propagation(ScaledHamiltonian h, int b, int threads, int steps, int sweepDepth, boolean dots) {
            this.h = h;
            this.b = b;
            int size = h.size();
            int groups = BlockStencil.ROW_GROUPS;
            // Threads share one block and split every plane into row groups: the block's two arrays
            // are then read by both cores from one copy (one block per thread would double the working set).
            // Below ≈ 64k site-vectors per step a time slot of the wavefront is a few microseconds of work,
            // less than a barrier costs: small lattices run on one thread.
            this.threads = (long) h.sites() * b < SMALL_STEP ? 1 : Math.max(1, Math.min(threads, groups));
            this.steps = steps;
            this.depth = Math.max(1, Math.min(steps, sweepDepth > 0 ? sweepDepth : sweepDepth(size, b)));
            this.x = new double[BlockStencil.length(h, b)];
            this.y = new double[x.length];
            this.sums = dots ? new double[depth * size * groups * 2 * b] : null;
        }

        /** Zeroes both arrays (before the caller writes the next block's r_0 into x). */
        void clear() {
            Arrays.fill(x, 0);
            Arrays.fill(y, 0);
        }

        /** xx, xo = ⟨r_{j−1}|r_{j−1}⟩, ⟨r_j|r_{j−1}⟩ of step s of the last sweep, added in ascending (plane, group) order. */
        void dots(int s, double[] xx, double[] xo) {
            int groups = BlockStencil.ROW_GROUPS;
            int count = h.size() * groups;
            Arrays.fill(xx, 0);
            Arrays.fill(xo, 0);
            for (int q = (s - 1) * count; q < s * count; q++) {
                int base = q * 2 * b;
                for (int c = 0; c < b; c++) {
                    xx[c] += sums[base + c];
                    xo[c] += sums[base + b + c];
                }
            }
        }

        /** Runs steps 1 … {@link #steps} on the block in x. */
        void steps(RowObserver rows, SweepObserver swept) {
            int size = h.size();
            int groups = BlockStencil.ROW_GROUPS;
            SpinBarrier barrier = new SpinBarrier(threads);
            Runnable[] workers = new Runnable[threads];
            for (int t = 0; t < threads; t++) {
                int gFrom = t * groups / threads;
                int gTo = (t + 1) * groups / threads;
                boolean lead = t == 0;
                workers[t] = () -> {
                    for (int j0 = 1; j0 <= steps; j0 += depth) {
                        int sweep = Math.min(depth, steps - j0 + 1);
                        // Wavefront (class comment): step s of the sweep does plane (2s + u) mod L at time τ = 4s + u.
                        for (int tau = 4; tau < 4 * sweep + size; tau++) {
                            for (int s = 1; s <= sweep; s++) {
                                int u = tau - 4 * s;
                                if (u < 0 || u >= size) {
                                    continue;
                                }
                                int p = (2 * s + u) % size;
                                int j = j0 + s - 1;
                                // Step j reads r_{j−1} and overwrites r_{j−2} with r_j; r_0 starts in x.
                                double[] src = (j & 1) == 1 ? x : y;
                                double[] dst = (j & 1) == 1 ? y : x;
                                boolean firstStep = j == 1; // r_1 = H̃ r_0; then r_j = 2H̃ r_{j−1} − r_{j−2}
                                for (int g = gFrom; g < gTo; g++) {
                                    int yFrom = BlockStencil.groupStart(g, size);
                                    int yTo = BlockStencil.groupStart(g + 1, size);
                                    stencil.applyRows(h, b, src, dst, firstStep ? 1.0 : 2.0, !firstStep, p, yFrom, yTo,
                                            sums, sums == null ? 0 : (((s - 1) * size + p) * groups + g) * 2 * b);
                                    if (rows != null) {
                                        rows.rows(j, dst, p, yFrom, yTo);
                                    }
                                }
                            }
                            barrier.await();
                        }
                        if (lead && swept != null) {
                            swept.swept(j0, sweep);
                        }
                        barrier.await(); // the next sweep overwrites the sums
                    }
                };
            }
            runAll(workers, barrier);
        }
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

    /**
     * Steps per sweep when the settings leave it open: as many as keep the sweep's planes in flight
     * (about 2T + 3 planes of each of the two arrays, L²·B doubles each) within 8 MB, a quarter of
     * this machine class's L3, between 2 and 16.
     */
    static int sweepDepth(int size, int b) {
        long plane = 8L * size * size * b;
        long budget = 8L << 20;
        int t = (int) Math.min(16, (budget / (2 * plane) - 3) / 2);
        return Math.max(2, t);
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
