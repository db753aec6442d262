package dnp.kpm;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.physics.ElectronPolarization;
import dnp.kernel.physics.EnergyGrid;
import dnp.kernel.physics.FrequencyIndex;
import dnp.kernel.physics.ModelUnits;
import dnp.kernel.physics.NuclearPolarization;
import dnp.kernel.physics.NuclearPolarization.OverlapSums;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.nativebindings.Blas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dnp.kpm.ChebyshevGrid.dos;
import static dnp.kpm.ChebyshevGrid.dot;
import static dnp.kpm.ChebyshevGrid.jackknife;
import static dnp.kpm.ChebyshevGrid.parallel;
import static dnp.kpm.ChebyshevGrid.weighted;

/**
 * From the vector estimator's Gram matrices ({@link GramMoments}) to the observables of the KPM route,
 * with their standard errors.
 *
 * <p><b>Evaluation of a Gram matrix.</b> Every overlap sum is a bilinear form in the per-site moments,
 * Σ_j μ(j)ᵀ F̂ μ(j) = Σ_mn Γ_mn F̂_mn with Γ = Σ_j μ(j)μ(j)ᵀ (the identity of {@link KpmEvaluator}). Writing Γ
 * as the sum over its columns, Σ_mn Γ_mn F̂_mn = Σ_i B(Γ e_i, e_i), where B(a, b) is the site route's
 * bilinear form between the smoothed density of the moments a (left) and that of b (right): the M
 * columns of Γ act as M "sites" whose left density is C Γ e_i (C the kernel-weighted Chebyshev basis on
 * the grid, {@link ChebyshevGrid#basisRows}; one dgemm per chunk of columns) and whose right density is
 * the basis function C e_i itself. Each form is a lag sum, evaluated by Parseval as in the site route,
 * but summed over the columns before the weights are applied:
 * <pre>
 *   Z0(κ) = Σ_i Re conj(Â_i) B̂_i,   Z1_v(κ) = Σ_i Im conj(Â^P_i) B̂_i,   Z2_v(κ) = Σ_i Re conj(Â^P_i) B̂^P_i,
 *   S0 = Σ_κ Re Ŵ Z0,   S1 = Σ_κ 2 Im Ŵ Z1_v,   S2 = Σ_κ Re Ŵ Z2_v,   SP = Σ_i (Σ_k A_i P_v)(Σ_k B_i P_v)
 * </pre>
 * with A^P = A·P_v (Eq. 11 on the grid) and Ŵ the band-limited Lorentzian of each ω_n. Because Γ is
 * real and symmetric, Σ_i conj(Â_i)B̂^P_i is the complex conjugate of Σ_i conj(Â^P_i)B̂_i, so both halves of
 * S1 = Σ w [corr(AP, B) − corr(A, BP)] come from one sum, and Z0, Z2 are real. K(ω) integrates the lag
 * correlation IFFT(Z0) over each bin. A matrix costs one dgemm of K × M × M and (1 + V)·M real FFTs of
 * length 2K, whatever L.
 *
 * <p><b>Estimates and errors.</b> The estimate is Γ = Σ_g (Γ_{g,A} + Γ_{g,B})/2. Within each group the two
 * pairs are independent estimates of the same site sums, so Δ_g = (Γ_{g,A} − Γ_{g,B})/2 has mean zero and
 * E Φ(Δ_g)² is the variance that group adds to Φ(Γ) for every linear functional Φ: Var Φ(Γ) is estimated
 * without bias by Σ_g Φ(Δ_g)², with J degrees of freedom. P_n, a ratio of sums S, takes the linearized
 * form Σ_g [(f(S + δS_g) − f(S − δS_g))/2]². These errors contain no spread between the groups' site
 * sums, only the noise of the vectors.
 *
 * <p><b>GOE (Eq. 23) and R(ω).</b> N ∫∫ ρ̄ ρ̄ F with ρ̄ estimated four times, from the sums of each of the four
 * vectors of every part: the estimates are independent, so the mean of the six symmetrized cross forms
 * N·B(ρ̄_v, ρ̄_w), v &lt; w, has no noise bias (a density multiplied by itself would add its variance). Their
 * errors are the delete-one-group jackknife, which also counts the spread of the groups' true site
 * sums and is conservative.
 */
public final class VectorEvaluator {
    /** Bytes of right-hand spectra kept per chunk of Γ's columns. */
    private static final long CHUNK_BYTES = 128L << 20;
    /** Columns per unit of the parallel loop, a fixed size so that sums do not depend on the thread count. */
    private static final int SUB_BLOCK = 8;
    private static final int PER_PART = GramMoments.VECTORS_PER_PART;

    /** How the error functionals are evaluated: the cheaper of the two ways, or one forced (tests). */
    enum ErrorPath { CHEAPER, GROUPS, COEFFICIENTS }

