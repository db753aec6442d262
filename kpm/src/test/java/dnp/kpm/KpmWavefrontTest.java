package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wavefront of {@link KpmEngine} (several steps per sweep, planes out of order, row groups shared
 * by two threads) gives exactly the moments of the plain step-by-step recursion, whatever the sweep
 * depth and thread count. L = 24 with B = 8 is above the size where the engine uses two threads.
 */
class KpmWavefrontTest {

    @ParameterizedTest(name = "{0} M={1}")
    @CsvSource({"PERIODIC, 41", "OPEN, 40"})
    void sameMomentsAsStepByStep(BoundaryCondition bc, int m) {
        RealizationInput input = Dense.input(24, bc, 6.5, Convention.SI);
        assertTrue((long) input.sites() * 8 >= KpmEngine.SMALL_STEP, "lattice large enough for two threads");
        int[] sites = {0, 1, 23, 24 * 24 * 12 + 24 * 5 + 7, 24 * 24 * 24 - 1, 5000, 9000, 13000, 77};
        int[] trace = {0, 3};
        KpmSettings base = new KpmSettings(m, sites.length, DampingKernel.JACKSON, 8, 1, 2, 1);
        double[] expected = stepByStep(input, sites, trace, m);
        for (int threads : new int[] {1, 2}) {
            for (int depth : new int[] {1, 3, 7, 0}) {
                KpmMoments mom = KpmEngine.compute(input, base.withThreads(threads).withSweepDepth(depth), sites,
                        trace);
                double[] got = Arrays.copyOf(mom.siteMoments(), expected.length);
                System.arraycopy(mom.traceMoments(), 0, got, mom.siteMoments().length, mom.traceMoments().length);
                assertArrayEquals(expected, got, "threads " + threads + ", depth " + depth);
            }
        }
    }

    /** μ of each column by r_{n+1} = 2H̃r_n − r_{n−1}, one whole-lattice {@link BlockStencil#apply} per step. */
    private static double[] stepByStep(RealizationInput input, int[] sites, int[] trace, int m) {
        KpmMoments start = KpmEngine.compute(input, new KpmSettings(2, sites.length, DampingKernel.JACKSON, 8, 1, 2),
                sites, trace);
        ScaledHamiltonian h = ScaledHamiltonian.of(input.lattice(), input.hopping(), input.disorder(),
                KpmSettings.MARGIN);
        int n = h.sites();
        int b = 8;
        int columns = sites.length + trace.length;
        double[] out = new double[columns * m];
        BlockStencil stencil = Stencils.preferred();
        for (int first = 0; first < columns; first += b) {
            int count = Math.min(b, columns - first);
            double[] x = new double[BlockStencil.length(h, b)];
            double[] y = new double[x.length];
            for (int c = 0; c < count; c++) {
                int col = first + c;
                if (col < sites.length) {
                    x[sites[col] * b + c] = 1.0;
                } else {
                    var random = new dnp.kernel.model.RandomStream(start.seed(), start.realization(),
                            KpmEngine.TRACE + trace[col - sites.length]);
                    for (int i = 0; i < n; i++) {
                        x[i * b + c] = (random.nextLong() & 1L) == 0 ? 1.0 : -1.0;
                    }
                }
            }
            double[] xx = new double[b];
            double[] xo = new double[b];
            stencil.apply(h, b, x, y, 1.0, false, xx, xo);
            double[] mu0 = xx.clone();
            double[] mu1 = xo.clone();
            for (int c = 0; c < count; c++) {
                out[(first + c) * m] = mu0[c];
                out[(first + c) * m + 1] = mu1[c];
            }
            double[] cur = y;
            double[] prev = x;
            for (int k = 1; 2 * k < m; k++) {
                Arrays.fill(xx, 0);
                Arrays.fill(xo, 0);
                stencil.apply(h, b, cur, prev, 2.0, true, xx, xo);
                for (int c = 0; c < count; c++) {
                    out[(first + c) * m + 2 * k] = 2 * xx[c] - mu0[c];
                    if (2 * k + 1 < m) {
                        out[(first + c) * m + 2 * k + 1] = 2 * xo[c] - mu1[c];
                    }
                }
                double[] t = cur;
                cur = prev;
                prev = t;
            }
        }
        // Trace moments are stored divided by N.
        for (int i = sites.length * m; i < out.length; i++) {
            out[i] /= n;
        }
        return out;
    }
}
