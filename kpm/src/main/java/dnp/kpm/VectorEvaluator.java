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
 * with errors from the jackknife over the groups.
 *
 * <p><b>Evaluation of a Gram matrix.</b> Every overlap sum is a bilinear form in the per-site moments,
 * Σ_j μ(j)ᵀ F̂ μ(j) = Σ_mn Γ_mn F̂_mn with Γ = Σ_j μ(j)μ(j)ᵀ (the identity of {@link KpmEvaluator}). Writing Γ
 * as the sum over its columns, Σ_mn Γ_mn F̂_mn = Σ_i B(Γ e_i, e_i), where B(a, b) is the site route's
 * bilinear form between the smoothed density of the moments a (left) and of b (right): the M columns
 * of Γ act as M "sites" whose left density is C Γ e_i (C the kernel-weighted Chebyshev basis on the
 * grid, one dgemm per chunk of columns) and whose right density is the basis function C e_i. Each
 * form is a lag sum, evaluated by Parseval as in the site route, but summed over columns before the
 * weights are applied:
 * <pre>
 *   Z0(κ) = Σ_i Re conj(Â_i) B̂_i,   Z1_v(κ) = Σ_i Im conj(Â^P_i) B̂_i,   Z2_v(κ) = Σ_i Re conj(Â^P_i) B̂^P_i,
 *   S0 = Σ_κ Re Ŵ Z0,   S1 = Σ_κ 2 Im Ŵ Z1_v,   S2 = Σ_κ Re Ŵ Z2_v,   SP = Σ_i (Σ_k A_i P_v)(Σ_k B_i P_v)
 * </pre>
 * with A^P = A·P_v (Eq. 11 on the grid) and Ŵ the band-limited Lorentzian of each ω_n. Because Γ is
 * real and symmetric, Σ_i conj(Â_i)B̂^P_i is the complex conjugate of Σ_i conj(Â^P_i)B̂_i, so the two halves of
 * S1 = Σ w [corr(AP, B) − corr(A, BP)] come from one sum; Z0 and Z2 are real. K(ω) integrates the lag
 * correlation IFFT(Z0) over each bin. The cost per group is one dgemm of K × M × M and (1 + V)·M real
 * FFTs of length 2K, whatever L.
 *
 * <p><b>GOE (Eq. 23).</b> N ∫∫ ρ̄ ρ̄ F with ρ̄ estimated twice, from the sums t^(0) and t^(1) of the two
 * vectors of every pair: ρ̄^(0) and ρ̄^(1) are independent, so the symmetrized cross form N·B(ρ̄^(0), ρ̄^(1))
 * has no noise bias (a density multiplied by itself would add its variance). R(ω) likewise.
 *
 * <p><b>Errors.</b> Delete-one-group jackknife: group g's sums are removed from every total, which is
 * rescaled by covered/(covered − n_g) sites, and each observable is recomputed from the totals
 * (P_n is a ratio of sums; C = K/R). The parts are a random division of the lattice, so the groups'
 * true site sums differ; the jackknife counts that spread as if it were noise, which makes the error
 * bar conservative by at most the site-sampling error of all N sites, ≈ 0.8/√N relative for P_n
 * (docs/model.md).
 */
public final class VectorEvaluator {
    /** Columns of Γ evaluated together: bounds the right spectra kept (chunk × (1 + 2V) half spectra). */
    private static final long CHUNK_BYTES = 256L << 20;
    /** Columns per unit of the parallel loop, a fixed size so that sums do not depend on the thread count. */
    private static final int SUB_BLOCK = 8;

    private final ChebyshevGrid grid;

    private VectorEvaluator(int moments) {
        grid = new ChebyshevGrid(moments);
    }

    /** Evaluates with the kernel recorded in the moments. */
    public static KpmObservables evaluate(GramMoments moments, RealizationInput input) {
        return evaluate(moments, input, moments.kernel());
    }

