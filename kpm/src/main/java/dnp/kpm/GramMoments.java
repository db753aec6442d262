package dnp.kpm;

import java.util.Arrays;
import java.util.List;

/**
 * What the vector estimator keeps of one realization: per jackknife group g, the symmetrized Gram
 * matrix of the per-site moment estimates of its parts' vector pairs and the sums of those estimates,
 * <pre>
 *   Γ_g[m][n] = ½ Σ_{q ∈ g} Σ_{j ∈ part q} (X^(q,0)_j(m) X^(q,1)_j(n) + X^(q,1)_j(m) X^(q,0)_j(n)),
 *   t_g^(v)[m] = Σ_{q ∈ g} Σ_{j ∈ part q} X^(q,v)_j(m),      X^(q,v)_j(m) = r_j (T_m(H̃) r)_j,  r = r^(q,v)
 * </pre>
 * (docs/model.md, "The stochastic-vector estimator"). E X_j(m) = μ_m(j) and the two vectors of a pair
 * are independent, so E Γ_g = Σ_{j in g's parts} μ(j) μ(j)ᵀ and E t_g^(v) = Σ_j μ(j): the site sums of the
 * KPM route, without site sampling. The matrices are stored as their lower triangles, row by row
 * (entry (m, n), n ≤ m, at m(m+1)/2 + n). The groups' moments add: parts computed apart ({@link #join})
 * give the same Γ_g as one run, up to the order of the additions.
 *
 * @param sites       N
 * @param scale       a of H̃ = (M − b)/a
 * @param shift       b
 * @param moments     M
 * @param kernel      damping kernel used by default when evaluating
 * @param vectors     R = 2P, the vectors of the whole estimator
 * @param groups      J
 * @param parts       the parts whose pairs are held, ascending
 * @param groupSites  sites held per group (over the parts held)
 * @param gram        J lower triangles of M(M+1)/2
 * @param traces      J arrays of 2M: t_g^(0) then t_g^(1)
 * @param seed        seed of the partition and the vectors
 * @param realization realization index of the same
 * @param draw        the draw of the partition and vectors ({@link VectorSettings#draw})
 */
public record GramMoments(int sites, double scale, double shift, int moments, DampingKernel kernel, int vectors,
                          int groups, int[] parts, int[] groupSites, double[][] gram, double[][] traces, long seed,
                          long realization, int draw) {

    public GramMoments {
        long packed = packedLength(moments);
        if (gram.length != groups || traces.length != groups || groupSites.length != groups) {
            throw new IllegalArgumentException("expected " + groups + " groups");
        }
        for (int g = 0; g < groups; g++) {
            if (gram[g].length != packed || traces[g].length != 2L * moments) {
                throw new IllegalArgumentException("group " + g + " does not hold M = " + moments + " moments");
            }
        }
    }

    /** M(M+1)/2: the entries of a lower triangle. */
    public static long packedLength(int moments) {
        return (long) moments * (moments + 1) / 2;
    }

    /** P = R/2. */
    public int partCount() {
        return vectors / 2;
    }

    /** Whether every part's pair is held (then the site sums cover the lattice). */
    public boolean complete() {
        return parts.length == partCount();
    }

    /** Sites covered by the parts held. */
    public long coveredSites() {
        long n = 0;
        for (int s : groupSites) {
            n += s;
        }
        return n;
    }

    /** The moments of disjoint part sets of one realization and estimator, added group by group, in the order given. */
    public static GramMoments join(List<GramMoments> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no moments to join");
        }
        GramMoments first = list.getFirst();
        int m = first.moments;
        double[][] gram = new double[first.groups][];
        double[][] traces = new double[first.groups][];
        int[] groupSites = new int[first.groups];
        int[] parts = new int[0];
        for (int g = 0; g < first.groups; g++) {
            gram[g] = new double[(int) packedLength(m)];
            traces[g] = new double[2 * m];
        }
        for (GramMoments p : list) {
            if (p.sites != first.sites || p.moments != m || p.vectors != first.vectors || p.groups != first.groups
                    || Double.compare(p.scale, first.scale) != 0 || Double.compare(p.shift, first.shift) != 0
                    || p.seed != first.seed || p.realization != first.realization || p.draw != first.draw) {
                throw new IllegalArgumentException("moments of different realizations or estimators cannot be added");
            }
            for (int g = 0; g < first.groups; g++) {
                add(gram[g], p.gram[g]);
                add(traces[g], p.traces[g]);
                groupSites[g] += p.groupSites[g];
            }
            int at = parts.length;
            parts = Arrays.copyOf(parts, at + p.parts.length);
            System.arraycopy(p.parts, 0, parts, at, p.parts.length);
        }
        Arrays.sort(parts);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i] == parts[i - 1]) {
                throw new IllegalArgumentException("part " + parts[i] + " occurs in two moment sets");
            }
        }
        return new GramMoments(first.sites, first.scale, first.shift, m, first.kernel, first.vectors, first.groups,
                parts, groupSites, gram, traces, first.seed, first.realization, first.draw);
    }

    private static void add(double[] into, double[] x) {
        for (int i = 0; i < x.length; i++) {
            into[i] += x[i];
        }
    }
}
