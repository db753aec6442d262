package dnp.kpm;

import dnp.nativebindings.Blas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The uniform grid on which the kernel-smoothed densities of M Chebyshev moments are reconstructed,
 * and the transforms every estimator evaluates on it (see {@link KpmEvaluator} for the identity and
 * the band-limited Lorentzian): K = the power of two ≥ 2M midpoints x_k = −1 + (k + ½)h, h = 2/K, cell
 * masses r(k) = h ρ̃(x_k) by one dgemm, real FFTs of length 2K (zero padding makes correlations
 * linear) two signals at a time, the Lorentzian weight spectra and the integrals of a lag
 * correlation over ω bins.
 */
final class ChebyshevGrid {
    final int k;        // grid points
    final int nf;       // FFT length 2K
    final int half;     // K + 1 spectral points kept (real signals)
    final double h;
    final Fft fft;
    /** FFT scratch {re, im} of the calling thread (the site loops run on the common fork-join pool). */
    final ThreadLocal<double[][]> scratch;

    ChebyshevGrid(int moments) {
        k = gridPoints(moments);
        nf = 2 * k;
        half = k + 1;
        h = 2.0 / k;
        fft = new Fft(nf);
        scratch = ThreadLocal.withInitial(() -> new double[][] {new double[nf], new double[nf]});
    }

    /** λ_k = a·x_k + b: the energies of the grid points relative to ω_e. */
    double[] energies(double a, double b) {
        double[] lambda = new double[k];
        for (int i = 0; i < k; i++) {
            lambda[i] = a * (-1 + (i + 0.5) * h) + b;
        }
        return lambda;
    }

    /**
     * The lag correlations c(d) (d mod 2K) whose spectra are the real, even half spectra x and y
     * (κ = 0 … K), for example c(d) = Σ_k r(k) r(k+d) from x = |FFT r|²: one inverse FFT of x + iy.
     */
    void lagCorrelations(double[] x, double[] y, double[] cx, double[] cy) {
        double[] zr = scratch.get()[0];
        double[] zi = scratch.get()[1];
        java.util.Arrays.fill(zr, 0);
        java.util.Arrays.fill(zi, 0);
        // IFFT(X + iY) with X, Y real and even: real part → x, imaginary part → y.
        for (int q = 0; q < half; q++) {
            zr[q] = x[q];
            zi[q] = y[q];
            if (q > 0 && q < k) {
                zr[nf - q] = x[q];
                zi[nf - q] = y[q];
            }
        }
        fft.inverseUnscaled(zr, zi);
        for (int i = 0; i < nf; i++) {
            cx[i] = zr[i] / nf;
            cy[i] = zi[i] / nf;
        }
    }

    /**
     * ∫ G(u) over the λ-bin [lo, lo + δ) of ε_β − ε_α from a lag correlation c(d) = h G(dh) (d mod 2K):
     * piecewise-linear (hat) interpolation in u = dh (the bins are many grid cells wide).
     */
    double binIntegral(double[] c, double lo, double delta, double a) {
        double[][] hats = binHats(lo, delta, a);
        double acc = 0;
        for (int i = 0; i < hats[0].length; i++) {
            acc += hats[1][i] * c[Math.floorMod((int) hats[0][i], nf)];
        }
        // c(d) = h G(dh): ∫ G over the bin = Σ_d c(d) ∫hat_d / h.
        return acc / h;
    }

    /** The lags d and the weights ∫hat_d of the bin [lo, lo + δ) (see {@link #binIntegral}), as {d[], w[]}. */
    private double[][] binHats(double lo, double delta, double a) {
        double from = lo / a;
        double to = (lo + delta) / a;
        int d0 = Math.max(-(k - 1), (int) Math.floor(from / h) - 1);
        int d1 = Math.min(k - 1, (int) Math.ceil(to / h) + 1);
        double[] lags = new double[d1 - d0 + 1];
        double[] weights = new double[lags.length];
        for (int d = d0; d <= d1; d++) {
            lags[d - d0] = d;
            weights[d - d0] = hatIntegral(d * h, from, to);
        }
        return new double[][] {lags, weights};
    }