    private final ChebyshevGrid grid;
    private final ErrorPath path;
    private final int coefficientBlock;

    private VectorEvaluator(int moments, ErrorPath path, int coefficientBlock) {
        grid = new ChebyshevGrid(moments);
        this.path = path;
        this.coefficientBlock = coefficientBlock;
    }

    /** Evaluates with the kernel recorded in the moments. */
    public static KpmObservables evaluate(GramMoments moments, RealizationInput input) {
        return evaluate(moments, input, moments.kernel());
    }

    public static KpmObservables evaluate(GramMoments moments, RealizationInput input, DampingKernel kernel) {
        return evaluate(moments, input, kernel, ErrorPath.CHEAPER, COEFFICIENT_BLOCK);
    }

    /** With the error functionals evaluated by {@code path}, the coefficient matrices in blocks of {@code block}. */
    static KpmObservables evaluate(GramMoments moments, RealizationInput input, DampingKernel kernel, ErrorPath path,
                                   int block) {
        if (moments.sites() != input.sites()) {
            throw new IllegalArgumentException("moments of " + moments.sites() + " sites for a lattice of "
                    + input.sites());
        }
        if (moments.heldGroups().length < 2) {
            throw new IllegalArgumentException("the error bars need at least two groups, got "
                    + moments.heldGroups().length);
        }
        return new VectorEvaluator(moments.moments(), path, block).run(moments, input, kernel);
    }

    /** Linear functionals of one Gram matrix: S0 per ω_n, S1 and S2 per pair, SP per ω_MW, the ω bins. */
    private record Functionals(double[] s0, double[] s1, double[] s2, double[] sp, double[] bins) {
        static Functionals zero(int omegas, int pairs, int biases, int bins) {
            return new Functionals(new double[omegas], new double[pairs], new double[pairs], new double[biases],
                    new double[bins]);
        }

        /** a·this + b·other (other may be null for b = 0). */
        Functionals combine(double a, Functionals other, double b) {
            return new Functionals(lin(a, s0, b, other == null ? null : other.s0),
                    lin(a, s1, b, other == null ? null : other.s1), lin(a, s2, b, other == null ? null : other.s2),
                    lin(a, sp, b, other == null ? null : other.sp), lin(a, bins, b, other == null ? null : other.bins));
        }

        OverlapSums sums(int u, int pk, int v) {
            return new OverlapSums(s0[u], s1[pk], s2[pk], sp[v]);
        }

