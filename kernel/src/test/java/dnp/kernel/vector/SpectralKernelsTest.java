package dnp.kernel.vector;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every routine, run over every implementation, against a plain double loop. */
class SpectralKernelsTest {
    static final List<SpectralKernels> IMPLEMENTATIONS = List.of(new ScalarSpectralKernels(), new PanamaSpectralKernels());
    static final int[] LENGTHS = {0, 1, 3, 7, 8, 9, 31, 64, 125, 1000};

    static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }

    @Test
    void sumAndDot() {
        for (SpectralKernels k : IMPLEMENTATIONS) {
            for (int n : LENGTHS) {
                double[] a = random(n, n);
                double[] b = random(n, n + 1);
                double sum = 0;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    sum += a[i];
                    dot += a[i] * b[i];
                }
                assertEquals(sum, k.sum(a, 0, n), 1e-13 * Math.max(1, n), k.name() + " sum n=" + n);
                assertEquals(dot, k.dot(a, b, n), 1e-13 * Math.max(1, n), k.name() + " dot n=" + n);
                if (n > 4) {
                    double part = 0;
                    for (int i = 2; i < n - 1; i++) {
                        part += a[i];
                    }
                    assertEquals(part, k.sum(a, 2, n - 1), 1e-13 * n, k.name() + " sub-range sum n=" + n);
                }
            }
        }
    }

    @Test
    void lorentzianAndDot2() {
        for (SpectralKernels k : IMPLEMENTATIONS) {
            for (int n : LENGTHS) {
                double[] o = random(n, 3 * n);
                double[] lambda = random(n, 3 * n + 1);
                double[] p = random(n, 3 * n + 2);
                double[] lorentz = new double[n];
                double[] weighted = new double[n];
                double[] sums = new double[2];
                k.lorentzian(o, lambda, n, 0.3, 39.4, lorentz, weighted, sums);
                double so = 0;
                double sl = 0;
                for (int i = 0; i < n; i++) {
                    double d = 0.3 - lambda[i];
                    double l = 1 / (1 + 39.4 * d * d);
                    assertEquals(l, lorentz[i], 1e-15, k.name());
                    assertEquals(o[i] * l, weighted[i], 1e-15, k.name());
                    so += o[i] * l;
                    sl += l;
                }
                assertEquals(so, sums[0], 1e-13 * Math.max(1, n), k.name());
                assertEquals(sl, sums[1], 1e-13 * Math.max(1, n), k.name());
                double[] out = new double[2];
                k.dot2(weighted, lorentz, p, n, out);
                double sa = 0;
                double sb = 0;
                for (int i = 0; i < n; i++) {
                    sa += weighted[i] * p[i];
                    sb += lorentz[i] * p[i];
                }
                assertEquals(sa, out[0], 1e-13 * Math.max(1, n), k.name());
                assertEquals(sb, out[1], 1e-13 * Math.max(1, n), k.name());
            }
        }
    }

    @Test
    void squareInPlace() {
        for (SpectralKernels k : IMPLEMENTATIONS) {
            for (int n : LENGTHS) {
                double[] a = random(n, 5 * n);
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
