package dnp.kpm;

import dnp.kernel.model.RandomStream;
import dnp.kernel.model.RealizationInput;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * ±1 vectors (stochastic trace), propagated B at a time through a {@link BlockStencil}. The columns
 * are cut into a fixed partition of blocks; each block's moments land in fixed rows, so the result
 * does not depend on the number of threads or on which thread ran which block.
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
        int threads = Math.max(1, Math.min(settings.threads(), blocks));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            double[] x = new double[BlockStencil.length(h, b)];
            double[] y = new double[x.length];
            int k;
            while ((k = next.getAndIncrement()) < blocks) {
                int first = k * b;
                int count = Math.min(b, columns - first);
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
                block(stencil, h, b, m, x, y, out, first, count, sites.length, n);
            }
        };
        if (threads == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "dnp-kpm");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            } catch (ExecutionException ex) {
                throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double[] siteMoments = Arrays.copyOf(out, sites.length * m);
        double[] traceMoments = Arrays.copyOfRange(out, sites.length * m, columns * m);
        for (int i = 0; i < traceMoments.length; i++) {
            traceMoments[i] /= n; // ⟨r|T_m|r⟩/N estimates Tr T_m/N
        }
        return new KpmMoments(n, h.scale(), h.shift(), m, settings.kernel(), sites.clone(), siteMoments,
                traceIds.clone(), traceMoments, seed, realization);
    }

    /** Runs the recursion for one block; x holds r_0, y is scratch. Writes rows first … first+count−1 of out. */
    private static void block(BlockStencil stencil, ScaledHamiltonian h, int b, int m, double[] x, double[] y,
                              double[] out, int first, int count, int siteColumns, int n) {
        double[] mu0 = new double[b];
        double[] mu1 = new double[b];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < b; c++) {
                mu0[c] += x[i * b + c] * x[i * b + c];
            }
        }
        stencil.apply(h, b, x, y, 1.0, false, null, null);          // y = r_1 = H̃ r_0
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < b; c++) {
                mu1[c] += y[i * b + c] * x[i * b + c];
            }
        }
        for (int c = 0; c < count; c++) {
            out[(first + c) * m] = mu0[c];
            out[(first + c) * m + 1] = mu1[c];
        }
        double[] xx = new double[b];
        double[] xo = new double[b];
        double[] cur = y;   // r_n
        double[] prev = x;  // r_{n−1}, overwritten by r_{n+1}
        for (int k = 1; 2 * k < m; k++) {
            Arrays.fill(xx, 0);
            Arrays.fill(xo, 0);
            stencil.apply(h, b, cur, prev, 2.0, true, xx, xo);  // prev ← 2H̃ r_n − r_{n−1} = r_{n+1}
            for (int c = 0; c < count; c++) {
                int row = (first + c) * m;
                out[row + 2 * k] = 2 * xx[c] - mu0[c];
                if (2 * k + 1 < m) {
                    out[row + 2 * k + 1] = 2 * xo[c] - mu1[c];
                }
            }
            double[] t = cur;
            cur = prev;
            prev = t;
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
