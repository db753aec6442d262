package dnp.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The finite-size-scaling fitter on synthetic data drawn from a known scaling function. */
class FiniteSizeScalingTest {

    static final double XC = 16.53;
    static final double NU = 1.59;
    static final double Y = 2.5;
    static final int[] SIZES = {6, 8, 10, 12, 14, 16};
    static final int REALIZATIONS = 64;
    /** Noise of one realization's ⟨r⟩: σ/√64 = 1e-3 per point. */
    static final double NOISE = 0.008;
    /** c_ik of the true F (n_R = 3, n_I = 1): ⟨r⟩ from about 0.39 (insulating) to 0.53 (metallic). */
    static final double[][] C = {{0.46, -2.0}, {-0.005, 0.15}, {-1e-5, 0}, {3e-6, 0}};
    static final FiniteSizeScaling.Order TRUE_ORDER = new FiniteSizeScaling.Order(3, 1, 1, 0);

    static double[] grid() {
        double[] x = new double[11];
        for (int i = 0; i < x.length; i++) {
            x[i] = 14 + 0.5 * i;
        }
        return x;
    }

    static double truth(int size, double x) {
        double u = (x - XC) * Math.pow(size, 1 / NU);
        double v = Math.pow(size, -Y);
        double f0 = C[0][0] + u * (C[1][0] + u * (C[2][0] + u * C[3][0]));
        double f1 = C[0][1] + u * (C[1][1] + u * (C[2][1] + u * C[3][1]));
        return f0 + f1 * v;
    }

    /** Per size, values[realization][grid point]: the true ⟨r⟩ plus independent Gaussian noise. */
    static List<Crossings.Curve> synthetic(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = grid();
        List<Crossings.Curve> curves = new ArrayList<>();
        for (int size : SIZES) {
            double[][] values = new double[REALIZATIONS][x.length];
            for (int k = 0; k < REALIZATIONS; k++) {
                for (int i = 0; i < x.length; i++) {
                    values[k][i] = truth(size, x[i]) + NOISE * gaussian(random);
                }
            }
            curves.add(new Crossings.Curve(size, values));
        }
        return curves;
    }

    static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void recoversTheParametersOfNoiselessData() {
        double[] x = grid();
        List<Integer> size = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int l : SIZES) {
            for (double xi : x) {
                size.add(l);
                rows.add(new double[]{xi, truth(l, xi), 1e-3});
            }
        }
        FiniteSizeScaling.Data data = FiniteSizeScaling.Data.of(size.stream().mapToInt(Integer::intValue).toArray(),
                rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray(),
                rows.stream().mapToDouble(r -> r[2]).toArray());
        FiniteSizeScaling.Fit fit = FiniteSizeScaling.fit(data, TRUE_ORDER, 16);
        assertEquals(XC, fit.xc(), 1e-6);
        assertEquals(NU, fit.nu(), 1e-6);
        assertEquals(Y, fit.y(), 1e-5);
        assertEquals(0, fit.chi2(), 1e-8);
        assertEquals(66 - 11, fit.dof());
        assertEquals(C[1][1], fit.c()[1][1], 1e-7);
    }

    /**
     * 50 synthetic data sets (-Dfss.trials=N for more): the covariance interval x ± 1.96σ covers the
     * true x_c and ν in at least 90% of them (45 of 50), and the p-values average between 0.3 and 0.7.
     * Measured with 400 trials: x_c 371, ν 368, y 380 covered; mean p 0.459.
     */
    @Test
    void covarianceIntervalsCoverTheTruth() {
        int trials = Integer.getInteger("fss.trials", 50);
        int xcCovered = 0;
        int nuCovered = 0;
        int yCovered = 0;
        double pSum = 0;
        for (int t = 0; t < trials; t++) {
            FiniteSizeScaling fss = FiniteSizeScaling.of(grid(), synthetic(1000 + t));
            FiniteSizeScaling.Fit fit = fss.fit(TRUE_ORDER);
            assertTrue(fit.converged(), "trial " + t);
            xcCovered += Math.abs(fit.xc() - XC) <= 1.96 * fit.xcError() ? 1 : 0;
            nuCovered += Math.abs(fit.nu() - NU) <= 1.96 * fit.nuError() ? 1 : 0;
            yCovered += Math.abs(fit.y() - Y) <= 1.96 * fit.yError() ? 1 : 0;
            pSum += fit.pValue();
        }
        System.out.printf("covered in %d trials: x_c %d, nu %d, y %d; mean p %.3f%n", trials, xcCovered, nuCovered,
                yCovered, pSum / trials);
        assertTrue(xcCovered >= 0.9 * trials, "x_c covered in " + xcCovered + " of " + trials);
        assertTrue(nuCovered >= 0.9 * trials, "nu covered in " + nuCovered + " of " + trials);
        double meanP = pSum / trials;
        assertTrue(meanP > 0.3 && meanP < 0.7, "mean p = " + meanP);
    }
}
