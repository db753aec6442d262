package dnp.kpm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The FFT against the direct sum, for even and odd log2 n (with and without the final radix-2 pass). */
class FftTest {

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {2, 8, 64, 2048, 4096})
    void matchesDirectSum(int n) {
        Random random = new Random(n);
        double[] xr = new double[n];
        double[] xi = new double[n];
        for (int i = 0; i < n; i++) {
            xr[i] = random.nextGaussian();
            xi[i] = random.nextGaussian();
        }
        double[] re = xr.clone();
        double[] im = xi.clone();
        Fft fft = new Fft(n);
        fft.forward(re, im);
        for (int q = 0; q < n; q += Math.max(1, n / 64)) {
            double sr = 0;
            double si = 0;
            for (int i = 0; i < n; i++) {
                double angle = -2 * Math.PI * ((long) q * i % n) / n;
                sr += xr[i] * Math.cos(angle) - xi[i] * Math.sin(angle);
                si += xr[i] * Math.sin(angle) + xi[i] * Math.cos(angle);
            }
            assertEquals(sr, re[q], 1e-11 * n, "Re X_" + q);
            assertEquals(si, im[q], 1e-11 * n, "Im X_" + q);
        }
        fft.inverseUnscaled(re, im);
        for (int i = 0; i < n; i++) {
            assertEquals(xr[i], re[i] / n, 1e-13 * Math.sqrt(n), "round trip re " + i);
            assertEquals(xi[i], im[i] / n, 1e-13 * Math.sqrt(n), "round trip im " + i);
        }
    }
}
