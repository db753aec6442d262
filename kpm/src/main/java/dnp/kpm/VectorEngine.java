package dnp.kpm;

import dnp.kernel.model.RealizationInput;
import dnp.nativebindings.Blas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

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
 * <p>Each part carries two independent vectors, so X^(0)_j and X^(1)_j are independent given the
 * disorder and Σ_j X^(0)_j X^(1)_jᵀ is an unbiased estimate of Σ_j μ(j)μ(j)ᵀ over the part — never a
 * vector with itself, whose noise would add a bias. Its noise falls with the part's size: the
 * cross terms of a part of N/P random sites carry about 1/P of a whole-lattice vector's couplings
 * (docs/model.md gives the variance).
 *
 * <p>Memory: the recordings of one block of B columns (B/2 parts), ⌈N/P⌉·M doubles per column, off the
 * heap; B shrinks (in pairs) to keep them within {@link VectorSettings#RECORDING_BYTES}. Work: M − 1 stencil
 * steps per vector and one dgemm of ⌈N/P⌉ × M × M per part, N·M² multiply-adds per realization.
 */
public final class VectorEngine {
    private VectorEngine() {}

    /** The moments of every part of the realization. */
    public static GramMoments compute(RealizationInput input, VectorSettings settings) {
        VectorPartition partition = VectorPartition.of(input, settings);
        int[] all = new int[partition.partCount()];
        for (int q = 0; q < all.length; q++) {
            all[q] = q;
        }
        return compute(input, settings, partition, all);
    }

    /**
     * The moments of the parts {@code partIds} (ascending) of {@code partition}; disjoint calls of one
     * realization give moments that {@link GramMoments#join} adds.
     */
    public static GramMoments compute(RealizationInput input, VectorSettings settings, VectorPartition partition,
                                      int[] partIds) {
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
        for (int i = 0; i < partIds.length; i++) {
            if (partIds[i] < 0 || partIds[i] >= partition.partCount() || (i > 0 && partIds[i] <= partIds[i - 1])) {
                throw new IllegalArgumentException("part ids must be ascending in [0, " + partition.partCount() + ")");
            }
        }
        int m = settings.moments();
        int largest = 0;
        for (int q : partIds) {
            largest = Math.max(largest, partition.parts()[q].length);
        }
        long perColumn = 8L * largest * m;
        int fit = (int) Math.min(VectorSettings.MAX_BLOCK, VectorSettings.RECORDING_BYTES / Math.max(1, perColumn));
        int b = fit - fit % 2;
        if (b < 2) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a part of %d sites × %d moments needs %.2f GB per vector: use more vectors (smaller parts)",
                    largest, m, perColumn / 1e9));
        }
        long seed = KpmEngine.seed(input);
        long realization = KpmEngine.realization(input);
        int groups = partition.groups();
        double[][] traces = new double[groups][2 * m];
        int[] groupSites = new int[groups];
        KpmEngine.Propagation run = new KpmEngine.Propagation(h, b, settings.threads(), m - 1, settings.sweepDepth(),
                false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] accumulators = new MemorySegment[groups];
            MemorySegment[] records = new MemorySegment[b];
            for (int c = 0; c < b; c++) {
                records[c] = arena.allocate(perColumn, 64);
            }
            Column[] columns = new Column[b];
            for (int first = 0; first < partIds.length; first += b / 2) {
                int pairs = Math.min(b / 2, partIds.length - first);
                run.clear();
                for (int c = 0; c < 2 * pairs; c++) {
                    int q = partIds[first + c / 2];
                    columns[c] = new Column(c, partition.parts()[q], VectorPartition.signs(partition.parts()[q].length,
                            q, c % 2, seed, realization, settings.draw()), records[c], h.size());
                    columns[c].start(run.x, b);
                }
                Column[] active = Arrays.copyOf(columns, 2 * pairs);
                if (m > 1) {
                    run.steps((step, rj, z, yFrom, yTo) -> {
                        for (Column col : active) {
                            col.record(step, rj, b, z, yFrom, yTo);
                        }
                    }, null);
                }
                for (int p = 0; p < pairs; p++) {
                    int q = partIds[first + p];
                    int g = partition.group(q);
                    if (accumulators[g] == null) {
                        accumulators[g] = arena.allocate(8L * m * m, 64);
                    }
                    Column x0 = active[2 * p];
                    Column x1 = active[2 * p + 1];
                    int s = x0.sites.length;
                    // Γ_g += X0ᵀ X1 (X stored column-major, S × M): the symmetrization follows at the end.
                    Blas.dgemm(true, false, m, m, s, 1.0, x0.record, s, x1.record, s, 1.0, accumulators[g], m);
                    x0.addSums(traces[g], 0, m);
                    x1.addSums(traces[g], m, m);
                    groupSites[g] += s;
                }
            }
            double[][] gram = new double[groups][];
            for (int g = 0; g < groups; g++) {
                gram[g] = packSymmetric(accumulators[g], m);
            }
            return new GramMoments(n, h.scale(), h.shift(), m, settings.kernel(), settings.vectors(), groups,
                    partIds.clone(), groupSites, gram, traces, seed, realization, settings.draw());
        }
    }

    /** The lower triangle of (G + Gᵀ)/2, row by row; zeros for a group with no part (null). */
    static double[] packSymmetric(MemorySegment full, int m) {
        double[] out = new double[(int) GramMoments.packedLength(m)];
        if (full == null) {
            return out;
        }
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
