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
import java.util.List;

import static dnp.kpm.ChebyshevGrid.dos;
import static dnp.kpm.ChebyshevGrid.dot;
import static dnp.kpm.ChebyshevGrid.jackknife;
import static dnp.kpm.ChebyshevGrid.parallel;
import static dnp.kpm.ChebyshevGrid.sum;
import static dnp.kpm.ChebyshevGrid.weighted;

/**
 * From Chebyshev moments to the observables of the dense path.
 *
 * <p><b>Identity.</b> With ρ_j(x) = Σ_α |φ_αj|² δ(x − x_α) the local DOS of site j (rescaled energy x),
 * every overlap sum is Σ_αβ O_αβ F(x_α, x_β) = Σ_j ∫∫ ρ_j(x) ρ_j(y) F(x, y) dx dy (O_αβ = Σ_j Q_jα Q_jβ,
 * Eq. 21 before binning). The KPM replaces ρ_j by its kernel-smoothed Chebyshev series
 * (Weiße et al., Eq. (70))
 * <pre>
 *   ρ̃_j(x) = [g_0 μ_0(j) + 2 Σ_{m≥1} g_m μ_m(j) T_m(x)] / (π √(1 − x²)),
 * </pre>
 * so that ∫∫ ρ̃_j ρ̃_j F = Σ_mn g_m g_n μ_m(j) μ_n(j) F̂_mn with F = Σ F̂_mn T_m(x) T_n(y).
 *
 * <p><b>Evaluation.</b> Rather than the M×M coefficients F̂_mn of every F, each ρ̃_j is reconstructed
 * once on a uniform midpoint grid x_k = −1 + (k + ½)h, h = 2/K, K = the power of two ≥ 2M (≥ 4 points
 * per Jackson width π/M), as cell masses r_j(k) = h ρ̃_j(x_k) (one dgemm). Every F of the rate sums
 * depends on y − x through the nuclear Lorentzian L(ω_n + a(y − x)) (Eq. 19, λ = a x + b) times
 * factors P(x), P(y) (Eq. 11), so each sum is a lag sum of a correlation:
 * <pre>
 *   S0_j = Σ_d w_d Σ_k r(k) r(k+d),   S1_j = Σ_d w_d Σ_k r(k) r(k+d) (P_k − P_{k+d}),
 *   S2_j = Σ_d w_d Σ_k r(k)P_k r(k+d)P_{k+d},   SP_j = (Σ_k r(k) P_k)²,
 * </pre>
 * evaluated by Parseval from the FFTs of r_j and r_j·P (zero-padded to 2K, so correlations are linear):
 * Σ_d w_d c_fg(d) = (1/2K) Σ_κ conj(F̂_κ) Ĝ_κ conj(Ŵ_κ). Per (site, ω_MW) this costs one FFT; per
 * pair and site, three dot products of length K + 1.
 *
 * <p><b>The nuclear Lorentzian is handled analytically.</b> Its width γ = 1/(T_2n' a) (≈ 0.016 in
 * 2π·MHz under si) is far below the KPM resolution (≈ π a/M) and comparable to h, so sampling it on
 * the grid would be wrong. The lag function G_j(u) = ∫ ρ̃_j(x) ρ̃_j(x + u) dx is smooth on the scale
 * of the Jackson kernel and is sampled well below its Nyquist limit, so the sampling theorem gives
 * ∫ G(u) L(u) du = Σ_d G(dh) W_d exactly with W_d = (h/2π)∫_{|κ|<π/h} L̂(κ) e^{iκdh} dκ, the
 * band-limited Lorentzian. For L(u) = γ²/(γ² + (u − u_0)²), u_0 = −ω_n/a, L̂(κ) = πγ e^{−γ|κ|}e^{−iκu_0}:
 * <pre>
 *   w_d = W_d/h = γ [γ − e^{−γπ/h}(γ cos θ − s sin θ)] / (γ² + s²),   s = dh − u_0,  θ = sπ/h,
 * </pre>
 * which tends to h·L(dh)/h for γ ≫ h. The rate formulas themselves are not re-derived: the estimated
 * S0, S1, S2, SP go to {@link NuclearPolarization#evaluate} (Eq. 19–20 or Eq. 22).
 *
 * <p><b>GOE (Eq. 23).</b> O_αβ → 1/N turns each sum into N ∫∫ ρ̄ ρ̄ F with the global DOS ρ̄ (exact site
 * mean with all sites, stochastic trace otherwise), evaluated the same way.
 *
 * <p><b>Sampling.</b> Sums over all N sites are estimated as (N/S) Σ over the S sampled sites.
 */
