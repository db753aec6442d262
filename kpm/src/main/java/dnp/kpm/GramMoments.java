package dnp.kpm;

import java.util.Arrays;
import java.util.List;

/**
 * What the vector estimator keeps of one realization. Every part q carries two independent pairs of
 * vectors, A = (r^(q,0), r^(q,1)) and B = (r^(q,2), r^(q,3)); per jackknife group g and pair h ∈ {A, B},
 * the symmetrized Gram matrix of the per-site moment estimates of its parts, and per group and vector
 * the sums of those estimates:
 * <pre>
 *   Γ_{g,A}[m][n] = ½ Σ_{q ∈ g} Σ_{j ∈ part q} (X^(q,0)_j(m) X^(q,1)_j(n) + X^(q,1)_j(m) X^(q,0)_j(n))   (B: vectors 2, 3)
 *   t_{g,v}[m]    = Σ_{q ∈ g} Σ_{j ∈ part q} X^(q,v)_j(m),        X^(q,v)_j(m) = r_j (T_m(H̃) r)_j,  r = r^(q,v)
 * </pre>
 * (docs/model.md, "The stochastic-vector estimator"). E X_j(m) = μ_m(j) and the two vectors of a pair
 * are independent, so E Γ_{g,A} = E Γ_{g,B} = Σ_{j in g's parts} μ(j) μ(j)ᵀ and E t_{g,v} = Σ_j μ(j): the site
 * sums of the KPM route, without site sampling, twice, independently.
 *
 * <p>The matrices are kept in single precision, as their lower triangles row by row (entry (m, n), n ≤ m,
 * at m(m+1)/2 + n): each entry is an estimate whose noise is of order 1%, far above float rounding,
 * and a realization at M = 3000 in 8 groups then takes 288 MB rather than 576. The evaluation reads
 * exactly these numbers whether they come from the engine or from a file. Groups are the unit of
 * division: a realization computed in several jobs gives each job whole groups ({@link #join}), so the
 * result does not depend on the division.
 *
 * @param sites       N
 * @param scale       a of H̃ = (M − b)/a
 * @param shift       b
 * @param moments     M
 * @param kernel      damping kernel used by default when evaluating
 * @param vectors     R = 4P, the vectors of the whole estimator
 * @param groups      J, the groups of the whole estimator
 * @param heldGroups  the groups held, ascending (all J for a whole realization)
 * @param groupSites  sites covered by each held group
 * @param gram        per held group, {Γ_A, Γ_B} as lower triangles of M(M+1)/2
 * @param traces      per held group, 4M: t_{g,0} … t_{g,3}
 * @param seed        seed of the partition and the vectors
 * @param realization realization index of the same
 * @param draw        the draw of the partition and vectors ({@link VectorSettings#draw})
 */
public record GramMoments(int sites, double scale, double shift, int moments, DampingKernel kernel, int vectors,
                          int groups, int[] heldGroups, int[] groupSites, float[][][] gram, double[][] traces,
                          long seed, long realization, int draw) {

    /** Vectors per part: two independent pairs. */
    public static final int VECTORS_PER_PART = 4;

    public GramMoments {
        long packed = packedLength(moments);
        int held = heldGroups.length;
        if (gram.length != held || traces.length != held || groupSites.length != held) {
            throw new IllegalArgumentException("expected the data of " + held + " groups");
        }
        for (int i = 0; i < held; i++) {
            if (heldGroups[i] < 0 || heldGroups[i] >= groups || (i > 0 && heldGroups[i] <= heldGroups[i - 1])) {
                throw new IllegalArgumentException("held groups must be ascending in [0, " + groups + ")");
            }
            if (gram[i].length != 2 || gram[i][0].length != packed || gram[i][1].length != packed
                    || traces[i].length != (long) VECTORS_PER_PART * moments) {
                throw new IllegalArgumentException("group " + heldGroups[i] + " does not hold M = " + moments
                        + " moments of two pairs");
            }
        }
    }

    /** M(M+1)/2: the entries of a lower triangle. */
    public static long packedLength(int moments) {
        return (long) moments * (moments + 1) / 2;
    }

    /** Whether every group is held (then the site sums cover the lattice). */
    public boolean complete() {
        return heldGroups.length == groups;
    }

    /** Sites covered by the groups held. */
    public long coveredSites() {
        long n = 0;
        for (int s : groupSites) {
            n += s;
        }
        return n;
    }

    /** The moments of disjoint group sets of one realization and estimator, in ascending group order. */
    public static GramMoments join(List<GramMoments> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no moments to join");
        }
        GramMoments first = list.getFirst();
        int total = 0;
        for (GramMoments p : list) {
            if (p.sites != first.sites || p.moments != first.moments || p.vectors != first.vectors
                    || p.groups != first.groups || Double.compare(p.scale, first.scale) != 0
                    || Double.compare(p.shift, first.shift) != 0 || p.seed != first.seed
                    || p.realization != first.realization || p.draw != first.draw) {
                throw new IllegalArgumentException("moments of different realizations or estimators cannot be joined");
            }
            total += p.heldGroups.length;
        }
        Integer[] order = new Integer[total];
        int[] from = new int[total];
        int[] at = new int[total];
        int i = 0;
        for (int l = 0; l < list.size(); l++) {
            for (int k = 0; k < list.get(l).heldGroups.length; k++) {
                order[i] = i;
                from[i] = l;
                at[i] = k;
                i++;
            }
        }
        Arrays.sort(order, (x, y) -> Integer.compare(list.get(from[x]).heldGroups[at[x]],
                list.get(from[y]).heldGroups[at[y]]));
        int[] held = new int[total];
        int[] sites = new int[total];
        float[][][] gram = new float[total][][];
        double[][] traces = new double[total][];
        for (int k = 0; k < total; k++) {
            GramMoments p = list.get(from[order[k]]);
            int a = at[order[k]];
            held[k] = p.heldGroups[a];
            sites[k] = p.groupSites[a];
            gram[k] = p.gram[a];
            traces[k] = p.traces[a];
            if (k > 0 && held[k] == held[k - 1]) {
                throw new IllegalArgumentException("group " + held[k] + " occurs in two moment sets");
            }
        }
        return new GramMoments(first.sites, first.scale, first.shift, first.moments, first.kernel, first.vectors,
                first.groups, held, sites, gram, traces, first.seed, first.realization, first.draw);
    }
}