    public static KpmObservables evaluate(GramMoments moments, RealizationInput input, DampingKernel kernel) {
        if (moments.sites() != input.sites()) {
            throw new IllegalArgumentException("moments of " + moments.sites() + " sites for a lattice of "
                    + input.sites());
        }
        int nonEmpty = 0;
        for (int s : moments.groupSites()) {
            nonEmpty += s > 0 ? 1 : 0;
        }
        if (nonEmpty < 2) {
            throw new IllegalArgumentException("the jackknife needs at least two groups with sites, got " + nonEmpty);
        }
        return new VectorEvaluator(moments.moments()).run(moments, input, kernel);
    }

    /** The functionals of one Gram matrix (or one group of it): sums over every site it covers. */
    private record Functionals(double[] s0, double[] s1, double[] s2, double[] sp, double[] bins) {
        static Functionals zero(int omegas, int pairs, int biases, int bins) {
            return new Functionals(new double[omegas], new double[pairs], new double[pairs], new double[biases],
                    new double[bins]);
        }

        /** (this − other)·f, or this·f when other is null. */
        Functionals minus(Functionals other, double f) {
            return new Functionals(diff(s0, other == null ? null : other.s0, f),
                    diff(s1, other == null ? null : other.s1, f), diff(s2, other == null ? null : other.s2, f),
                    diff(sp, other == null ? null : other.sp, f), diff(bins, other == null ? null : other.bins, f));
        }

        void add(Functionals o) {
            for (int i = 0; i < s0.length; i++) {
                s0[i] += o.s0[i];
            }
            for (int i = 0; i < s1.length; i++) {
                s1[i] += o.s1[i];
                s2[i] += o.s2[i];
            }
            for (int i = 0; i < sp.length; i++) {
                sp[i] += o.sp[i];
            }
            for (int i = 0; i < bins.length; i++) {
                bins[i] += o.bins[i];
            }
        }