public final class KpmEvaluator {
    private final ChebyshevGrid grid;
    private final int k;
    private final int nf;
    private final int half;
    private final double h;

    private KpmEvaluator(int moments) {
        grid = new ChebyshevGrid(moments);
        k = grid.k;
        nf = grid.nf;
        half = grid.half;
        h = grid.h;
    }

    /** K: the power of two ≥ 2M (and ≥ 64), the points of the reconstruction grid. */
    public static int gridPoints(int moments) {
        return ChebyshevGrid.gridPoints(moments);
    }

    /** Evaluates with the kernel recorded in the moments. */
    public static KpmObservables evaluate(KpmMoments moments, RealizationInput input) {
        return evaluate(moments, input, moments.kernel());
    }

    public static KpmObservables evaluate(KpmMoments moments, RealizationInput input, DampingKernel kernel) {
        if (moments.sites() != input.sites()) {
            throw new IllegalArgumentException("moments of " + moments.sites() + " sites for a lattice of "
                    + input.sites());
        }
        if (moments.sampledSites() < 1) {
            throw new IllegalArgumentException("no site moments to evaluate");
        }
        if (!moments.allSites() && (moments.sampledSites() < 2 || moments.traceIds().length < 2)) {
            throw new IllegalArgumentException("a sampled evaluation needs at least 2 sites and 2 trace vectors");
        }
        return new KpmEvaluator(moments.moments()).run(moments, input, kernel);
    }

