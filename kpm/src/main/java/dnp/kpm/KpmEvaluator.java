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
import java.util.List;

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
    private final int k;        // grid points
    private final int nf;       // FFT length 2K
    private final int half;     // K + 1 spectral points kept (real signals)
    private final double h;
    private final Fft fft;
    /** FFT scratch {re, im} of the calling thread (the site loops run on the common fork-join pool). */
    private final ThreadLocal<double[][]> scratch;

    private KpmEvaluator(int moments) {
        k = gridPoints(moments);
        nf = 2 * k;
        half = k + 1;
        h = 2.0 / k;
        fft = new Fft(nf);
        scratch = ThreadLocal.withInitial(() -> new double[][] {new double[nf], new double[nf]});
    }

    /** K: the power of two ≥ 2M (and ≥ 64). */
    public static int gridPoints(int moments) {
        return Math.max(64, Integer.highestOneBit(Math.max(1, 2 * moments - 1)) << 1);
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
        double[] lambda = new double[k];
        for (int i = 0; i < k; i++) {
            lambda[i] = a * (-1 + (i + 0.5) * h) + b;
        }
        // Cell masses of the local densities and of the trace vectors' densities, by one dgemm.
        int traces = mom.traceIds().length;
        double[] allMoments = java.util.Arrays.copyOf(mom.siteMoments(), (s + traces) * m);
        System.arraycopy(mom.traceMoments(), 0, allMoments, s * m, traces * m);
        double[][] rAll = densities(allMoments, s + traces, m, g);
        double[][] r = java.util.Arrays.copyOf(rAll, s);
        // Global densities: [0] the estimate, [1..R] delete-one replicates over trace vectors.
        double[][] goe = goeDensities(mom, r, java.util.Arrays.copyOfRange(rAll, s, s + traces));
        double[][][] fs = spectra(r);
        double[][][] fg = spectra(goe);

        FrequencyIndex freq = FrequencyIndex.of(input.pairs());
        int pairs = input.pairs().size();
        double[][][] weights = new double[freq.omegaN().length][][];
        for (int u = 0; u < weights.length; u++) {
            weights[u] = lorentzianSpectrum(1 / (units.t2n() * a), -freq.omegaN()[u] / a);
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
                    pairSpectrum(w.rp, two ? w.rp2 : null, w.gr, w.gi, w.gr2, w.gi2);
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
                pairSpectrum(w.rp, null, w.gr, w.gi, w.gr2, w.gi2);
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
                    kn, kwErr[omegaBins + u], rn, rn > 0 ? kn / rn : Double.NaN));
        }
        double halfWidth = input.energyGridHalfWidth();
        double[] dos = dos(mom.meanMoments(), g, a, b, halfWidth, analysis.energyBins());
        return new KpmObservables(n, s, m, kernel, k, halfWidth, dos, spectrum, spectrumError, List.copyOf(results));
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

    /**
     * Σ_q x_q y_q over q &lt; len in four interleaved partial sums (a single running sum would wait for
     * the previous add at every term), added as (s0 + s1) + (s2 + s3).
     */
    static double dot(double[] x, double[] y, int len) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int q = 0;
        for (; q + 3 < len; q += 4) {
            a0 += x[q] * y[q];
            a1 += x[q + 1] * y[q + 1];
            a2 += x[q + 2] * y[q + 2];
            a3 += x[q + 3] * y[q + 3];
        }
        for (; q < len; q++) {
            a0 += x[q] * y[q];
        }
        return (a0 + a1) + (a2 + a3);
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

    /** Runs body(from, to) on disjoint ranges covering [0, count), in parallel on the common pool. */
    private static void parallel(int count, java.util.function.BiConsumer<Integer, Integer> body) {
        int chunks = Math.min(count, 4 * Math.max(1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1));
        java.util.stream.IntStream.range(0, chunks).parallel()
                .forEach(c -> body.accept((int) ((long) c * count / chunks), (int) ((long) (c + 1) * count / chunks)));
    }

    /** out = r·p elementwise; returns Σ r·p. */
    private static double weighted(double[] r, double[] p, double[] out) {
        double acc = 0;
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i] * p[i];
            acc += out[i];
        }
        return acc;
    }

    /**
     * Spectrum of the band-limited Lorentzian weights w_d (class comment), d ∈ (−K, K) stored at d mod 2K,
     * returned as {Re Ŵ·c/2K, 2·Im Ŵ·c/2K} on κ = 0…K with c the half-spectrum multiplicity (1 at κ = 0, K; else 2).
     */
    private double[][] lorentzianSpectrum(double gamma, double u0) {
        double[] zr = scratch.get()[0];
        double[] zi = scratch.get()[1];
        java.util.Arrays.fill(zr, 0);
        java.util.Arrays.fill(zi, 0);
        double damping = Math.exp(-gamma * Math.PI / h);
        for (int d = -(k - 1); d < k; d++) {
            double sft = d * h - u0;
            double theta = sft * Math.PI / h;
            double w = gamma * (gamma - damping * (gamma * Math.cos(theta) - sft * Math.sin(theta)))
                    / (gamma * gamma + sft * sft);
            zr[Math.floorMod(d, nf)] = w;
        }
        fft.forward(zr, zi);
        double[] re = new double[half];
        double[] im = new double[half];
        for (int q = 0; q < half; q++) {
            double c = (q == 0 || q == k) ? 1 : 2;
            re[q] = c * zr[q] / nf;
            im[q] = 2 * c * zi[q] / nf;
        }
        return new double[][] {re, im};
    }

    /** Half spectra {re[][], im[][]} of the zero-padded real signals, two per complex FFT. */
    private double[][][] spectra(double[][] signals) {
        int count = signals.length;
        double[][] re = new double[count][half];
        double[][] im = new double[count][half];
        parallel((count + 1) / 2, (from, to) -> {
            for (int j = 2 * from; j < Math.min(count, 2 * to); j += 2) {
                boolean two = j + 1 < count;
                pairSpectrum(signals[j], two ? signals[j + 1] : null, re[j], im[j],
                        two ? re[j + 1] : new double[half], two ? im[j + 1] : new double[half]);
            }
        });
        return new double[][][] {re, im};
    }

    /**
     * FFT of z = a + i·b (zero-padded), split by Hermitian symmetry: A_κ = (Z_κ + conj Z_{−κ})/2,
     * B_κ = (Z_κ − conj Z_{−κ})/(2i).
     */
    private void pairSpectrum(double[] a, double[] b, double[] aRe, double[] aIm, double[] bRe, double[] bIm) {
        double[] zr = scratch.get()[0];
        double[] zi = scratch.get()[1];
        java.util.Arrays.fill(zr, 0);
        java.util.Arrays.fill(zi, 0);
        System.arraycopy(a, 0, zr, 0, k);
        if (b != null) {
            System.arraycopy(b, 0, zi, 0, k);
        }
        fft.forward(zr, zi);
        for (int q = 0; q < half; q++) {
            int mq = (nf - q) & (nf - 1);
            double pr = zr[q], pi = zi[q], wr = zr[mq], wi = zi[mq];
            aRe[q] = (pr + wr) / 2;
            aIm[q] = (pi - wi) / 2;
            bRe[q] = (pi + wi) / 2;
            bIm[q] = (wr - pr) / 2;
        }
    }

    /**
     * ∫ G_j(u) over each λ-bin [lo, lo + δ) of ε_β − ε_α, for the first {@code count} signals: the lag
     * correlation c_j(d) = Σ_k r(k) r(k+d) = IFFT(|F_j|²), integrated with piecewise-linear (hat)
     * interpolation in u = dh (the bins are many grid cells wide).
     */
    private double[][] binnedCorrelations(double[][][] spec, int count, double[] lo, double delta, double a) {
        double[][] out = new double[lo.length][count];
        parallel((count + 1) / 2, (firstPair, endPair) -> {
            double[] zr = scratch.get()[0];
            double[] zi = scratch.get()[1];
            double[] c1 = new double[nf];
            double[] c2 = new double[nf];
            for (int j = 2 * firstPair; j < Math.min(count, 2 * endPair); j += 2) {
                boolean two = j + 1 < count;
                java.util.Arrays.fill(zr, 0);
                java.util.Arrays.fill(zi, 0);
                // IFFT(X + iY) with X, Y real and even: real part → x, imaginary part → y.
                for (int q = 0; q < half; q++) {
                    double x = spec[0][j][q] * spec[0][j][q] + spec[1][j][q] * spec[1][j][q];
                    double y = two ? spec[0][j + 1][q] * spec[0][j + 1][q] + spec[1][j + 1][q] * spec[1][j + 1][q] : 0;
                    zr[q] = x;
                    zi[q] = y;
                    if (q > 0 && q < k) {
                        zr[nf - q] = x;
                        zi[nf - q] = y;
                    }
                }
                fft.inverseUnscaled(zr, zi);
                for (int i = 0; i < nf; i++) {
                    c1[i] = zr[i] / nf;
                    c2[i] = zi[i] / nf;
                }
                for (int q = 0; q < lo.length; q++) {
                    double from = lo[q] / a;
                    double to = (lo[q] + delta) / a;
                    int d0 = Math.max(-(k - 1), (int) Math.floor(from / h) - 1);
                    int d1 = Math.min(k - 1, (int) Math.ceil(to / h) + 1);
                    double acc1 = 0;
                    double acc2 = 0;
                    for (int d = d0; d <= d1; d++) {
                        double w = hatIntegral(d * h, from, to);
                        if (w != 0) {
                            int idx = Math.floorMod(d, nf);
                            acc1 += w * c1[idx];
                            acc2 += w * c2[idx];
                        }
                    }
                    // c(d) = h G(dh): ∫ G over the bin = Σ_d c(d) ∫hat_d / h.
                    out[q][j] = acc1 / h;
                    if (two) {
                        out[q][j + 1] = acc2 / h;
                    }
                }
            }
        });
        return out;
    }

    /** ∫_from^to max(0, 1 − |u − centre|/h) du. */
    private double hatIntegral(double centre, double from, double to) {
        return h * (hatPrimitive((to - centre) / h) - hatPrimitive((from - centre) / h));
    }

    private static double hatPrimitive(double v) {
        if (v <= -1) {
            return 0;
        }
        if (v <= 0) {
            return (v + 1) * (v + 1) / 2;
        }
        if (v < 1) {
            return 1 - (1 - v) * (1 - v) / 2;
        }
        return 1;
    }

    /** Cell masses r(k) = h ρ̃(x_k) of {@code count} moment rows (row-major count×M), one dgemm per chunk of grid rows. */
    private double[][] densities(double[] moments, int count, int m, double[] g) {
        double[][] out = new double[count][k];
        if (count == 0) {
            return out;
        }
        int chunk = Math.min(k, Math.max(64, (int) Math.min(k, (4L << 20) / m)));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mu = arena.allocate(8L * count * m, 64);
            MemorySegment.copy(moments, 0, mu, ValueLayout.JAVA_DOUBLE, 0, count * m);
            MemorySegment t = arena.allocate(8L * chunk * m, 64);
            MemorySegment c = arena.allocate(8L * k * count, 64);
            double[] row = new double[chunk * m];
            for (int k0 = 0; k0 < k; k0 += chunk) {
                int rows = Math.min(chunk, k - k0);
                // T[i + rows·m] = h (2 − δ_m0) g_m T_m(x) / (π √(1 − x²)), Chebyshev recurrence in m.
                for (int i = 0; i < rows; i++) {
                    double x = -1 + (k0 + i + 0.5) * h;
                    double w = h / (Math.PI * Math.sqrt((1 - x) * (1 + x)));
                    double tPrev = 1;
                    double tCur = x;
                    row[i] = w * g[0];
                    if (m > 1) {
                        row[i + rows] = 2 * w * g[1] * x;
                    }
                    for (int q = 2; q < m; q++) {
                        double tNext = 2 * x * tCur - tPrev;
                        row[i + rows * q] = 2 * w * g[q] * tNext;
                        tPrev = tCur;
                        tCur = tNext;
                    }
                }
                MemorySegment.copy(row, 0, t, ValueLayout.JAVA_DOUBLE, 0, rows * m);
                // C[k0 + i, j] = Σ_m T[i, m] μ_m(j): rows×count, leading dimension K.
                Blas.dgemm(false, false, rows, count, m, 1.0, t, rows, mu, m, 0.0,
                        c.asSlice(8L * k0), k);
            }
            for (int j = 0; j < count; j++) {
                MemorySegment.copy(c, ValueLayout.JAVA_DOUBLE, 8L * k * j, out[j], 0, k);
            }
        }
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

    /**
     * DOS per energy bin [λ_0, λ_1) of [−E, E]: the exact integral of the smoothed series,
     * ∫ T_m(x)/(π√(1−x²)) dx over [x_0, x_1] = (sin mθ_0 − sin mθ_1)/(mπ) with θ = arccos x
     * ((θ_0 − θ_1)/π for m = 0), divided by the bin width.
     */
    static double[] dos(double[] mu, double[] g, double a, double b, double halfWidth, int bins) {
        double width = 2 * halfWidth / bins;
        double[] out = new double[bins];
        for (int q = 0; q < bins; q++) {
            double x0 = clamp((-halfWidth + q * width - b) / a);
            double x1 = clamp((-halfWidth + (q + 1) * width - b) / a);
            double th0 = Math.acos(x0);
            double th1 = Math.acos(x1);
            double acc = g[0] * mu[0] * (th0 - th1) / Math.PI;
            for (int m = 1; m < mu.length; m++) {
                acc += 2 * g[m] * mu[m] * (Math.sin(m * th0) - Math.sin(m * th1)) / (m * Math.PI);
            }
            out[q] = acc / width;
        }
        return out;
    }

    private static double clamp(double x) {
        return Math.max(-1, Math.min(1, x));
    }

    private static double sum(double[] x) {
        double acc = 0;
        for (double v : x) {
            acc += v;
        }
        return acc;
    }

    private static double[] meanAndSd(double[] x) {
        double mean = sum(x) / x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        return new double[] {mean, x.length > 1 ? Math.sqrt(var / (x.length - 1)) : 0};
    }

    /** Delete-one jackknife standard error: √((n−1)/n Σ (θ_(i) − θ̄)²). */
    private static double jackknife(double[] replicas) {
        int count = replicas.length;
        double mean = sum(replicas) / count;
        double var = 0;
        for (double v : replicas) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt((count - 1.0) / count * var);
    }
}
