package dnp.kpm;

import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RandomStream;
import dnp.kernel.vector.SturmCounter;
import dnp.kernel.vector.VectorizationProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every eigenvalue of the Anderson matrix M (Eq. 7) in an energy window [lower, upper], without
 * forming M: two Lanczos recursions without reorthogonalization, from independent random starting
 * vectors, on the matrix-free stencil, and the eigenvalues their tridiagonal matrices T_m have in
 * common. Memory is three N-vectors and T_m per recursion; the cost is m stencil products (m a few
 * N) and Sturm counts on T_m, against the N³ of a dense reduction. It serves level statistics,
 * which need the eigenvalues of a central window only.
 *
 * <p>Without reorthogonalization T_m acquires, besides the eigenvalues of M, repeated copies of
 * converged ones and "spurious" eigenvalues that approximate nothing (Cullum and Willoughby, Lanczos
 * Algorithms for Large Symmetric Eigenvalue Computations, vol. 1, ch. 4). Their test, a simple
 * eigenvalue of T_m that is also one of T_m without its first row and column is spurious, also
 * discards real levels here: a level whose eigenvector barely overlaps the starting vector (at
 * L = 16, w/t = 16.5, one of 820, from m = 2N to 3N), and a converged level while its next copy
 * forms. The eigenvalues of M do not depend on the starting vector and the spurious ones do, so
 * this class keeps the eigenvalues of T_m found by both recursions within twice the tolerance
 * {@link #multiplicityTolerance}, as one level where several lie within {@link #DUPLICATE}·‖T_m‖:
 * a converged level is in both, and a spurious eigenvalue of one
 * recursion falls that close to an eigenvalue of the other with a probability of about 1e-7 (the
 * window of T_m holds one to two eigenvalues per level, spaced by ~10⁸ tolerances at L = 16).
 *
 * <p>The levels of the window appear abruptly near m ≈ 2N (at L = 16, w/t = 16.5: 48 of 820 at
 * m = 1.5N, all 820 to 1e-10 at m = 2N). The recursions stop when the common eigenvalues at two
 * checkpoints {@link #MORE_STEPS_PER_SITE}·N steps apart agree: the same count and every value
 * within {@link #AGREEMENT} tolerances.
 */
public final class LanczosWindow {

    /**
     * Eigenvalues found in the window.
     *
     * @param eigenvalues the eigenvalues in [lower, upper], ascending
     * @param steps       Lanczos steps m of each recursion
     * @param converged   whether the last two checkpoints agreed (false: the step limit was reached)
     * @param change      largest change of an eigenvalue between the last two checkpoints (NaN if
     *                    their counts differ)
     * @param tolerance   the tolerance within which eigenvalues of T_m are one
     */
    public record Result(double[] eigenvalues, int steps, boolean converged, double change, double tolerance) {}

    /** Purpose tag of {@link dnp.kernel.model.RandomStream} for the seed of the starting vectors. */
    public static final long START_VECTOR = 0x5EED_0000_0000_1A2CL;

    /**
     * Purpose tag of {@link dnp.kernel.model.RandomStream} for the signs of a starting vector: recursion
     * r ∈ {0, 1} of seed s draws entry i from the stream (s, r, START_SIGNS), −1/√N where its i-th long
     * is negative and +1/√N otherwise.
     */
    public static final long START_SIGNS = 0x5EED_0000_0000_1A2DL;

    /**
     * Default half-width of the window of level statistics, in units of t: |λ − c| ≤ 1.75 t holds
     * about 20% of the levels at w/t = 16.5 (the dense central 20% spans ±1.77 t at L = 16), and
     * 17–23% over w/t = 14–19.
     */
    public static final double DEFAULT_WINDOW = 1.75;

    /** Steps per site before the first checkpoint. */
    public static final double FIRST_STEPS_PER_SITE = 2.0;
    /** Steps per site between two checkpoints. */
    public static final double MORE_STEPS_PER_SITE = 0.5;
    /** Steps per site beyond which the recursions give up and report {@code converged = false}. */
    public static final double MAX_STEPS_PER_SITE = 12.0;
    /** Two checkpoints agree when every eigenvalue moved by at most this many tolerances. */
    public static final double AGREEMENT = 10;
    /** Eigenvalues of the two recursions are the same level when this many tolerances apart or closer. */
    public static final double MATCH = 2;
    /**
     * Common eigenvalues closer than this fraction of ‖T_m‖ are one level: a copy of a converged level
     * still forming can sit ~1e-8 from it in both recursions alike (seen at L = 16, m = 2.5N), while
     * two levels of M that close (~1e-7 at ‖T_m‖ ≈ 90) are rare even without level repulsion (a
     * fraction ~3e-6 of Poisson gaps at L = 16).
     */
    public static final double DUPLICATE = 1e-9;

    private final ScaledHamiltonian h;
    private final SturmCounter counter;
    private final int sites;
    private final double[] x;
    private final double[] out;
    private final double[] row;
    private double[] alpha = new double[0];
    private double[] beta = new double[0];
    private int steps;

    /**
     * @param h    the matrix; use {@link ScaledHamiltonian#of} with scale 1 and shift 0 for M itself
     *             (Lanczos needs no rescaling)
     * @param seed seed of the random starting vector (±1/√N entries, recursion 0 of {@link #START_SIGNS})
     */
    public LanczosWindow(ScaledHamiltonian h, long seed) {
        this(h, VectorizationProvider.getInstance().sturmCounter(), seed, 0);
    }

    LanczosWindow(ScaledHamiltonian h, SturmCounter counter, long seed, int recursion) {
        this.h = h;
        this.counter = counter;
        this.sites = h.sites();
        int len = BlockStencil.length(h, 1);
        x = new double[len];
        out = new double[len];
        row = new double[h.size()];
        RandomStream random = new RandomStream(seed, recursion, START_SIGNS);
        double entry = 1 / Math.sqrt(sites);
        for (int i = 0; i < sites; i++) {
            x[i] = random.nextLong() < 0 ? -entry : entry;
        }
    }

    /** Lanczos steps taken so far. */
    public int steps() {
        return steps;
    }

    /**
     * The eigenvalues in [lower, upper]: two recursions (starting vectors: recursions 0 and 1 of
     * {@code seed}, see {@link #START_SIGNS}) run {@link #FIRST_STEPS_PER_SITE}·N steps, then
     * {@link #MORE_STEPS_PER_SITE}·N at a time until the common eigenvalues of two successive
     * checkpoints agree or {@link #MAX_STEPS_PER_SITE}·N steps are done.
     */
    public static Result eigenvalues(ScaledHamiltonian h, long seed, double lower, double upper) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("window [" + lower + ", " + upper + "] is empty");
        }
        SturmCounter counter = VectorizationProvider.getInstance().sturmCounter();
        LanczosWindow first = new LanczosWindow(h, counter, seed, 0);
        LanczosWindow second = new LanczosWindow(h, counter, seed, 1);
        int n = h.sites();
        first.extend((int) Math.ceil(FIRST_STEPS_PER_SITE * n));
        second.extend((int) Math.ceil(FIRST_STEPS_PER_SITE * n));
        Result previous = common(first, second, lower, upper);
        while (first.steps() < MAX_STEPS_PER_SITE * n) {
            first.extend((int) Math.ceil(MORE_STEPS_PER_SITE * n));
            second.extend((int) Math.ceil(MORE_STEPS_PER_SITE * n));
            Result current = common(first, second, lower, upper);
            double change = change(previous.eigenvalues(), current.eigenvalues());
            boolean agree = change <= AGREEMENT * current.tolerance();
            current = new Result(current.eigenvalues(), current.steps(), agree, change, current.tolerance());
            if (agree) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    /**
     * The eigenvalues of M = Δ − t·(nearest neighbours) of one realization in |λ − c| ≤ halfWidth
     * around its centre c = tr M / N = (1/N) Σ_i Δ_i (the spectrum's centre of mass: the hopping is
     * traceless). The starting vectors come from (seed, realization, {@link #START_VECTOR}).
     *
     * @throws IllegalStateException when the recursions reach the step limit without agreeing
     */
    public static Result aroundCentre(Lattice lattice, double t, Disorder disorder, double halfWidth, long seed,
                                      long realization) {
        if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
            throw new IllegalArgumentException("half-width must be positive and finite, got " + halfWidth);
        }
        double centre = centre(disorder);
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, t, disorder, 1.0, 0.0);
        long start = new RandomStream(seed, realization, START_VECTOR).nextLong();
        Result r = eigenvalues(h, start, centre - halfWidth, centre + halfWidth);
        if (!r.converged()) {
            throw new IllegalStateException("Lanczos window: L = " + lattice.size() + ", t = " + t + ", realization "
                    + realization + ": no agreement after " + r.steps() + " steps (last change " + r.change() + ")");
        }
        return r;
    }

    /** c = tr M / N = (1/N) Σ_i Δ_i, the centre of mass of the spectrum (the hopping is traceless). */
    public static double centre(Disorder disorder) {
        double sum = 0;
        for (int i = 0; i < disorder.sites(); i++) {
            sum += disorder.at(i);
        }
        return sum / disorder.sites();
    }

    /** The eigenvalues of both T_m in the window (values of the first), matched within {@link #MATCH} tolerances. */
    static Result common(LanczosWindow first, LanczosWindow second, double lower, double upper) {
        List<double[]> a = first.clusters(lower, upper);
        List<double[]> b = second.clusters(lower, upper);
        double tol = Math.max(first.tolerance(), second.tolerance());
        double radius = MATCH * tol;
        double duplicate = DUPLICATE * Math.max(first.norm(), second.norm());
        List<Double> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            double x = a.get(i)[0];
            double y = b.get(j)[0];
            if (Math.abs(x - y) <= radius) {
                if (both.isEmpty() || x - both.get(both.size() - 1) > duplicate) {
                    both.add(x);
                }
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return new Result(both.stream().mapToDouble(Double::doubleValue).toArray(), first.steps(), false, Double.NaN,
                tol);
    }

    /** Largest |a_k − b_k|, or NaN when the lengths differ. */
    static double change(double[] a, double[] b) {
        if (a.length != b.length) {
            return Double.NaN;
        }
        double change = 0;
        for (int k = 0; k < a.length; k++) {
            change = Math.max(change, Math.abs(a[k] - b[k]));
        }
        return change;
    }

    /**
     * Runs {@code more} further steps of the recursion (Paige's form, the stable one without
     * reorthogonalization): w = M v_j − β_{j−1} v_{j−1}, α_j = v_j·w, w ← w − α_j v_j,
     * β_j = ‖w‖, v_{j+1} = w/β_j. {@code out} carries β_{j−1} v_{j−1} into the fused stencil call.
     */
    public void extend(int more) {
        if (more < 0) {
            throw new IllegalArgumentException("steps must be non-negative, got " + more);
        }
        alpha = Arrays.copyOf(alpha, steps + more);
        beta = Arrays.copyOf(beta, steps + more);
        for (int s = 0; s < more; s++) {
            double a = multiplySubtract();
            double norm2 = 0;
            for (int i = 0; i < sites; i++) {
                double w = out[i] - a * x[i];
                out[i] = w;
                norm2 += w * w;
            }
            double b = Math.sqrt(norm2);
            alpha[steps] = a;
            beta[steps] = b;
            steps++;
            if (b == 0) {
                throw new IllegalStateException("Lanczos breakdown at step " + steps
                        + ": the starting vector lies in an invariant subspace");
            }
            double inv = 1 / b;
            for (int i = 0; i < sites; i++) {
                double v = x[i];
                x[i] = out[i] * inv;
                out[i] = b * v;
            }
        }
    }

    /**
     * out ← M x − out, row by row (the M of {@link ScaledHamiltonian}: d_i x_i − τ Σ_neighbours x_j),
     * and returns Σ_i out_i x_i. The neighbour sum of a row is gathered in contiguous passes (x ± 1
     * within the row, then each y/z neighbour row that exists), which the JIT vectorizes; the product
     * with the block stencil differs only by the order of the additions.
     */
    double multiplySubtract() {
        int size = h.size();
        double[] d = h.diagonal();
        double tau = h.hopping();
        boolean periodic = h.periodic();
        double dot = 0;
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                Rows r = Rows.of(h, 1, y, z);
                int c = r.site();
                if (size == 1) {
                    row[0] = periodic ? 2 * x[c] : 0;
                } else {
                    row[0] = x[c + 1] + (periodic ? x[c + size - 1] : 0);
                    for (int xi = 1; xi < size - 1; xi++) {
                        row[xi] = x[c + xi - 1] + x[c + xi + 1];
                    }
                    row[size - 1] = x[c + size - 2] + (periodic ? x[c] : 0);
                }
                addRow(r.yMinus(), r.yMinusStride(), size);
                addRow(r.yPlus(), r.yPlusStride(), size);
                addRow(r.zMinus(), r.zMinusStride(), size);
                addRow(r.zPlus(), r.zPlusStride(), size);
                for (int xi = 0; xi < size; xi++) {
                    int i = c + xi;
                    double v = d[i] * x[i] - tau * row[xi] - out[i];
                    out[i] = v;
                    dot += v * x[i];
                }
            }
        }
        return dot;
    }

    /** row += the neighbour row at {@code offset}, unless an open boundary removed it (stride 0). */
    private void addRow(int offset, int stride, int size) {
        if (stride == 0) {
            return;
        }
        for (int xi = 0; xi < size; xi++) {
            row[xi] += x[offset + xi];
        }
    }

    /** The current Lanczos vector v_{m+1} (a copy, N + 1 entries), for tests. */
    double[] vectorForTest() {
        return x.clone();
    }

    /** β_m v_m, the vector the next product subtracts (a copy, N + 1 entries), for tests. */
    double[] previousForTest() {
        return out.clone();
    }

    /** ‖T_m‖_∞, the largest absolute row sum (a bound on ‖M‖ once the recursion has explored the spectrum). */
    static double norm(double[] alpha, double[] beta, int m) {
        double norm = 0;
        for (int i = 0; i < m; i++) {
            double row = Math.abs(alpha[i]) + (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < m - 1 ? Math.abs(beta[i]) : 0);
            norm = Math.max(norm, row);
        }
        return Math.max(norm, Double.MIN_NORMAL);
    }

    /** The tolerance within which eigenvalues of T_m are one: (1000 + m)·ε·‖T_m‖ (Cullum and Willoughby's scale). */
    static double multiplicityTolerance(double norm, int m) {
        return (1000.0 + m) * Math.ulp(1.0) * norm;
    }

    /** ‖T_m‖_∞ of the current T_m. */
    double norm() {
        return norm(alpha, beta, steps);
    }

    /** The tolerance of the current T_m: {@link #multiplicityTolerance} of its norm and order. */
    public double tolerance() {
        return multiplicityTolerance(norm(), steps);
    }

    /**
     * The eigenvalues of the current T_m in [lower, upper] as {value, multiplicity}, those closer than
     * {@link #tolerance()} merged into one.
     */
    public List<double[]> clusters(double lower, double upper) {
        if (steps == 0) {
            throw new IllegalStateException("no Lanczos steps yet");
        }
        return new Tridiagonal(alpha, beta, 0, steps, counter).eigenvalues(lower, upper, tolerance());
    }

    /** A symmetric tridiagonal matrix (a view of rows from … m−1 of α, β) and its eigenvalues by bisection. */
    static final class Tridiagonal {
        private final double[] a;
        private final double[] b2;
        private final int n;
        private final double pivmin;
        private final SturmCounter counter;

        Tridiagonal(double[] alpha, double[] beta, int from, int m, SturmCounter counter) {
            this.counter = counter;
            n = m - from;
            a = Arrays.copyOfRange(alpha, from, m);
            double[] b = Arrays.copyOfRange(beta, from, m - 1);
            b2 = new double[Math.max(0, n - 1)];
            double maxB2 = 1;
            for (int i = 0; i < n - 1; i++) {
                b2[i] = b[i] * b[i];
                maxB2 = Math.max(maxB2, b2[i]);
            }
            pivmin = Double.MIN_NORMAL * maxB2;
        }

        /** Eigenvalues below each shift (see {@link SturmCounter}). */
        int[] count(double[] shifts) {
            int[] result = new int[shifts.length];
            counter.count(a, b2, n, pivmin, shifts, result);
            return result;
        }

        /**
         * The eigenvalues in [lower, upper] as {value, multiplicity}: bisection on intervals with known
         * counts, all midpoints of one level counted in one batch, until an interval is narrower than
         * {@code tol}; clusters closer than {@code tol} are then merged.
         */
        List<double[]> eigenvalues(double lower, double upper, double tol) {
            int[] edge = count(new double[]{lower, upper});
            List<double[]> open = new ArrayList<>(); // {lo, hi, countLo, countHi}
            if (edge[1] > edge[0]) {
                open.add(new double[]{lower, upper, edge[0], edge[1]});
            }
            List<double[]> found = new ArrayList<>();
            while (!open.isEmpty()) {
                double[] mids = new double[open.size()];
                for (int k = 0; k < mids.length; k++) {
                    mids[k] = 0.5 * (open.get(k)[0] + open.get(k)[1]);
                }
                int[] counts = count(mids);
                List<double[]> next = new ArrayList<>();
                for (int k = 0; k < mids.length; k++) {
                    double[] iv = open.get(k);
                    double mid = mids[k];
                    split(iv[0], mid, iv[2], counts[k], tol, next, found);
                    split(mid, iv[1], counts[k], iv[3], tol, next, found);
                }
                open = next;
            }
            found.sort((p, q) -> Double.compare(p[0], q[0]));
            List<double[]> merged = new ArrayList<>();
            for (double[] f : found) {
                double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && f[0] - last[2] <= tol) {
                    double total = last[1] + f[1];
                    last[0] = (last[0] * last[1] + f[0] * f[1]) / total;
                    last[1] = total;
                    last[2] = f[0];
                } else {
                    merged.add(new double[]{f[0], f[1], f[0]});
                }
            }
            List<double[]> result = new ArrayList<>(merged.size());
            for (double[] g : merged) {
                result.add(new double[]{g[0], g[1]});
            }
            return result;
        }

        private static void split(double lo, double hi, double cLo, double cHi, double tol, List<double[]> next,
                                  List<double[]> found) {
            if (cHi <= cLo) {
                return;
            }
            if (hi - lo <= tol) {
                found.add(new double[]{0.5 * (lo + hi), cHi - cLo});
            } else {
                next.add(new double[]{lo, hi, cLo, cHi});
            }
        }
    }
}