    private KpmObservables run(KpmMoments mom, RealizationInput input, DampingKernel kernel) {
        int m = mom.moments();
        int n = mom.sites();
        int s = mom.sampledSites();
        double a = mom.scale();
        double b = mom.shift();
        double[] g = kernel.factors(m);
        ModelUnits units = ModelUnits.of(input.physics(), input.convention());
        double[] lambda = grid.energies(a, b);
        // Cell masses of the local densities and of the trace vectors' densities, by one dgemm.
        int traces = mom.traceIds().length;
        double[] allMoments = java.util.Arrays.copyOf(mom.siteMoments(), (s + traces) * m);
        System.arraycopy(mom.traceMoments(), 0, allMoments, s * m, traces * m);
        double[][] rAll = grid.densities(allMoments, s + traces, m, g);
        double[][] r = java.util.Arrays.copyOf(rAll, s);
        // Global densities: [0] the estimate, [1..R] delete-one replicates over trace vectors.
        double[][] goe = goeDensities(mom, r, java.util.Arrays.copyOfRange(rAll, s, s + traces));
        double[][][] fs = spectra(r);
        double[][][] fg = spectra(goe);

        FrequencyIndex freq = FrequencyIndex.of(input.pairs());
        int pairs = input.pairs().size();
        double[][][] weights = new double[freq.omegaN().length][][];
        for (int u = 0; u < weights.length; u++) {
            weights[u] = grid.lorentzianSpectrum(1 / (units.t2n() * a), -freq.omegaN()[u] / a);
        }
        double[][] s0 = new double[freq.omegaN().length][s];
        double[][] s0g = new double[freq.omegaN().length][goe.length];
        for (int u = 0; u < weights.length; u++) {
            for (int j = 0; j < s; j++) {
                s0[u][j] = power(fs[0][j], fs[1][j], weights[u][0]);
            }
            for (int q = 0; q < goe.length; q++) {
                s0g[u][q] = n * power(fg[0][q], fg[1][q], weights[u][0]);
            }
        }
        double[][] s1 = new double[pairs][s];
        double[][] s2 = new double[pairs][s];
        double[][] sp = new double[freq.omegaMW().length][s];
        double[][] s1g = new double[pairs][goe.length];
        double[][] s2g = new double[pairs][goe.length];
        double[][] spg = new double[freq.omegaMW().length][goe.length];
        double[][] biases = new double[freq.omegaMW().length][];
        for (int v = 0; v < biases.length; v++) {
            biases[v] = ElectronPolarization.biases(lambda, input.physics(), units, freq.omegaMW()[v]);
        }
        // Sites in pairs (two real signals per complex FFT), the pairs spread over the threads; every
        // result lands in its own slot, so the outcome does not depend on the scheduling.
        parallel((s + 1) / 2, (from, to) -> {
            Buffers w = new Buffers(half, k);
            for (int v = 0; v < biases.length; v++) {
                for (int j = 2 * from; j < Math.min(s, 2 * to); j += 2) {
                    boolean two = j + 1 < s;
                    double first = weighted(r[j], biases[v], w.rp);
                    double second = two ? weighted(r[j + 1], biases[v], w.rp2) : 0;
                    grid.pairSpectrum(w.rp, two ? w.rp2 : null, w.gr, w.gi, w.gr2, w.gi2);
                    sp[v][j] = first * first;
                    rateSums(freq, v, weights, fs[0][j], fs[1][j], w.gr, w.gi, w.abs2, w.cross, s1, s2, j, 1.0);
                    if (two) {
                        sp[v][j + 1] = second * second;
                        rateSums(freq, v, weights, fs[0][j + 1], fs[1][j + 1], w.gr2, w.gi2, w.abs2, w.cross, s1, s2,
                                j + 1, 1.0);
                    }
                }
            }
        });
        Buffers w = new Buffers(half, k);
        for (int v = 0; v < biases.length; v++) {
            for (int q = 0; q < goe.length; q++) {
                double mean = weighted(goe[q], biases[v], w.rp);
                grid.pairSpectrum(w.rp, null, w.gr, w.gi, w.gr2, w.gi2);
                spg[v][q] = n * mean * mean;
                rateSums(freq, v, weights, fg[0][q], fg[1][q], w.gr, w.gi, w.abs2, w.cross, s1g, s2g, q, n);
            }
        }

        // ω bins of K(ω), R(ω) (as the dense path: centres 0, δ, 2δ, …) and the bins at each ω_n.
        AnalysisOptions analysis = input.analysis();
        double delta = analysis.correlatorBinWidth();
        int omegaBins = EnergyGrid.spectrumBins(analysis);
        double[] lo = new double[omegaBins + freq.omegaN().length];
        for (int q = 0; q < omegaBins; q++) {
            lo[q] = q * delta - delta / 2;
        }
        for (int u = 0; u < freq.omegaN().length; u++) {
            lo[omegaBins + u] = freq.omegaN()[u] - delta / 2;
        }
        double[][] kSite = binnedCorrelations(fs, s, lo, delta, a);          // [bin][site]
        double[][] rBins = binnedCorrelations(fg, 1, lo, delta, a);           // [bin][0]
        double scaleUp = (double) n / s;
        double fpc = Math.sqrt(Math.max(0, 1 - (double) s / n));
        double[] kw = new double[lo.length];
        double[] kwErr = new double[lo.length];
        double[] rw = new double[lo.length];
        for (int q = 0; q < lo.length; q++) {
            // K = (1/(Nδ)) Σ_j ∫ G_j over the bin → (1/(Sδ)) Σ_sample; R = (1/δ) ∫∫ ρ̄ρ̄ over the bin.
            double[] meanSd = meanAndSd(kSite[q]);
            kw[q] = meanSd[0] / delta;
            kwErr[q] = meanSd[1] / Math.sqrt(s) * fpc / delta;
            rw[q] = rBins[q][0] / delta;
        }
        double[] omega = new double[omegaBins];
        for (int q = 0; q < omegaBins; q++) {
            omega[q] = q * delta;
        }
        CorrelatorSpectrum spectrum = new CorrelatorSpectrum(delta, omega, java.util.Arrays.copyOf(kw, omegaBins),
                java.util.Arrays.copyOf(rw, omegaBins));
        double[] spectrumError = java.util.Arrays.copyOf(kwErr, omegaBins);

        List<KpmPairResult> results = new ArrayList<>();
        for (int pk = 0; pk < pairs; pk++) {
            int u = freq.pairOmega()[pk];
            int v = freq.pairBias()[pk];
            double omegaN = freq.omegaN()[u];
            OverlapSums sums = new OverlapSums(scaleUp * sum(s0[u]), scaleUp * sum(s1[pk]), scaleUp * sum(s2[pk]),
                    scaleUp * sum(sp[v]));
            var anderson = NuclearPolarization.evaluate(sums, omegaN, n, input.physics(), units);
            double pnError = 0;
            if (!mom.allSites()) {
                double[] replicas = new double[s];
                double total0 = sum(s0[u]), total1 = sum(s1[pk]), total2 = sum(s2[pk]), totalP = sum(sp[v]);
                double f = (double) n / (s - 1);
                for (int j = 0; j < s; j++) {
                    replicas[j] = NuclearPolarization.evaluate(new OverlapSums(f * (total0 - s0[u][j]),
                            f * (total1 - s1[pk][j]), f * (total2 - s2[pk][j]), f * (totalP - sp[v][j])),
                            omegaN, n, input.physics(), units).pn();
                }
                pnError = jackknife(replicas) * fpc;
            }
            OverlapSums goeSums = new OverlapSums(s0g[u][0], s1g[pk][0], s2g[pk][0], spg[v][0]);
            var goeEval = NuclearPolarization.evaluate(goeSums, omegaN, n, input.physics(), units);
            double pnGoeError = 0;
            if (goe.length > 1) {
                double[] replicas = new double[goe.length - 1];
                for (int q = 1; q < goe.length; q++) {
                    replicas[q - 1] = NuclearPolarization.evaluate(new OverlapSums(s0g[u][q], s1g[pk][q], s2g[pk][q],
                            spg[v][q]), omegaN, n, input.physics(), units).pn();
                }
                pnGoeError = jackknife(replicas);
            }
            double kn = kw[omegaBins + u];
            double rn = rw[omegaBins + u];
            results.add(new KpmPairResult(input.pairs().get(pk), anderson.pn(), pnError, goeEval.pn(), pnGoeError,
                    anderson.rates(), goeEval.rates(), anderson.numerator(), anderson.denominator(), sums, goeSums,
                    kn, kwErr[omegaBins + u], rn, rn > 0 ? kn / rn : Double.NaN,
                    rn > 0 ? kwErr[omegaBins + u] / rn : Double.NaN, null));
        }
        double halfWidth = input.energyGridHalfWidth();
        double[] dos = dos(mom.meanMoments(), g, a, b, halfWidth, analysis.energyBins());
        return new KpmObservables(n, s, m, kernel, k, halfWidth, dos, spectrum, spectrumError, List.copyOf(results), 0, 0);
    }

