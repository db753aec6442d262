package dnp.kpm;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two length, on separate real and
 * imaginary arrays: forward X_κ = Σ_k x_k e^{−2πiκk/n}; inverse without the 1/n factor.
 */
final class Fft {
    private final int n;
    private final int[] reverse;
    private final double[] cos;
    private final double[] sin;

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
        for (int i = 0; i < n; i++) {
            int j = reverse[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
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
