package dnp.kpm;

import dnp.kernel.model.RealizationInput;
import dnp.nativebindings.Blas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stochastic-vector estimator's moments ({@link GramMoments}): every site of a part at once.
 *
 * <p>For a vector r with independent ±1 entries on a set of sites S (0 elsewhere), each Chebyshev
 * vector r_m = T_m(H̃) r gives every site j ∈ S the estimate X_j(m) = r_j (r_m)_j of its local moment:
 * <pre>
 *   X_j(m) = Σ_{i ∈ S} r_j r_i T_m(H̃)_{ji} = μ_m(j) + Σ_{i ∈ S, i ≠ j} r_j r_i T_m(H̃)_{ji},    E X_j(m) = μ_m(j),
 * </pre>
 * since r_j² = 1 and E r_j r_i = 0 for i ≠ j. The recursion runs M − 1 steps (r_1 … r_{M−1}), recording
 * X_j(m) of the vector's own sites at every step. (The doubling trick of {@link KpmEngine}, μ_{2n} from
 * r_n, holds per site only in expectation over <em>all</em> sites: E (r_n)_j² = Σ_{i ∈ S} T_n(H̃)_{ji}², which
 * equals (T_n²)_jj = ((T_{2n} + 1)/2)_jj only when S is the whole lattice. Parts are not, so every
 * moment is recorded directly.)
 *
 * <p>Two independent vectors of a part give Σ_j X^(0)_j X^(1)_jᵀ, an unbiased estimate of Σ_j μ(j)μ(j)ᵀ over
 * the part — never a vector with itself, whose noise would add a bias. Its noise falls with the part's
 * size: the cross terms of a part of N/P random sites carry about 1/P of a whole-lattice vector's
 * couplings (docs/model.md gives the variance). Each part has two such pairs, whose estimates differ
 * only by noise: their difference gives the error bar.
 *
 * <p>Memory: the recordings of one block of B columns (B/4 parts), ⌈N/P⌉·M doubles per column, and the
 * two M×M sums of the group in progress, off the heap; B shrinks to keep the recordings within
 * {@link VectorSettings#RECORDING_BYTES}. Work: M − 1 stencil steps per vector and two dgemms of
 * ⌈N/P⌉ × M × M per part, 2N·M² multiply-adds per realization.
 */
public final class VectorEngine {
    private VectorEngine() {}

    private static final int PER_PART = GramMoments.VECTORS_PER_PART;

    /** The moments of every group of the realization. */
    public static GramMoments compute(RealizationInput input, VectorSettings settings) {
        return compute(input, settings, VectorPartition.of(input, settings), allGroups(settings.groups()));
    }

    /** 0 … J − 1. */
    public static int[] allGroups(int groups) {
        int[] all = new int[groups];
        for (int g = 0; g < groups; g++) {
            all[g] = g;
        }
        return all;
    }

    /**
     * The moments of the groups {@code groupIds} (ascending) of {@code partition}, each group's parts in
     * ascending order; disjoint calls of one realization give moments that {@link GramMoments#join} joins.
     */
    public static GramMoments compute(RealizationInput input, VectorSettings settings, VectorPartition partition,
                                      int[] groupIds) {
        return compute(input, settings, partition, groupIds, false).moments();
    }

    /** The moments, and for tests the Gram sums in double precision before they are stored as floats. */
    record Computed(GramMoments moments, double[][][] exact) {}

    static Computed compute(RealizationInput input, VectorSettings settings, VectorPartition partition,
                            int[] groupIds, boolean keepExact) {
        ScaledHamiltonian h = ScaledHamiltonian.of(input.lattice(), input.hopping(), input.disorder(), KpmSettings.MARGIN);
        int n = h.sites();
        if (partition.sites() != n) {
            throw new IllegalArgumentException("a partition of " + partition.sites() + " sites for a lattice of " + n);
        }
        if (partition.groups() != settings.groups() || partition.partCount() != settings.parts()) {
            throw new IllegalArgumentException("the partition has " + partition.partCount() + " parts in "
                    + partition.groups() + " groups, the settings ask for " + settings.parts() + " in "
                    + settings.groups());
        }
        for (int i = 0; i < groupIds.length; i++) {
            if (groupIds[i] < 0 || groupIds[i] >= partition.groups() || (i > 0 && groupIds[i] <= groupIds[i - 1])) {
                throw new IllegalArgumentException("group ids must be ascending in [0, " + partition.groups() + ")");
            }
        }
        int m = settings.moments();
        int largest = 0;
        for (int[] part : partition.parts()) {
            largest = Math.max(largest, part.length);
        }
        int b = VectorSettings.blockSize(largest, m);
        if (b < PER_PART) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a part of %d sites × %d moments needs %.2f GB per vector: use more vectors (smaller parts)",
                    largest, m, 8e-9 * largest * m));
        }
        long seed = KpmEngine.seed(input);
        long realization = KpmEngine.realization(input);
        int held = groupIds.length;
        float[][][] gram = new float[held][][];
        double[][][] exact = keepExact ? new double[held][][] : null;
        double[][] traces = new double[held][PER_PART * m];
        int[] groupSites = new int[held];
        KpmEngine.Propagation run = new KpmEngine.Propagation(h, b, settings.threads(), m - 1, settings.sweepDepth(),
                false);
        // Shared: the stencil's worker threads write the recordings.
        try (Arena arena = Arena.ofShared()) {
            MemorySegment[] records = new MemorySegment[b];
            for (int c = 0; c < b; c++) {
                records[c] = arena.allocate(8L * largest * m, 64);
            }
            MemorySegment[] sums = {arena.allocate(8L * m * m, 64), arena.allocate(8L * m * m, 64)};
            for (int k = 0; k < held; k++) {
                int g = groupIds[k];
                sums[0].fill((byte) 0);
                sums[1].fill((byte) 0);
                List<Integer> parts = new ArrayList<>();
                for (int q = g; q < partition.partCount(); q += partition.groups()) {
                    parts.add(q);
                }
                for (int first = 0; first < parts.size(); first += b / PER_PART) {
                    int count = Math.min(b / PER_PART, parts.size() - first);
                    Column[] active = new Column[PER_PART * count];
                    run.clear();
                    for (int c = 0; c < active.length; c++) {
                        int q = parts.get(first + c / PER_PART);
                        int[] sites = partition.parts()[q];
                        active[c] = new Column(c, sites, VectorPartition.signs(sites.length, q, c % PER_PART, seed,
                                realization, settings.draw()), records[c], h.size());
                        active[c].start(run.x, b);
                    }
                    if (m > 1) {
                        run.steps((step, rj, z, yFrom, yTo) -> {
                            for (Column col : active) {
                                col.record(step, rj, b, z, yFrom, yTo);
                            }
                        }, null);
                    }
                    for (int p = 0; p < count; p++) {
                        Column[] v = Arrays.copyOfRange(active, PER_PART * p, PER_PART * (p + 1));
                        int s = v[0].sites.length;
                        // Σ_A += X0ᵀ X1, Σ_B += X2ᵀ X3 (X column-major, S × M); symmetrized when packed.
                        Blas.dgemm(true, false, m, m, s, 1.0, v[0].record, s, v[1].record, s, 1.0, sums[0], m);
                        Blas.dgemm(true, false, m, m, s, 1.0, v[2].record, s, v[3].record, s, 1.0, sums[1], m);
                        for (int r = 0; r < PER_PART; r++) {
                            v[r].addSums(traces[k], r * m, m);
                        }
                        groupSites[k] += s;
                    }
                }
                gram[k] = new float[2][];
                if (keepExact) {
                    exact[k] = new double[2][];
                }
                for (int pair = 0; pair < 2; pair++) {
                    double[] packed = packSymmetric(sums[pair], m);
                    gram[k][pair] = toFloat(packed);
                    if (keepExact) {
                        exact[k][pair] = packed;
                    }
                }
            }
            return new Computed(new GramMoments(n, h.scale(), h.shift(), m, settings.kernel(), settings.vectors(),
                    partition.groups(), groupIds.clone(), groupSites, gram, traces, seed, realization,
                    settings.draw()), exact);
        }
    }

    private static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /** The lower triangle of (G + Gᵀ)/2, row by row. */
    static double[] packSymmetric(MemorySegment full, int m) {
        double[] out = new double[(int) GramMoments.packedLength(m)];
        double[] row = new double[m];
        double[] column = new double[m];
        for (int i = 0; i < m; i++) {
            // Column-major: row i of G is G[i + m·k], column i is G[k + m·i].
            MemorySegment.copy(full, ValueLayout.JAVA_DOUBLE, 8L * m * i, column, 0, m);
            for (int k = 0; k <= i; k++) {
                row[k] = full.getAtIndex(ValueLayout.JAVA_DOUBLE, i + (long) m * k);
            }
            int base = i * (i + 1) / 2;
            for (int k = 0; k <= i; k++) {
                out[base + k] = 0.5 * (row[k] + column[k]);
            }
        }
        return out;
    }

    /** One column of a block: a vector on the sites of one part, and the recording of its estimates. */
    private static final class Column {
        final int lane;
        final int[] sites;
        final double[] signs;
        final MemorySegment record;
        /** L. */
        final int size;
        /** rowStart[y + L·z]: the first index into sites at or after row (y, z); L² + 1 entries. */
        final int[] rowStart;

        Column(int lane, int[] sites, double[] signs, MemorySegment record, int size) {
            this.lane = lane;
            this.sites = sites;
            this.signs = signs;
            this.record = record;
            this.size = size;
            int rows = size * size;
            rowStart = new int[rows + 1];
            int idx = 0;
            for (int row = 0; row <= rows; row++) {
                while (idx < sites.length && sites[idx] < (long) row * size) {
                    idx++;
                }
                rowStart[row] = idx;
            }
        }

        /** r_0 into lane c of x, and X_j(0) = r_j² = 1. */
        void start(double[] x, int b) {
            for (int idx = 0; idx < sites.length; idx++) {
                x[sites[idx] * b + lane] = signs[idx];
                record.setAtIndex(ValueLayout.JAVA_DOUBLE, idx, 1.0);
            }
        }

        /** X_j(step) = r_j (r_step)_j for this column's sites in rows [yFrom, yTo) of plane z. */
        void record(int step, double[] rj, int b, int z, int yFrom, int yTo) {
            long base = (long) step * sites.length;
            for (int idx = rowStart[yFrom + size * z]; idx < rowStart[yTo + size * z]; idx++) {
                record.setAtIndex(ValueLayout.JAVA_DOUBLE, base + idx, signs[idx] * rj[sites[idx] * b + lane]);
            }
        }

        /** sums[offset + m] += Σ_j X_j(m). */
        void addSums(double[] sums, int offset, int m) {
            int s = sites.length;
            for (int k = 0; k < m; k++) {
                double acc = 0;
                long base = (long) k * s;
                for (int idx = 0; idx < s; idx++) {
                    acc += record.getAtIndex(ValueLayout.JAVA_DOUBLE, base + idx);
                }
                sums[offset + k] += acc;
            }
        }
    }
}