    /**
     * Sets S1, S2 of every pair with bias index v, for one site (or GOE replicate) with spectra F and
     * G = FFT(r·P): |G|² and Im(conj(G) F) are formed once, then dotted with each pair's Ŵ.
     */
    private void rateSums(FrequencyIndex freq, int v, double[][][] weights, double[] fr, double[] fi, double[] gr,
                          double[] gi, double[] abs2, double[] cross, double[][] s1, double[][] s2, int column,
                          double factor) {
        for (int q = 0; q < half; q++) {
            // S1: 2 Im(conj(G) F)·Im Ŵ;  S2: |G|² Re Ŵ (the factors 2, 1/2K and the half-spectrum
            // multiplicities are folded into Re Ŵ, Im Ŵ).
            cross[q] = gr[q] * fi[q] - gi[q] * fr[q];
            abs2[q] = gr[q] * gr[q] + gi[q] * gi[q];
        }
        for (int pk = 0; pk < freq.pairBias().length; pk++) {
            if (freq.pairBias()[pk] != v) {
                continue;
            }
            s1[pk][column] = factor * dot(cross, weights[freq.pairOmega()[pk]][1], half);
            s2[pk][column] = factor * dot(abs2, weights[freq.pairOmega()[pk]][0], half);
        }
    }