    /**
     * β on κ = 0 … K such that Σ_κ β_κ x_κ is the bin integral of the lag correlation whose real, even half
     * spectrum is x ({@link #lagCorrelations} then {@link #binIntegral}): since c(d) = (1/2K)[x_0 + x_K cos πd
     * + 2 Σ_{0<κ<K} x_κ cos(2πκd/2K)], β_κ = c_κ/(2K·h) Σ_d ∫hat_d cos(2πκd/2K), c_κ = 1 at κ = 0, K, else 2.
     */
    double[] binSpectrum(double lo, double delta, double a) {
        double[][] hats = binHats(lo, delta, a);
        double[] beta = new double[half];
        for (int q = 0; q < half; q++) {
            double acc = 0;
            for (int i = 0; i < hats[0].length; i++) {
                acc += hats[1][i] * Math.cos(2 * Math.PI * q * hats[0][i] / nf);
            }
            beta[q] = (q == 0 || q == k ? 1 : 2) * acc / (nf * h);
        }
        return beta;
    }

    /** K: the power of two ≥ 2M (and ≥ 64). */
    public static int gridPoints(int moments) {
        return Math.max(64, Integer.highestOneBit(Math.max(1, 2 * moments - 1)) << 1);
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


    /** Runs body(from, to) on disjoint ranges covering [0, count), in parallel on the common pool. */
    static void parallel(int count, java.util.function.BiConsumer<Integer, Integer> body) {
        int chunks = Math.min(count, 4 * Math.max(1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1));
        java.util.stream.IntStream.range(0, chunks).parallel()
                .forEach(c -> body.accept((int) ((long) c * count / chunks), (int) ((long) (c + 1) * count / chunks)));
    }

    /** out = r·p elementwise; returns Σ r·p. */
    static double weighted(double[] r, double[] p, double[] out) {
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
    double[][] lorentzianSpectrum(double gamma, double u0) {
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


    /**
     * FFT of z = a + i·b (zero-padded), split by Hermitian symmetry: A_κ = (Z_κ + conj Z_{−κ})/2,
     * B_κ = (Z_κ − conj Z_{−κ})/(2i).
     */
    void pairSpectrum(double[] a, double[] b, double[] aRe, double[] aIm, double[] bRe, double[] bIm) {
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

    /**
     * Rows k0 … k0 + rows − 1 of the kernel-weighted Chebyshev basis on the grid, column-major
     * (out[i + rows·m]): the cell mass of T_m, h (2 − δ_m0) g_m T_m(x) / (π √(1 − x²)) (Weiße et al.,
     * Eq. (70)), by the Chebyshev recurrence in m. The density of moments μ is Σ_m of these times μ_m.
     */
    void basisRows(int k0, int rows, int m, double[] g, double[] out) {
        for (int i = 0; i < rows; i++) {
            double x = -1 + (k0 + i + 0.5) * h;
            double w = h / (Math.PI * Math.sqrt((1 - x) * (1 + x)));
            double tPrev = 1;
            double tCur = x;
            out[i] = w * g[0];
            if (m > 1) {
                out[i + rows] = 2 * w * g[1] * x;
            }
            for (int q = 2; q < m; q++) {
                double tNext = 2 * x * tCur - tPrev;
                out[i + rows * q] = 2 * w * g[q] * tNext;
                tPrev = tCur;
                tCur = tNext;
            }
        }
    }

    /** Cell masses r(k) = h ρ̃(x_k) of {@code count} moment rows (row-major count×M), one dgemm per chunk of grid rows. */
    double[][] densities(double[] moments, int count, int m, double[] g) {
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
                basisRows(k0, rows, m, g, row);
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

    static double sum(double[] x) {
        double acc = 0;
        for (double v : x) {
            acc += v;
        }
        return acc;
    }


    /** Delete-one jackknife standard error: √((n−1)/n Σ (θ_(i) − θ̄)²). */
    static double jackknife(double[] replicas) {
        int count = replicas.length;
        double mean = sum(replicas) / count;
        double var = 0;
        for (double v : replicas) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt((count - 1.0) / count * var);
    }
}
