package dnp.kernel.vector;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every routine, run over every implementation, against a plain loop, on ranges of many lengths and offsets. */
class SpectralKernelsTest {
    static final List<SpectralKernels> IMPLEMENTATIONS = List.of(new ScalarSpectralKernels(), new PanamaSpectralKernels());
    static final int[][] RANGES = {{0, 0}, {0, 1}, {2, 5}, {0, 8}, {1, 9}, {3, 34}, {0, 64}, {5, 125}, {17, 1000}};

    static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }

    static void close(double expected, double actual, int n, String what) {
        assertEquals(expected, actual, 1e-13 * Math.max(1, n) * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void sumAndDot() {
        for (SpectralKernels k : IMPLEMENTATIONS) {
            for (int[] r : RANGES) {
                double[] a = random(1000, r[1]);
                double[] b = random(1000, r[1] + 1);
                double sum = 0;
                double dot = 0;
                for (int i = r[0]; i < r[1]; i++) {
                    sum += a[i];
                    dot += a[i] * b[i];
                }
                close(sum, k.sum(a, r[0], r[1]), r[1], k.name() + " sum");
                close(dot, k.dot(a, b, r[0], r[1]), r[1], k.name() + " dot");
            }
        }
    }

    @Test
    void pairLorentzianAndDot4() {
        for (SpectralKernels k : IMPLEMENTATIONS) {
            for (int[] r : RANGES) {
                int n = 1000;
                double[] o = random(n, 3L * r[1]);
                double[] lambda = random(n, 3L * r[1] + 1);
                double[] p = random(n, 3L * r[1] + 2);
                double[][] out = new double[4][n];
                double[] sums = new double[4];
                double lambdaBeta = 0.2;
                double omega = 0.7;
                double tau2 = 39.4;
                k.pairLorentzian(o, lambda, r[0], r[1], lambdaBeta, omega, tau2, out[0], out[1], out[2], out[3], sums);
                double[] expectedSums = new double[4];
                double[] expectedDots = new double[4];
                for (int i = r[0]; i < r[1]; i++) {
                    double d = lambda[i] - lambdaBeta;
                    double lm = 1 / (1 + tau2 * (omega - d) * (omega - d));
                    double lp = 1 / (1 + tau2 * (omega + d) * (omega + d));
                    double[] expected = {o[i] * (lm + lp), o[i] * (lm - lp), lm + lp, lm - lp};
                    for (int c = 0; c < 4; c++) {
                        assertEquals(expected[c], out[c][i], 1e-15, k.name() + " element " + c);
                        expectedSums[c] += expected[c];
                        expectedDots[c] += expected[c] * p[i];
                    }
                }
                double[] dots = new double[4];
                k.dot4(out[0], out[1], out[2], out[3], p, r[0], r[1], dots);
                for (int c = 0; c < 4; c++) {
                    close(expectedSums[c], sums[c], r[1], k.name() + " sum " + c);
                    close(expectedDots[c], dots[c], r[1], k.name() + " dot4 " + c);
                }
            }
        }
    }

    @Test
    void squareInPlace() {
        for (SpectralKernels k : IMPLEMENTATIONS) {
            for (int[] r : RANGES) {
                int n = r[1];
                double[] a = random(n, 5L * n);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment s = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(1, n));
                    MemorySegment.copy(a, 0, s, ValueLayout.JAVA_DOUBLE, 0, n);
                    k.square(s, n);
                    for (int i = 0; i < n; i++) {
                        assertEquals(a[i] * a[i], s.getAtIndex(ValueLayout.JAVA_DOUBLE, i), k.name());
                    }
                }
            }
        }
    }

    /** Fails when the SIMD path silently fell back to the scalar loops. */
    @Test
    void vectorPathIsUsedUnlessScalarWasAskedFor() {
        String name = VectorizationProvider.kernels().name();
        if (VectorizationProvider.scalarRequested()) {
            assertEquals("scalar", name);
        } else {
            assertTrue(name.startsWith("panama"), "expected the Vector API kernels, got " + name);
        }
    }
}