    private double power(double[] fr, double[] fi, double[] reW) {
        double a0 = 0, a1 = 0;
        int q = 0;
        for (; q + 1 < half; q += 2) {
            a0 += (fr[q] * fr[q] + fi[q] * fi[q]) * reW[q];
            a1 += (fr[q + 1] * fr[q + 1] + fi[q + 1] * fi[q + 1]) * reW[q + 1];
        }
        for (; q < half; q++) {
            a0 += (fr[q] * fr[q] + fi[q] * fi[q]) * reW[q];
        }
        return a0 + a1;
    }

    /** Work arrays of one thread of the site loop. */
    private static final class Buffers {
        final double[] gr, gi, gr2, gi2, abs2, cross, rp, rp2;

        Buffers(int half, int k) {
            gr = new double[half];
            gi = new double[half];
            gr2 = new double[half];
            gi2 = new double[half];
            abs2 = new double[half];
            cross = new double[half];
            rp = new double[k];
            rp2 = new double[k];
        }
    }

    /** Half spectra {re[][], im[][]} of the zero-padded real signals, two per complex FFT. */
    private double[][][] spectra(double[][] signals) {
        int count = signals.length;
        double[][] re = new double[count][half];
        double[][] im = new double[count][half];
        parallel((count + 1) / 2, (from, to) -> {
            for (int j = 2 * from; j < Math.min(count, 2 * to); j += 2) {
                boolean two = j + 1 < count;
                grid.pairSpectrum(signals[j], two ? signals[j + 1] : null, re[j], im[j],
                        two ? re[j + 1] : new double[half], two ? im[j + 1] : new double[half]);
            }
        });
        return new double[][][] {re, im};
    }

    /**
     * ∫ G_j(u) over each λ-bin [lo, lo + δ) of ε_β − ε_α, for the first {@code count} signals: the lag
     * correlation c_j(d) = Σ_k r(k) r(k+d) = IFFT(|F_j|²), integrated with piecewise-linear (hat)
     * interpolation in u = dh (the bins are many grid cells wide).
     */
    private double[][] binnedCorrelations(double[][][] spec, int count, double[] lo, double delta, double a) {
        double[][] out = new double[lo.length][count];
        parallel((count + 1) / 2, (firstPair, endPair) -> {
            double[] c1 = new double[nf];
            double[] c2 = new double[nf];
            double[] x = new double[half];
            double[] y = new double[half];
            for (int j = 2 * firstPair; j < Math.min(count, 2 * endPair); j += 2) {
                boolean two = j + 1 < count;
                for (int q = 0; q < half; q++) {
                    x[q] = spec[0][j][q] * spec[0][j][q] + spec[1][j][q] * spec[1][j][q];
                    y[q] = two ? spec[0][j + 1][q] * spec[0][j + 1][q] + spec[1][j + 1][q] * spec[1][j + 1][q] : 0;
                }
                grid.lagCorrelations(x, y, c1, c2);
                for (int q = 0; q < lo.length; q++) {
                    out[q][j] = grid.binIntegral(c1, lo[q], delta, a);
                    if (two) {
                        out[q][j + 1] = grid.binIntegral(c2, lo[q], delta, a);
                    }
                }
            }
        });
        return out;
    }

    /** ρ̄ cell masses: [0] the estimate, then the delete-one replicates over trace vectors (none with all sites). */
    private double[][] goeDensities(KpmMoments mom, double[][] r, double[][] t) {
        if (mom.allSites()) {
            double[] mean = new double[k];
            for (double[] rj : r) {
                for (int i = 0; i < k; i++) {
                    mean[i] += rj[i];
                }
            }
            for (int i = 0; i < k; i++) {
                mean[i] /= r.length;
            }
            return new double[][] {mean};
        }
        int count = t.length;
        double[][] out = new double[count + 1][k];
        for (double[] tv : t) {
            for (int i = 0; i < k; i++) {
                out[0][i] += tv[i];
            }
        }
        for (int q = 1; q <= count; q++) {
            for (int i = 0; i < k; i++) {
                out[q][i] = (out[0][i] - t[q - 1][i]) / (count - 1);
            }
        }
        for (int i = 0; i < k; i++) {
            out[0][i] /= count;
        }
        return out;
    }

    private static double[] meanAndSd(double[] x) {
        double mean = sum(x) / x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        return new double[] {mean, x.length > 1 ? Math.sqrt(var / (x.length - 1)) : 0};
    }

}