        private static double[] diff(double[] a, double[] b, double f) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = (a[i] - (b == null ? 0 : b[i])) * f;
            }
            return out;
        }
    }

    private KpmObservables run(GramMoments mom, RealizationInput input, DampingKernel kernel) {
        int m = mom.moments();
        int n = mom.sites();
        int groups = mom.groups();
        double a = mom.scale();
        double b = mom.shift();
        double[] g = kernel.factors(m);
        ModelUnits units = ModelUnits.of(input.physics(), input.convention());
        double[] lambda = grid.energies(a, b);
        FrequencyIndex freq = FrequencyIndex.of(input.pairs());
        int pairs = input.pairs().size();
        int omegas = freq.omegaN().length;
        double[][][] weights = new double[omegas][][];
        for (int u = 0; u < omegas; u++) {
            weights[u] = grid.lorentzianSpectrum(1 / (units.t2n() * a), -freq.omegaN()[u] / a);
        }
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

        Functionals[] perGroup = gramFunctionals(mom, g, freq, weights, biases, lo, delta, a);
        Functionals total = Functionals.zero(omegas, pairs, biases.length, lo.length);
        for (Functionals f : perGroup) {
            total.add(f);
        }
        long covered = mom.coveredSites();
        double[] groupShare = new double[groups];      // covered/(covered − n_g): the rescaling of a replicate
        for (int q = 0; q < groups; q++) {
            groupShare[q] = mom.groupSites()[q] == 0 ? Double.NaN : (double) n / (covered - mom.groupSites()[q]);
        }
        Functionals anderson = total.minus(null, (double) n / covered);
        List<Functionals> andersonReplicas = new ArrayList<>();
        for (int q = 0; q < groups; q++) {
            if (mom.groupSites()[q] > 0) {
                andersonReplicas.add(total.minus(perGroup[q], groupShare[q]));
            }
        }

        // GOE: the estimate of ρ̄ from each vector of the pairs, then one replicate per group deleted.
        List<double[][]> goeMeans = new ArrayList<>();   // {μ̄^(0), μ̄^(1)}
        goeMeans.add(meanMoments(mom, -1));
        for (int q = 0; q < groups; q++) {
            if (mom.groupSites()[q] > 0) {
                goeMeans.add(meanMoments(mom, q));
            }
        }
        Functionals[] goe = goeFunctionals(goeMeans, n, g, m, freq, weights, biases, lo, delta, a);

        double[] kw = new double[lo.length];
        double[] kwErr = new double[lo.length];
        double[] rw = new double[lo.length];
        double[] cwErr = new double[lo.length];
        int replicas = andersonReplicas.size();
        for (int q = 0; q < lo.length; q++) {
            // K = (1/(Nδ)) Σ_j ∫ G_j over the bin; R = (1/δ) ∫∫ ρ̄ρ̄ over the bin (the GOE functional holds N ∫∫ρ̄ρ̄).
            kw[q] = anderson.bins[q] / (n * delta);
            rw[q] = goe[0].bins[q] / (n * delta);
            double[] kRep = new double[replicas];
            double[] cRep = new double[replicas];
            for (int r = 0; r < replicas; r++) {
                kRep[r] = andersonReplicas.get(r).bins[q] / (n * delta);
                double rRep = goe[r + 1].bins[q] / (n * delta);
                cRep[r] = rRep > 0 ? kRep[r] / rRep : Double.NaN;
            }
            kwErr[q] = jackknife(kRep);
            cwErr[q] = rw[q] > 0 ? jackknife(cRep) : Double.NaN;
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
            OverlapSums sums = sums(anderson, u, pk, v);
            var andersonEval = NuclearPolarization.evaluate(sums, omegaN, n, input.physics(), units);
            double[] pnRep = new double[replicas];
            for (int r = 0; r < replicas; r++) {
                pnRep[r] = NuclearPolarization.evaluate(sums(andersonReplicas.get(r), u, pk, v), omegaN, n,
                        input.physics(), units).pn();
            }
            OverlapSums goeSums = sums(goe[0], u, pk, v);
            var goeEval = NuclearPolarization.evaluate(goeSums, omegaN, n, input.physics(), units);
            double[] goeRep = new double[goe.length - 1];
            for (int r = 1; r < goe.length; r++) {
                goeRep[r - 1] = NuclearPolarization.evaluate(sums(goe[r], u, pk, v), omegaN, n, input.physics(),
                        units).pn();
            }
            int bin = omegaBins + u;
            results.add(new KpmPairResult(input.pairs().get(pk), andersonEval.pn(), jackknife(pnRep), goeEval.pn(),
                    jackknife(goeRep), andersonEval.rates(), goeEval.rates(), andersonEval.numerator(),
                    andersonEval.denominator(), sums, goeSums, kw[bin], kwErr[bin], rw[bin],
                    rw[bin] > 0 ? kw[bin] / rw[bin] : Double.NaN, cwErr[bin]));
        }
        double[][] mean = goeMeans.getFirst();
        double[] dosMoments = new double[m];
        for (int i = 0; i < m; i++) {
            dosMoments[i] = 0.5 * (mean[0][i] + mean[1][i]);
        }
        double halfWidth = input.energyGridHalfWidth();
        double[] dos = dos(dosMoments, g, a, b, halfWidth, analysis.energyBins());
        return new KpmObservables(n, (int) covered, m, kernel, grid.k, halfWidth, dos, spectrum,
                Arrays.copyOf(kwErr, omegaBins), List.copyOf(results), mom.vectors(), groups);
    }

    private static OverlapSums sums(Functionals f, int u, int pk, int v) {
        return new OverlapSums(f.s0[u], f.s1[pk], f.s2[pk], f.sp[v]);
    }

    /** μ̄^(0), μ̄^(1) = Σ_groups t^(v) / sites, without group {@code skip} (−1: all groups). */
    private static double[][] meanMoments(GramMoments mom, int skip) {
        int m = mom.moments();
        double[][] out = new double[2][m];
        long sites = 0;
        for (int q = 0; q < mom.groups(); q++) {
            if (q == skip) {
                continue;
            }
            sites += mom.groupSites()[q];
            for (int i = 0; i < m; i++) {
                out[0][i] += mom.traces()[q][i];
                out[1][i] += mom.traces()[q][m + i];
            }
        }
        for (int i = 0; i < m; i++) {
            out[0][i] /= sites;
            out[1][i] /= sites;
        }
        return out;
    }

    /** The functionals of each group's Gram matrix. */
    private Functionals[] gramFunctionals(GramMoments mom, double[] g, FrequencyIndex freq, double[][][] weights,
                                          double[][] biases, double[] lo, double delta, double a) {
        int m = mom.moments();
        int half = grid.half;
        int nb = biases.length;
        int groups = mom.groups();
        int chunk = (int) Math.max(SUB_BLOCK, Math.min(m, CHUNK_BYTES / (16L * half * (1 + 2L * nb))));
        chunk -= chunk % SUB_BLOCK;
        double[][] z0 = new double[groups][half];
        double[][][] z1 = new double[groups][nb][half];
        double[][][] z2 = new double[groups][nb][half];
        double[][] sp = new double[groups][nb];
        for (int i0 = 0; i0 < m; i0 += chunk) {
            int count = Math.min(chunk, m - i0);
            // Right: the basis densities C e_i of the chunk, their spectra, and those of C e_i · P_v.
            double[] unit = new double[count * m];
            for (int c = 0; c < count; c++) {
                unit[c * m + i0 + c] = 1;
            }
            double[][] basis = grid.densities(unit, count, m, g);
            Spectra right = spectra(basis, biases);
            for (int q = 0; q < groups; q++) {
                if (mom.groupSites()[q] == 0) {
                    continue;
                }
                double[][] left = grid.densities(columns(mom.gram()[q], m, i0, count), count, m, g);
                Spectra leftSpectra = spectra(left, biases);
                accumulate(leftSpectra, right, z0[q], z1[q], z2[q], sp[q]);
            }
        }
        Functionals[] out = new Functionals[groups];
        for (int q = 0; q < groups; q++) {
            Functionals f = Functionals.zero(weights.length, freq.pairBias().length, nb, lo.length);
            for (int u = 0; u < weights.length; u++) {
                f.s0[u] = dot(z0[q], weights[u][0], half);
            }
            for (int pk = 0; pk < f.s1.length; pk++) {
                int u = freq.pairOmega()[pk];
                int v = freq.pairBias()[pk];
                f.s1[pk] = dot(z1[q][v], weights[u][1], half);
                f.s2[pk] = dot(z2[q][v], weights[u][0], half);
            }
            System.arraycopy(sp[q], 0, f.sp, 0, nb);
            double[] c = new double[grid.nf];
            grid.lagCorrelations(z0[q], new double[half], c, new double[grid.nf]);
            for (int bin = 0; bin < lo.length; bin++) {
                f.bins[bin] = grid.binIntegral(c, lo[bin], delta, a);
            }
            out[q] = f;
        }
        return out;
    }

    /** Columns i0 … i0 + count − 1 of the symmetric matrix stored as a lower triangle, row-major count × M. */
    static double[] columns(double[] packed, int m, int i0, int count) {
        double[] out = new double[count * m];
        for (int c = 0; c < count; c++) {
            int i = i0 + c;
            int row = c * m;
            System.arraycopy(packed, i * (i + 1) / 2, out, row, i + 1);   // Γ[i][n], n ≤ i
            for (int r = i + 1; r < m; r++) {
                out[row + r] = packed[r * (r + 1) / 2 + i];                    // Γ[r][i] = Γ[i][r]
            }
        }
        return out;
    }

    /** Half spectra of densities, of the densities times each P_v, and Σ_k density·P_v. */
    private record Spectra(double[][] re, double[][] im, double[][][] pre, double[][][] pim, double[][] projection) {}

    private Spectra spectra(double[][] densities, double[][] biases) {
        int count = densities.length;
        int half = grid.half;
        int nb = biases.length;
        double[][] re = new double[count][half];
        double[][] im = new double[count][half];
        double[][][] pre = new double[nb][count][half];
        double[][][] pim = new double[nb][count][half];
        double[][] projection = new double[nb][count];
        parallel((count + 1) / 2, (from, to) -> {
            double[] w1 = new double[grid.k];
            double[] w2 = new double[grid.k];
            for (int j = 2 * from; j < Math.min(count, 2 * to); j += 2) {
                boolean two = j + 1 < count;
                grid.pairSpectrum(densities[j], two ? densities[j + 1] : null, re[j], im[j],
                        two ? re[j + 1] : new double[half], two ? im[j + 1] : new double[half]);
                for (int v = 0; v < nb; v++) {
                    projection[v][j] = weighted(densities[j], biases[v], w1);
                    if (two) {
                        projection[v][j + 1] = weighted(densities[j + 1], biases[v], w2);
                    }
                    grid.pairSpectrum(w1, two ? w2 : null, pre[v][j], pim[v][j],
                            two ? pre[v][j + 1] : new double[half], two ? pim[v][j + 1] : new double[half]);
                }
            }
        });
        return new Spectra(re, im, pre, pim, projection);
    }

    /**
     * Adds the column sums of the class comment over one chunk: in fixed sub-blocks of columns, each
     * summed on its own and the sub-blocks added in order, so the result does not depend on the threads.
     */
    private void accumulate(Spectra left, Spectra right, double[] z0, double[][] z1, double[][] z2, double[] sp) {
        int count = left.re.length;
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
                    for (int q = 0; q < half; q++) {
                        p0[sb][q] += ar[q] * br[q] + ai[q] * bi[q];
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
     * N·B(ρ̄^(0), ρ̄^(1)) symmetrized, for the estimate and each replicate: the GOE sums of Eq. 23 and the
     * bins of ∫∫ρ̄ρ̄ (R of Eq. 30, times N).
     */
    private Functionals[] goeFunctionals(List<double[][]> means, int n, double[] g, int m, FrequencyIndex freq,
                                         double[][][] weights, double[][] biases, double[] lo, double delta,
                                         double a) {
        int half = grid.half;
        int nb = biases.length;
        Functionals[] out = new Functionals[means.size()];
        for (int r = 0; r < means.size(); r++) {
            double[] both = new double[2 * m];
            System.arraycopy(means.get(r)[0], 0, both, 0, m);
            System.arraycopy(means.get(r)[1], 0, both, m, m);
            double[][] rho = grid.densities(both, 2, m, g);
            Spectra s = spectra(rho, biases);
            double[] z0 = new double[half];
            double[][] z1 = new double[nb][half];
            double[][] z2 = new double[nb][half];
            for (int q = 0; q < half; q++) {
                z0[q] = s.re[0][q] * s.re[1][q] + s.im[0][q] * s.im[1][q];
            }
            Functionals f = Functionals.zero(weights.length, freq.pairBias().length, nb, lo.length);
            for (int v = 0; v < nb; v++) {
                double[] g0r = s.pre[v][0], g0i = s.pim[v][0], g1r = s.pre[v][1], g1i = s.pim[v][1];
                for (int q = 0; q < half; q++) {
                    // ½[Im conj(G0)F1 + Im conj(G1)F0] and Re conj(G0)G1: the symmetrized cross forms.
                    z1[v][q] = 0.5 * ((g0r[q] * s.im[1][q] - g0i[q] * s.re[1][q])
                            + (g1r[q] * s.im[0][q] - g1i[q] * s.re[0][q]));
                    z2[v][q] = g0r[q] * g1r[q] + g0i[q] * g1i[q];
                }
                f.sp[v] = n * s.projection[v][0] * s.projection[v][1];
            }
            for (int u = 0; u < weights.length; u++) {
                f.s0[u] = n * dot(z0, weights[u][0], half);
            }
            for (int pk = 0; pk < f.s1.length; pk++) {
                int u = freq.pairOmega()[pk];
                int v = freq.pairBias()[pk];
                f.s1[pk] = n * dot(z1[v], weights[u][1], half);
                f.s2[pk] = n * dot(z2[v], weights[u][0], half);
            }
            double[] c = new double[grid.nf];
            grid.lagCorrelations(z0, new double[half], c, new double[grid.nf]);
            for (int bin = 0; bin < lo.length; bin++) {
                f.bins[bin] = n * grid.binIntegral(c, lo[bin], delta, a);
            }
            out[r] = f;
        }
        return out;
    }
}
