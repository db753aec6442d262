package dnp.kpm;

import dnp.kernel.model.RandomStream;

import java.util.Arrays;

/**
 * The division of the lattice that the vector estimator works on: P disjoint parts of the N sites,
 * each sorted ascending, and the jackknife group of each part. Part q carries two random vectors
 * r^(q,0), r^(q,1) with independent ±1 entries on its sites and 0 elsewhere; their signs are drawn
 * from {@link RandomStream} purpose {@link #VECTOR} + 2q + v + d·{@link #DRAW_STRIDE} (draw d) in
 * ascending site order.
 *
 * <p>{@link #random} deals the sites out by a uniform random permutation (Fisher–Yates on purpose
 * {@link #PARTITION} + d·{@link #DRAW_STRIDE}): part q holds permuted positions [⌊qN/P⌋, ⌊(q+1)N/P⌋), so part sizes differ by
 * at most one, and part q goes to group q mod J. Random parts matter: the coupling of two sites through
 * T_m(H̃) decays with their distance, so the noise a part's vectors add cancels best when its sites
 * are far apart on average.
 *
 * @param sites  N
 * @param parts  the site indices of each part, ascending, disjoint
 * @param groups J
 */
public record VectorPartition(int sites, int[][] parts, int groups) {

    /** RandomStream purpose tag of the random division of the lattice into parts. */
    public static final long PARTITION = 0x5EED_0000_0000_0003L;
    /** RandomStream purpose tag of vector v of part q: VECTOR + 2q + v. */
    public static final long VECTOR = 0x5EED_0001_0000_0000L;
    /** Offset of the purpose tags of draw d: d·2⁴⁰ (2q + v stays below 2³²). */
    public static final long DRAW_STRIDE = 1L << 40;

    public VectorPartition {
        if (groups < 1 || groups > parts.length) {
            throw new IllegalArgumentException("groups must be in [1, " + parts.length + "], got " + groups);
        }
        boolean[] seen = new boolean[sites];
        for (int[] part : parts) {
            if (part.length == 0) {
                throw new IllegalArgumentException("a part holds no site");
            }
            for (int i = 0; i < part.length; i++) {
                int j = part[i];
                if (j < 0 || j >= sites || seen[j] || (i > 0 && part[i - 1] >= j)) {
                    throw new IllegalArgumentException("parts must hold distinct sites in [0, " + sites
                            + "), ascending; site " + j + " is not");
                }
                seen[j] = true;
            }
        }
    }

    /** The random division of N sites into P parts dealt into J groups, reproducible from (seed, realization, draw). */
    public static VectorPartition random(int n, int parts, int groups, long seed, long realization, int draw) {
        if (parts < 1 || parts > n) {
            throw new IllegalArgumentException("cannot divide " + n + " sites into " + parts + " parts");
        }
        RandomStream random = new RandomStream(seed, realization, PARTITION + draw * DRAW_STRIDE);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Math.floor(random.nextDouble() * (i + 1));
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[][] out = new int[parts][];
        for (int q = 0; q < parts; q++) {
            int from = (int) ((long) q * n / parts);
            int to = (int) ((long) (q + 1) * n / parts);
            out[q] = Arrays.copyOfRange(perm, from, to);
            Arrays.sort(out[q]);
        }
        return new VectorPartition(n, out, groups);
    }

    /** The division {@code settings} ask for on {@code input}'s lattice. */
    public static VectorPartition of(dnp.kernel.model.RealizationInput input, VectorSettings settings) {
        return random(input.sites(), settings.parts(), settings.groups(), KpmEngine.seed(input),
                KpmEngine.realization(input), settings.draw());
    }

    /** The jackknife group of part q. */
    public int group(int part) {
        return part % groups;
    }

    /** P. */
    public int partCount() {
        return parts.length;
    }

    /** The ±1 entries of vector v ∈ {0, 1} of part q (draw d) on its sites, in ascending site order. */
    public static double[] signs(int size, int part, int vector, long seed, long realization, int draw) {
        RandomStream random = new RandomStream(seed, realization, VECTOR + 2L * part + vector + draw * DRAW_STRIDE);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = (random.nextLong() & 1L) == 0 ? 1.0 : -1.0;
        }
        return out;
    }

    /** Sites held by each group: Σ over its parts. */
    public int[] groupSites() {
        int[] out = new int[groups];
        for (int q = 0; q < parts.length; q++) {
            out[group(q)] += parts[q].length;
        }
        return out;
    }
}
