package dnp.kpm;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two length, on separate real and
 * imaginary arrays: forward X_κ = Σ_k x_k e^{−2πiκk/n}; inverse without the 1/n factor.
 */
final class Fft {
    /** Lanes of the Vector API passes on the provider's Panama path, else 0 (scalar loops only). */
    private static final int VECTOR_LANES =
            dnp.kernel.vector.VectorizationProvider.getInstance().usesVectorApi() ? PanamaFft.LANES : 0;
    private final int n;
    private final int[] reverse;
    private final double[] cos;
    private final double[] sin;
    // Twiddles by stage, contiguous: for butterflies of half-length h, entry h + k (k < h) holds
    // e^{∓2πik/(2h)} = cos[k·n/(2h)], ∓sin[k·n/(2h)] (forward −, inverse +), copied from the tables above.
    private final double[] stageCos;
    private final double[] stageSinForward;
    private final double[] stageSinInverse;

    Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two ≥ 2, got " + n);
        }
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        reverse = new int[n];
        for (int i = 0; i < n; i++) {
            reverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            double angle = 2 * Math.PI * k / n;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        stageCos = new double[n];
        stageSinForward = new double[n];
        stageSinInverse = new double[n];
        for (int h = 1; h < n; h <<= 1) {
            int step = n / (2 * h);
            for (int k = 0; k < h; k++) {
                stageCos[h + k] = cos[k * step];
                stageSinForward[h + k] = -sin[k * step];
                stageSinInverse[h + k] = sin[k * step];
            }
        }
    }

    int length() {
        return n;
    }

    void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    void inverseUnscaled(double[] re, double[] im) {
        transform(re, im, +1);
    }

    private void transform(double[] re, double[] im, int sign) {
        double[] tc = stageCos;
        double[] ts = sign < 0 ? stageSinForward : stageSinInverse;
        for (int i = 0; i < n; i++) {
            int j = reverse[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        // Radix-2 stages fused in pairs (radix 2²): each pass loads and stores every element once for two
        // stages, with the same twiddles and the same operations in the same order as two radix-2
        // passes, so the result is identical to the plain radix-2 transform.
        int len = 2;
        for (; 2 * len <= n; len <<= 2) {
            int h = len >> 1;          // first stage: butterflies (p, p + h) of blocks of len
            if (VECTOR_LANES > 0 && h % VECTOR_LANES == 0) {
                PanamaFft.fusedPass(re, im, tc, ts, n, len);
                continue;
            }
            for (int start = 0; start < n; start += 2 * len) {
                for (int k = 0; k < h; k++) {
                    int p0 = start + k;
                    int p1 = p0 + h;
                    int p2 = p0 + len;
                    int p3 = p2 + h;
                    double wr = tc[h + k];
                    double wi = ts[h + k];
                    // stage 1 on (p0, p1) and (p2, p3)
                    double tr = re[p1] * wr - im[p1] * wi;
                    double ti = re[p1] * wi + im[p1] * wr;
                    double a0r = re[p0] + tr, a0i = im[p0] + ti;
                    double a1r = re[p0] - tr, a1i = im[p0] - ti;
                    tr = re[p3] * wr - im[p3] * wi;
                    ti = re[p3] * wi + im[p3] * wr;
                    double a2r = re[p2] + tr, a2i = im[p2] + ti;
                    double a3r = re[p2] - tr, a3i = im[p2] - ti;
                    // stage 2 on (p0, p2) with twiddle index k and (p1, p3) with k + h
                    double vr = tc[len + k];
                    double vi = ts[len + k];
                    tr = a2r * vr - a2i * vi;
                    ti = a2r * vi + a2i * vr;
                    re[p2] = a0r - tr;
                    im[p2] = a0i - ti;
                    re[p0] = a0r + tr;
                    im[p0] = a0i + ti;
                    double ur = tc[len + k + h];
                    double ui = ts[len + k + h];
                    tr = a3r * ur - a3i * ui;
                    ti = a3r * ui + a3i * ur;
                    re[p3] = a1r - tr;
                    im[p3] = a1i - ti;
                    re[p1] = a1r + tr;
                    im[p1] = a1i + ti;
                }
            }
        }
        if (len <= n) { // one radix-2 stage left when log2 n is odd
            int half = len >> 1;
            if (VECTOR_LANES > 0 && half % VECTOR_LANES == 0) {
                PanamaFft.radix2Pass(re, im, tc, ts, n, half);
                return;
            }
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = tc[half + k];
                    double wi = ts[half + k];
                    int p = start + k;
                    int q = p + half;
                    double tr = re[q] * wr - im[q] * wi;
                    double ti = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }
}
