package dnp.kpm;

import dnp.nativebindings.Blas;

import java.io.Serial;
import java.io.Serializable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * Chebyshev moments of one realization, in plain arrays so that a cache can store them.
 * With H̃ = (M − b)/a (see {@link ScaledHamiltonian}):
 * <pre>
 *   local moments  μ_m(j) = ⟨j|T_m(H̃)|j⟩ = Σ_α |φ_αj|² T_m(x_α),   x_α = (λ_α − b)/a
 *   trace moments  μ̄_m^(v) = ⟨r_v|T_m(H̃)|r_v⟩ / N                  (r_v random ±1, E μ̄^(v) = Tr T_m / N)
 * </pre>
 * Moments of disjoint site sets (and disjoint trace-vector sets) of the same realization add by
 * {@link #add}: the estimators are sums over sites and vectors.
 *
 * @param sites         N = L³
 * @param scale         a
 * @param shift         b
 * @param moments       M
 * @param kernel        damping kernel used by default when evaluating
 * @param siteIndex     the sites j whose local moments are held, in the order of {@code siteMoments}
 * @param siteMoments   μ_m(j) for site siteIndex[s] at [s·M + m]
 * @param traceIds      ids of the random vectors (vector v is drawn from RandomStream purpose TRACE + v)
 * @param traceMoments  μ̄_m^(v) for vector traceIds[r] at [r·M + m]
 * @param seed          seed of the site sample and trace vectors
 * @param realization   realization index of the same
 */
public record KpmMoments(int sites, double scale, double shift, int moments, DampingKernel kernel, int[] siteIndex,
                         double[] siteMoments, int[] traceIds, double[] traceMoments, long seed, long realization)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public KpmMoments {
        if (siteMoments.length != (long) siteIndex.length * moments
                || traceMoments.length != (long) traceIds.length * moments) {
            throw new IllegalArgumentException("moment arrays do not match the site and vector counts");
        }
    }

    /** Number S of sites held. */
    public int sampledSites() {
        return siteIndex.length;
    }

    /** Whether every site of the lattice is held (then site sums are exact). */
    public boolean allSites() {
        return siteIndex.length == sites;
    }

    /**
     * The union of two disjoint site sets (and trace-vector sets) of the same realization and
     * rescaling. Throws if a site or vector occurs in both.
     */
    public KpmMoments add(KpmMoments other) {
        return join(List.of(this, other));
    }

    /**
     * The union of disjoint site sets (and trace-vector sets) of the same realization and rescaling, in
     * the order given, copied once (the parts of a large sample need not be copied part by part). Throws
     * if a site or vector occurs twice.
     */
    public static KpmMoments join(List<KpmMoments> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no moments to join");
        }
        KpmMoments first = parts.getFirst();
        int s = 0;
        int r = 0;
        for (KpmMoments p : parts) {
            if (p.sites != first.sites || p.moments != first.moments || Double.compare(p.scale, first.scale) != 0
                    || Double.compare(p.shift, first.shift) != 0 || p.seed != first.seed
                    || p.realization != first.realization) {
                throw new IllegalArgumentException("moments of different realizations, rescalings or orders cannot be added");
            }
            s += p.siteIndex.length;
            r += p.traceIds.length;
        }
        int m = first.moments;
        int[] sites = new int[s];
        int[] trace = new int[r];
        double[] siteMoments = new double[s * m];
        double[] traceMoments = new double[r * m];
        int at = 0;
        int rat = 0;
        for (KpmMoments p : parts) {
            System.arraycopy(p.siteIndex, 0, sites, at, p.siteIndex.length);
            System.arraycopy(p.siteMoments, 0, siteMoments, at * m, p.siteMoments.length);
            at += p.siteIndex.length;
            System.arraycopy(p.traceIds, 0, trace, rat, p.traceIds.length);
            System.arraycopy(p.traceMoments, 0, traceMoments, rat * m, p.traceMoments.length);
            rat += p.traceIds.length;
        }
        requireDistinct(sites, "site");
        requireDistinct(trace, "trace vector");
        return new KpmMoments(first.sites, first.scale, first.shift, m, first.kernel, sites, siteMoments, trace,
                traceMoments, first.seed, first.realization);
    }

    /**
     * μ_mn = Σ_j μ_m(j) μ_n(j) over the held sites (M×M, row-major, symmetric): one dsyrk.
     * With all sites, μ_mn = Σ_αβ O_αβ T_m(x_α) T_n(x_β), so Σ_mn g_m g_n μ_mn F̂_mn is the exact
     * overlap sum of the kernel-smoothed F_M (the identity of the class comment of {@link KpmEvaluator}).
     */
    public double[] pairMoments() {
        int s = siteIndex.length;
        double[] out = new double[moments * moments];
        if (s == 0) {
            return out;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(8L * s * moments, 64);
            MemorySegment.copy(siteMoments, 0, a, ValueLayout.JAVA_DOUBLE, 0, siteMoments.length);
            MemorySegment c = arena.allocate(8L * moments * moments, 64);
            // siteMoments is column-major M×S (column = site): μ = A·Aᵀ.
            Blas.dsyrkLower(false, moments, s, 1.0, a, moments, 0.0, c, moments);
            MemorySegment.copy(c, ValueLayout.JAVA_DOUBLE, 0, out, 0, out.length);
        }
        for (int n = 0; n < moments; n++) {          // column-major lower → full symmetric
            for (int m = n + 1; m < moments; m++) {
                out[n + moments * m] = out[m + moments * n];
            }
        }
        return out;
    }

    /** μ̄_m: the exact site mean with all sites, otherwise the mean over trace vectors. */
    public double[] meanMoments() {
        double[] mean = new double[moments];
        if (allSites()) {
            for (int s = 0; s < siteIndex.length; s++) {
                for (int m = 0; m < moments; m++) {
                    mean[m] += siteMoments[s * moments + m];
                }
            }
            for (int m = 0; m < moments; m++) {
                mean[m] /= siteIndex.length;
            }
        } else {
            for (int r = 0; r < traceIds.length; r++) {
                for (int m = 0; m < moments; m++) {
                    mean[m] += traceMoments[r * moments + m];
                }
            }
            for (int m = 0; m < moments; m++) {
                mean[m] /= Math.max(1, traceIds.length);
            }
        }
        return mean;
    }

    private static void requireDistinct(int[] ids, String what) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(what + " " + sorted[i] + " occurs in two moment sets");
            }
        }
    }
}