        private static double[] lin(double a, double[] x, double b, double[] y) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = a * x[i] + (y == null ? 0 : b * y[i]);
            }
            return out;
        }
    }

    /** What every evaluation of a realization shares: weights, biases, bins. */
    private record Setup(double a, double[] g, FrequencyIndex freq, double[][][] weights, double[][] biases, double[] lo,
                         double delta) {
        Functionals zero() {
            return Functionals.zero(weights.length, freq.pairBias().length, biases.length, lo.length);
        }
    }

    /** Columns i0 … i0 + count − 1 of a symmetric M×M matrix, row-major count × M. */
    private interface ColumnSource {
        double[] columns(int i0, int count);
    }

    private KpmObservables run(GramMoments mom, RealizationInput input, DampingKernel kernel) {
        int m = mom.moments();
        int n = mom.sites();
        int held = mom.heldGroups().length;
        double a = mom.scale();
        double b = mom.shift();
        ModelUnits units = ModelUnits.of(input.physics(), input.convention());
        FrequencyIndex freq = FrequencyIndex.of(input.pairs());
        int omegas = freq.omegaN().length;
        double[][][] weights = new double[omegas][][];
        for (int u = 0; u < omegas; u++) {
            weights[u] = grid.lorentzianSpectrum(1 / (units.t2n() * a), -freq.omegaN()[u] / a);
        }
        double[] lambda = grid.energies(a, b);
        double[][] biases = new double[freq.omegaMW().length][];
        for (int v = 0; v < biases.length; v++) {
            biases[v] = ElectronPolarization.biases(lambda, input.physics(), units, freq.omegaMW()[v]);
        }
        AnalysisOptions analysis = input.analysis();
        double delta = analysis.correlatorBinWidth();
        int omegaBins = EnergyGrid.spectrumBins(analysis);
        double[] lo = new double[omegaBins + omegas];
        for (int q = 0; q < omegaBins; q++) {
            lo[q] = q * delta - delta / 2;
        }
        for (int u = 0; u < omegas; u++) {
            lo[omegaBins + u] = freq.omegaN()[u] - delta / 2;
        }
        Setup setup = new Setup(a, kernel.factors(m), freq, weights, biases, lo, delta);

        // The estimate Σ_g (Γ_A + Γ_B)/2 and the half-differences of each group.
        double[] total = new double[(int) GramMoments.packedLength(m)];
        for (float[][] pair : mom.gram()) {
            for (int i = 0; i < total.length; i++) {
                total[i] += 0.5 * ((double) pair[0][i] + (double) pair[1][i]);
            }
        }
        long covered = mom.coveredSites();
        double scale = (double) n / covered;          // the site sums cover `covered` of the N sites
        Functionals anderson;
        Functionals[] noise = new Functionals[held];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment basis = basis(arena, m, setup.g());
            anderson = gramFunctionals(List.of((i0, count) -> columns(i -> total[i], m, i0, count)), basis, m,
                    setup)[0].combine(scale, null, 0);
            Functionals[] perGroup;
            boolean coefficients = path == ErrorPath.CHEAPER ? coefficientUnits(setup) < held
                    : path == ErrorPath.COEFFICIENTS;
            if (coefficients) {
                perGroup = noiseByCoefficients(mom, basis, m, setup, omegaBins);
            } else {
                List<ColumnSource> differences = new ArrayList<>();
                for (float[][] pair : mom.gram()) {
                    differences.add((i0, count) -> columns(i -> 0.5 * ((double) pair[0][i] - (double) pair[1][i]), m,
                            i0, count));
                }
                perGroup = gramFunctionals(differences, basis, m, setup);
            }
            for (int k = 0; k < held; k++) {
                noise[k] = perGroup[k].combine(scale, null, 0);
            }
        }

        // GOE: ρ̄ from each vector's sums, then the delete-one-group replicates.
        List<double[][]> means = new ArrayList<>();
        means.add(meanMoments(mom, -1));
        for (int k = 0; k < held; k++) {
            means.add(meanMoments(mom, k));
        }
        Functionals[] goe = goeFunctionals(means, n, m, setup);

        int pairs = input.pairs().size();
        double[] kw = new double[lo.length];
        double[] kwErr = new double[lo.length];
        double[] rw = new double[lo.length];
        double[] rwErr = new double[lo.length];
        for (int q = 0; q < lo.length; q++) {
            // K = (1/(Nδ)) Σ_j ∫ G_j over the bin; R = (1/δ) ∫∫ ρ̄ρ̄ over the bin (the GOE functional holds N ∫∫ρ̄ρ̄).
            kw[q] = anderson.bins[q] / (n * delta);
            double var = 0;
            for (Functionals f : noise) {
                var += Math.pow(f.bins[q] / (n * delta), 2);
            }
            // Errors are evaluated at the ω_n bins only (the bins of the spectrum K(ω) carry none).
            kwErr[q] = q < omegaBins ? Double.NaN : Math.sqrt(var);
            rw[q] = goe[0].bins[q] / (n * delta);
            double[] rRep = new double[held];
            for (int k = 0; k < held; k++) {
                rRep[k] = goe[k + 1].bins[q] / (n * delta);
            }
            rwErr[q] = jackknife(rRep);
        }
        double[] omega = new double[omegaBins];
        for (int q = 0; q < omegaBins; q++) {
            omega[q] = q * delta;
        }
        CorrelatorSpectrum spectrum = new CorrelatorSpectrum(delta, omega, Arrays.copyOf(kw, omegaBins),
                Arrays.copyOf(rw, omegaBins));

        List<KpmPairResult> results = new ArrayList<>();
        for (int pk = 0; pk < pairs; pk++) {
            int u = freq.pairOmega()[pk];
            int v = freq.pairBias()[pk];
            double omegaN = freq.omegaN()[u];
            OverlapSums sums = anderson.sums(u, pk, v);
            var andersonEval = NuclearPolarization.evaluate(sums, omegaN, n, input.physics(), units);
            double pnVar = 0;
            for (Functionals f : noise) {
                double plus = NuclearPolarization.evaluate(anderson.combine(1, f, 1).sums(u, pk, v), omegaN, n,
                        input.physics(), units).pn();
                double minus = NuclearPolarization.evaluate(anderson.combine(1, f, -1).sums(u, pk, v), omegaN, n,
                        input.physics(), units).pn();
                pnVar += Math.pow((plus - minus) / 2, 2);
            }
            OverlapSums goeSums = goe[0].sums(u, pk, v);
            var goeEval = NuclearPolarization.evaluate(goeSums, omegaN, n, input.physics(), units);
            double[] goeRep = new double[held];
            for (int k = 0; k < held; k++) {
                goeRep[k] = NuclearPolarization.evaluate(goe[k + 1].sums(u, pk, v), omegaN, n, input.physics(),
                        units).pn();
            }
            int bin = omegaBins + u;
            double[] terms = new double[held];
            for (int k = 0; k < held; k++) {
                terms[k] = noise[k].bins[bin] / (n * delta);
            }
            double c = rw[bin] > 0 ? kw[bin] / rw[bin] : Double.NaN;
            // C = K/R with independent errors: (δC/C)² = (δK/K)² + (δR/R)².
            double cErr = rw[bin] > 0 ? Math.abs(c) * Math.hypot(kwErr[bin] / kw[bin], rwErr[bin] / rw[bin])
                    : Double.NaN;
            results.add(new KpmPairResult(input.pairs().get(pk), andersonEval.pn(), Math.sqrt(pnVar), goeEval.pn(),
                    jackknife(goeRep), andersonEval.rates(), goeEval.rates(), andersonEval.numerator(),
                    andersonEval.denominator(), sums, goeSums, kw[bin], kwErr[bin], rw[bin], c, cErr, terms));
        }
        double[][] mean = means.getFirst();
        double[] dosMoments = new double[m];
        for (double[] vector : mean) {
            for (int i = 0; i < m; i++) {
                dosMoments[i] += vector[i] / PER_PART;
            }
        }
        double halfWidth = input.energyGridHalfWidth();
        double[] dos = dos(dosMoments, setup.g(), a, b, halfWidth, analysis.energyBins());
        return new KpmObservables(n, (int) covered, m, kernel, grid.k, halfWidth, dos, spectrum,
                Arrays.copyOf(kwErr, omegaBins), List.copyOf(results), mom.vectors(), mom.groups());
    }

    /** μ̄_v = Σ_groups t_{g,v} / sites for the four vectors, without held group {@code skip} (−1: all). */
    private static double[][] meanMoments(GramMoments mom, int skip) {
        int m = mom.moments();
        double[][] out = new double[PER_PART][m];
        long sites = 0;
        for (int k = 0; k < mom.heldGroups().length; k++) {
            if (k == skip) {
                continue;
            }
            sites += mom.groupSites()[k];
            for (int v = 0; v < PER_PART; v++) {
                for (int i = 0; i < m; i++) {
                    out[v][i] += mom.traces()[k][v * m + i];
                }
            }
        }
        for (double[] vector : out) {
            for (int i = 0; i < m; i++) {
                vector[i] /= sites;
            }
        }
        return out;
    }

    /** Columns i0 … i0 + count − 1 of the symmetric matrix whose lower triangle entry p is packed(p). */
    static double[] columns(java.util.function.IntToDoubleFunction packed, int m, int i0, int count) {
        double[] out = new double[count * m];
        for (int c = 0; c < count; c++) {
            int i = i0 + c;
            int row = c * m;
            int base = i * (i + 1) / 2;
            for (int r = 0; r <= i; r++) {
                out[row + r] = packed.applyAsDouble(base + r);                 // Γ[i][r], r ≤ i
            }
            for (int r = i + 1; r < m; r++) {
                out[row + r] = packed.applyAsDouble(r * (r + 1) / 2 + i);      // Γ[r][i] = Γ[i][r]
            }
        }
        return out;
    }

    /** Unit cost (one dgemm of K × M × M) of the error functionals by {@link #noiseByCoefficients}. */
    private static double coefficientUnits(Setup setup) {
        // S0 and the K bin per ω_n and S2 per pair: symmetric, half a unit each; S1 per pair: one unit.
        return 0.5 * 2 * setup.weights().length + 1.5 * setup.freq().pairBias().length;
    }

    /** The kernel-weighted Chebyshev basis on the grid, K × M column-major: C e_i is column i. */
    private MemorySegment basis(Arena arena, int m, double[] g) {
        int k = grid.k;
        MemorySegment basis = arena.allocate(8L * k * m, 64);
        int rows = Math.min(k, Math.max(64, (int) ((4L << 20) / m)));
        double[] block = new double[rows * m];
        for (int k0 = 0; k0 < k; k0 += rows) {
            int r = Math.min(rows, k - k0);
            grid.basisRows(k0, r, m, g, block);
            for (int col = 0; col < m; col++) {
                MemorySegment.copy(block, col * r, basis, ValueLayout.JAVA_DOUBLE, 8L * ((long) col * k + k0), r);
            }
        }
        return basis;
    }

    /** The functionals of each matrix, chunk by chunk of columns, the right-hand spectra shared. */
    private Functionals[] gramFunctionals(List<ColumnSource> sources, MemorySegment basis, int m, Setup setup) {
        int k = grid.k;
        int half = grid.half;
        int nb = setup.biases().length;
        int chunk = (int) Math.max(SUB_BLOCK, Math.min(m, CHUNK_BYTES / (16L * half * (1 + nb))));
        chunk -= chunk % SUB_BLOCK;
        int count = sources.size();
        double[][] z0 = new double[count][half];
        double[][][] z1 = new double[count][nb][half];
        double[][][] z2 = new double[count][nb][half];
        double[][] sp = new double[count][nb];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment gamma = arena.allocate(8L * m * chunk, 64);
            MemorySegment left = arena.allocate(8L * k * chunk, 64);
            double[][] densities = new double[chunk][k];
            Spectra right = newSpectra(chunk, nb);
            Spectra leftSpectra = newSpectra(chunk, nb);
            for (int i0 = 0; i0 < m; i0 += chunk) {
                int width = Math.min(chunk, m - i0);
                spectra(columnsOf(basis.asSlice(8L * k * i0), width, densities), width, setup.biases(), right);
                for (int s = 0; s < count; s++) {
                    MemorySegment.copy(sources.get(s).columns(i0, width), 0, gamma, ValueLayout.JAVA_DOUBLE, 0,
                            width * m);
                    // A = C Γ[:, chunk]: K × width.
                    Blas.dgemm(false, false, k, width, m, 1.0, basis, k, gamma, m, 0.0, left, k);
                    spectra(columnsOf(left, width, densities), width, setup.biases(), leftSpectra);
                    accumulate(leftSpectra, right, width, z0[s], z1[s], z2[s], sp[s]);
                }
            }
        }
        Functionals[] out = new Functionals[count];
        for (int s = 0; s < count; s++) {
            out[s] = functionals(z0[s], z1[s], z2[s], sp[s], setup, 1.0);
        }
        return out;
    }

    /** Columns of Γ per block of the coefficient matrices F̂ (two blocks of spectra are held at a time). */
    private static final int COEFFICIENT_BLOCK = 512;

    /** What a functional's coefficient matrix is built from (class comment of {@link #noiseByCoefficients}). */
    private enum Form { BASIS, BIASED, CROSS }

    /** One error functional: its form, its weights on κ = 0 … K, its bias index and where its value goes. */
    private record Coefficients(Form form, double[] weights, int bias, java.util.function.BiConsumer<Functionals, Double> into) {}

    /**
     * Φ(Δ_g) for the functionals the error bars need — S0 and the K bin at each ω_n, S1 and S2 of each
     * pair, SP of each ω_MW — through their coefficient matrices F̂ with Φ(Γ) = Σ_mn F̂_mn Γ_mn, so that each
     * further group costs M² operations instead of a whole evaluation. With Ĉ_κm the spectrum of basis
     * function C e_m and Ĉ^P_κm that of C e_m · P_v:
     * <pre>
     *   S0, K bin:  F̂_mn = Σ_κ w_κ Re conj(Ĉ_κm) Ĉ_κn            (w = Re Ŵ, or the bin's β of ChebyshevGrid#binSpectrum)
     *   S2:         F̂_mn = Σ_κ Re Ŵ_κ Re conj(Ĉ^P_κm) Ĉ^P_κn
     *   S1:         F̂_mn = ½ Σ_κ 2Im Ŵ_κ [Im conj(Ĉ^P_κm) Ĉ_κn + Im conj(Ĉ^P_κn) Ĉ_κm]   (symmetrized: Γ is symmetric)
     *   SP:         F̂ = p pᵀ,  p_m = Σ_k (C e_m)_k P_v(k)
     * </pre>
     * the same sums as {@link #gramFunctionals} in another order. F̂ is built block by block of columns, two
     * real dgemms of B × (K + 1) × B per block and form (four for S1), and never stored whole.
     */
    private Functionals[] noiseByCoefficients(GramMoments mom, MemorySegment basis, int m, Setup setup, int omegaBins) {
        int half = grid.half;
        int held = mom.heldGroups().length;
        int nb = setup.biases().length;
        List<Coefficients> list = new ArrayList<>();
        for (int u = 0; u < setup.weights().length; u++) {
            int omega = u;
            list.add(new Coefficients(Form.BASIS, setup.weights()[u][0], 0, (f, x) -> f.s0[omega] += x));
            double[] beta = grid.binSpectrum(setup.lo()[omegaBins + u], setup.delta(), setup.a());
            list.add(new Coefficients(Form.BASIS, beta, 0, (f, x) -> f.bins[omegaBins + omega] += x));
        }
        for (int pk = 0; pk < setup.freq().pairBias().length; pk++) {
            int pair = pk;
            int u = setup.freq().pairOmega()[pk];
            int v = setup.freq().pairBias()[pk];
            list.add(new Coefficients(Form.BIASED, setup.weights()[u][0], v, (f, x) -> f.s2[pair] += x));
            list.add(new Coefficients(Form.CROSS, setup.weights()[u][1], v, (f, x) -> f.s1[pair] += x));
        }
        Functionals[] out = new Functionals[held];
        for (int k = 0; k < held; k++) {
            out[k] = setup.zero();
        }
        int b = Math.min(m, coefficientBlock);
        try (Arena arena = Arena.ofConfined()) {
            SpectraBlock first = new SpectraBlock(arena, b, nb);
            SpectraBlock second = new SpectraBlock(arena, b, nb);
            MemorySegment scaled = arena.allocate(8L * half * b, 64);
            MemorySegment coefficients = arena.allocate(8L * b * b, 64);
            double[][] densities = new double[b][grid.k];
            Spectra work = newSpectra(b, nb);
            double[] f = new double[b * b];
            double[][] delta = new double[held][b * b];
            for (int i0 = 0; i0 < m; i0 += b) {
                int bi = Math.min(b, m - i0);
                first.fill(spectra(columnsOf(basis.asSlice(8L * grid.k * i0), bi, densities), bi, setup.biases(), work),
                        bi);
                for (int j0 = i0; j0 < m; j0 += b) {
                    int bj = Math.min(b, m - j0);
                    SpectraBlock right = first;
                    if (j0 != i0) {
                        second.fill(spectra(columnsOf(basis.asSlice(8L * grid.k * j0), bj, densities), bj,
                                setup.biases(), work), bj);
                        right = second;
                    }
                    // Off-diagonal blocks stand for both (I, J) and (J, I): F̂ and Δ are symmetric there.
                    double multiplicity = j0 == i0 ? 1 : 2;
                    for (int k = 0; k < held; k++) {
                        float[] a = mom.gram()[k][0];
                        float[] bb = mom.gram()[k][1];
                        for (int c = 0; c < bj; c++) {
                            for (int r = 0; r < bi; r++) {
                                int mi = i0 + r;
                                int nj = j0 + c;
                                int p = mi >= nj ? mi * (mi + 1) / 2 + nj : nj * (nj + 1) / 2 + mi;
                                delta[k][r + bi * c] = 0.5 * ((double) a[p] - (double) bb[p]);
                            }
                        }
                    }
                    for (Coefficients co : list) {
                        block(co, first, right, bi, bj, scaled, coefficients);
                        MemorySegment.copy(coefficients, ValueLayout.JAVA_DOUBLE, 0, f, 0, bi * bj);
                        for (int k = 0; k < held; k++) {
                            double acc = 0;
                            double[] d = delta[k];
                            for (int q = 0; q < bi * bj; q++) {
                                acc += f[q] * d[q];
                            }
                            co.into().accept(out[k], multiplicity * acc);
                        }
                    }
                    for (int v = 0; v < nb; v++) {
                        for (int k = 0; k < held; k++) {
                            double acc = 0;
                            for (int c = 0; c < bj; c++) {
                                double row = 0;
                                for (int r = 0; r < bi; r++) {
                                    row += first.projection[v][r] * delta[k][r + bi * c];
                                }
                                acc += row * right.projection[v][c];
                            }
                            out[k].sp[v] += multiplicity * acc;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** F̂ on the block (I, J), column-major bi × bj, into {@code out}. */
    private void block(Coefficients co, SpectraBlock i, SpectraBlock j, int bi, int bj, MemorySegment scaled,
                       MemorySegment out) {
        int v = co.bias();
        switch (co.form()) {
            case BASIS -> {
                product(i.re, j.re, co.weights(), bi, bj, 1.0, 0.0, scaled, out);
                product(i.im, j.im, co.weights(), bi, bj, 1.0, 1.0, scaled, out);
            }
            case BIASED -> {
                product(i.pre[v], j.pre[v], co.weights(), bi, bj, 1.0, 0.0, scaled, out);
                product(i.pim[v], j.pim[v], co.weights(), bi, bj, 1.0, 1.0, scaled, out);
            }
            case CROSS -> {
                // Im conj(P_m) C_n = Pr_m Ci_n − Pi_m Cr_n, and the same with m ↔ n; ½ of their sum.
                product(i.pre[v], j.im, co.weights(), bi, bj, 0.5, 0.0, scaled, out);
                product(i.pim[v], j.re, co.weights(), bi, bj, -0.5, 1.0, scaled, out);
                product(i.im, j.pre[v], co.weights(), bi, bj, 0.5, 1.0, scaled, out);
                product(i.re, j.pim[v], co.weights(), bi, bj, -0.5, 1.0, scaled, out);
            }
        }
    }

    /** out = alpha·Xᵀ diag(w) Y + beta·out for X: (K+1) × bi and Y: (K+1) × bj, column-major. */
    private void product(MemorySegment x, MemorySegment y, double[] w, int bi, int bj, double alpha, double beta,
                         MemorySegment scaled, MemorySegment out) {
        int half = grid.half;
        for (int c = 0; c < bj; c++) {
            long base = (long) half * c;
            for (int q = 0; q < half; q++) {
                scaled.setAtIndex(ValueLayout.JAVA_DOUBLE, base + q, w[q] * y.getAtIndex(ValueLayout.JAVA_DOUBLE, base + q));
            }
        }
        Blas.dgemm(true, false, bi, bj, half, alpha, x, half, scaled, half, beta, out, bi);
    }

    /** The spectra of a block of basis columns, column-major (K+1) × B off the heap, and their projections on P_v. */
    private final class SpectraBlock {
        final MemorySegment re;
        final MemorySegment im;
        final MemorySegment[] pre;
        final MemorySegment[] pim;
        final double[][] projection;

        SpectraBlock(Arena arena, int b, int nb) {
            long bytes = 8L * grid.half * b;
            re = arena.allocate(bytes, 64);
            im = arena.allocate(bytes, 64);
            pre = new MemorySegment[nb];
            pim = new MemorySegment[nb];
            for (int v = 0; v < nb; v++) {
                pre[v] = arena.allocate(bytes, 64);
                pim[v] = arena.allocate(bytes, 64);
            }
            projection = new double[nb][b];
        }

        void fill(Spectra s, int width) {
            int half = grid.half;
            for (int c = 0; c < width; c++) {
                MemorySegment.copy(s.re()[c], 0, re, ValueLayout.JAVA_DOUBLE, 8L * half * c, half);
                MemorySegment.copy(s.im()[c], 0, im, ValueLayout.JAVA_DOUBLE, 8L * half * c, half);
                for (int v = 0; v < pre.length; v++) {
                    MemorySegment.copy(s.pre()[v][c], 0, pre[v], ValueLayout.JAVA_DOUBLE, 8L * half * c, half);
                    MemorySegment.copy(s.pim()[v][c], 0, pim[v], ValueLayout.JAVA_DOUBLE, 8L * half * c, half);
                    projection[v][c] = s.projection()[v][c];
                }
            }
        }
    }

    /** The first {@code width} columns of a K-row column-major segment, into {@code out}. */
    private double[][] columnsOf(MemorySegment segment, int width, double[][] out) {
        for (int c = 0; c < width; c++) {
            MemorySegment.copy(segment, ValueLayout.JAVA_DOUBLE, 8L * grid.k * c, out[c], 0, grid.k);
        }
        return out;
    }

    /** The functionals from the column sums Z0, Z1_v, Z2_v and SP_v (class comment), times {@code factor}. */
    private Functionals functionals(double[] z0, double[][] z1, double[][] z2, double[] sp, Setup setup, double factor) {
        int half = grid.half;
        Functionals f = setup.zero();
        for (int u = 0; u < setup.weights().length; u++) {
            f.s0[u] = factor * dot(z0, setup.weights()[u][0], half);
        }
        for (int pk = 0; pk < f.s1.length; pk++) {
            int u = setup.freq().pairOmega()[pk];
            int v = setup.freq().pairBias()[pk];
            f.s1[pk] = factor * dot(z1[v], setup.weights()[u][1], half);
            f.s2[pk] = factor * dot(z2[v], setup.weights()[u][0], half);
        }
        for (int v = 0; v < sp.length; v++) {
            f.sp[v] = factor * sp[v];
        }
        double[] c = new double[grid.nf];
        grid.lagCorrelations(z0, new double[half], c, new double[grid.nf]);
        for (int bin = 0; bin < setup.lo().length; bin++) {
            f.bins[bin] = factor * grid.binIntegral(c, setup.lo()[bin], setup.delta(), setup.a());
        }
        return f;
    }

    /** Half spectra of densities, of the densities times each P_v, and Σ_k density·P_v. */
    private record Spectra(double[][] re, double[][] im, double[][][] pre, double[][][] pim, double[][] projection) {}

    private Spectra spectra(double[][] densities, double[][] biases) {
        return spectra(densities, densities.length, biases, newSpectra(densities.length, biases.length));
    }

    private Spectra newSpectra(int count, int nb) {
        int half = grid.half;
        return new Spectra(new double[count][half], new double[count][half], new double[nb][count][half],
                new double[nb][count][half], new double[nb][count]);
    }

    /** The spectra of the first {@code count} densities, into {@code into} (whose arrays are overwritten). */
    private Spectra spectra(double[][] densities, int count, double[][] biases, Spectra into) {
        int half = grid.half;
        int nb = biases.length;
        double[][] re = into.re();
        double[][] im = into.im();
        double[][][] pre = into.pre();
        double[][][] pim = into.pim();
        double[][] projection = into.projection();
        parallel((count + 1) / 2, (from, to) -> {
            double[] w1 = new double[grid.k];
            double[] w2 = new double[grid.k];
            double[] spare = new double[half];
            for (int j = 2 * from; j < Math.min(count, 2 * to); j += 2) {
                boolean two = j + 1 < count;
                grid.pairSpectrum(densities[j], two ? densities[j + 1] : null, re[j], im[j],
                        two ? re[j + 1] : spare, two ? im[j + 1] : spare);
                for (int v = 0; v < nb; v++) {
                    projection[v][j] = weighted(densities[j], biases[v], w1);
                    if (two) {
                        projection[v][j + 1] = weighted(densities[j + 1], biases[v], w2);
                    }
                    grid.pairSpectrum(w1, two ? w2 : null, pre[v][j], pim[v][j],
                            two ? pre[v][j + 1] : spare, two ? pim[v][j + 1] : spare);
                }
            }
        });
        return into;
    }

    /**
     * Adds the column sums of the class comment over one chunk: in fixed sub-blocks of columns, each
     * summed on its own and the sub-blocks added in order, so the result does not depend on the threads.
     */
    private void accumulate(Spectra left, Spectra right, int count, double[] z0, double[][] z1, double[][] z2,
                            double[] sp) {
        int half = grid.half;
        int nb = z1.length;
        int subBlocks = (count + SUB_BLOCK - 1) / SUB_BLOCK;
        double[][] p0 = new double[subBlocks][half];
        double[][][] p1 = new double[subBlocks][nb][half];
        double[][][] p2 = new double[subBlocks][nb][half];
        double[][] pp = new double[subBlocks][nb];
        parallel(subBlocks, (from, to) -> {
            for (int sb = from; sb < to; sb++) {
                for (int c = sb * SUB_BLOCK; c < Math.min(count, (sb + 1) * SUB_BLOCK); c++) {
                    double[] ar = left.re[c], ai = left.im[c], br = right.re[c], bi = right.im[c];
                    double[] o0 = p0[sb];
                    for (int q = 0; q < half; q++) {
                        o0[q] += ar[q] * br[q] + ai[q] * bi[q];
                    }
                    for (int v = 0; v < nb; v++) {
                        double[] apr = left.pre[v][c], api = left.pim[v][c];
                        double[] bpr = right.pre[v][c], bpi = right.pim[v][c];
                        double[] o1 = p1[sb][v], o2 = p2[sb][v];
                        for (int q = 0; q < half; q++) {
                            o1[q] += apr[q] * bi[q] - api[q] * br[q];
                            o2[q] += apr[q] * bpr[q] + api[q] * bpi[q];
                        }
                        pp[sb][v] += left.projection[v][c] * right.projection[v][c];
                    }
                }
            }
        });
        for (int sb = 0; sb < subBlocks; sb++) {
            for (int q = 0; q < half; q++) {
                z0[q] += p0[sb][q];
            }
            for (int v = 0; v < nb; v++) {
                for (int q = 0; q < half; q++) {
                    z1[v][q] += p1[sb][v][q];
                    z2[v][q] += p2[sb][v][q];
                }
                sp[v] += pp[sb][v];
            }
        }
    }

    /**
     * N times the mean of the six symmetrized cross forms B(ρ̄_v, ρ̄_w), v &lt; w, for the estimate and each
     * replicate: the GOE sums of Eq. 23 and, in the bins, N ∫∫ρ̄ρ̄ (R of Eq. 30 times N).
     */
    private Functionals[] goeFunctionals(List<double[][]> means, int n, int m, Setup setup) {
        int half = grid.half;
        int nb = setup.biases().length;
        Functionals[] out = new Functionals[means.size()];
        for (int r = 0; r < means.size(); r++) {
            double[] all = new double[PER_PART * m];
            for (int v = 0; v < PER_PART; v++) {
                System.arraycopy(means.get(r)[v], 0, all, v * m, m);
            }
            Spectra s = spectra(grid.densities(all, PER_PART, m, setup.g()), setup.biases());
            double[] z0 = new double[half];
            double[][] z1 = new double[nb][half];
            double[][] z2 = new double[nb][half];
            double[] sp = new double[nb];
            int crosses = 0;
            for (int x = 0; x < PER_PART; x++) {
                for (int y = x + 1; y < PER_PART; y++) {
                    crosses++;
                    for (int q = 0; q < half; q++) {
                        z0[q] += s.re[x][q] * s.re[y][q] + s.im[x][q] * s.im[y][q];
                    }
                    for (int v = 0; v < nb; v++) {
                        double[] gxr = s.pre[v][x], gxi = s.pim[v][x], gyr = s.pre[v][y], gyi = s.pim[v][y];
                        for (int q = 0; q < half; q++) {
                            // ½[Im conj(G_x)F_y + Im conj(G_y)F_x] and Re conj(G_x)G_y: the symmetrized cross forms.
                            z1[v][q] += 0.5 * ((gxr[q] * s.im[y][q] - gxi[q] * s.re[y][q])
                                    + (gyr[q] * s.im[x][q] - gyi[q] * s.re[x][q]));
                            z2[v][q] += gxr[q] * gyr[q] + gxi[q] * gyi[q];
                        }
                        sp[v] += s.projection[v][x] * s.projection[v][y];
                    }
                }
            }
            out[r] = functionals(z0, z1, z2, sp, setup, (double) n / crosses);
        }
        return out;
    }
}
