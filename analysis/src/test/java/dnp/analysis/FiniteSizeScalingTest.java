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

    @Test
    void bootstrapIntervalsOnAFewDataSets() throws Exception {
        for (int t = 0; t < 3; t++) {
            FiniteSizeScaling fss = FiniteSizeScaling.of(grid(), synthetic(2000 + t));
            FiniteSizeScaling.Fit fit = fss.fit(TRUE_ORDER);
            FiniteSizeScaling.Bootstrap b = fss.bootstrap(fit, 150, 77 + t);
            System.out.printf("bootstrap %d: x_c %.4f [%.4f, %.4f] (covariance ±%.4f), nu %.3f [%.3f, %.3f] (±%.3f), "
                            + "y %.2f [%.2f, %.2f], failed %d%n", t, fit.xc(), b.xc().low(), b.xc().high(),
                    1.96 * fit.xcError(), fit.nu(), b.nu().low(), b.nu().high(), 1.96 * fit.nuError(), fit.y(),
                    b.y().low(), b.y().high(), b.failed());
            assertTrue(b.failed() <= 15, "failed refits: " + b.failed());
            assertEquals(150 - b.failed(), b.estimates().length);
            for (FiniteSizeScaling.Interval i : List.of(b.xc(), b.nu(), b.y())) {
                assertTrue(i.low() < i.estimate() && i.estimate() < i.high(), i.toString());
            }
            // Independent noise: the bootstrap width is of the order of the covariance interval's; it is
            // wider where the x_c–y valley of χ² is curved and skews the resampled x_c and ν.
            double ratio = (b.xc().high() - b.xc().low()) / (2 * 1.96 * fit.xcError());
            assertTrue(ratio > 0.5 && ratio < 3, "bootstrap / covariance width of x_c: " + ratio);
            ratio = (b.nu().high() - b.nu().low()) / (2 * 1.96 * fit.nuError());
            assertTrue(ratio > 0.5 && ratio < 3, "bootstrap / covariance width of nu: " + ratio);
            assertTrue(b.xc().low() < XC && XC < b.xc().high(), "x_c interval " + b.xc());
            assertTrue(b.nu().low() < NU && NU < b.nu().high(), "nu interval " + b.nu());
        }
    }

    @Test
    void bootstrapIsReproducibleAndIndependentOfThreads() throws Exception {
        FiniteSizeScaling fss = FiniteSizeScaling.of(grid(), synthetic(3000));
        FiniteSizeScaling.Fit fit = fss.fit(TRUE_ORDER);
        FiniteSizeScaling.Bootstrap parallel = fss.bootstrap(fit, 24, 5);
        FiniteSizeScaling.Bootstrap single;
        try (java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1)) {
            single = one.submit(() -> fss.bootstrap(fit, 24, 5)).get();
        }
        assertTrue(java.util.Arrays.deepEquals(parallel.estimates(), single.estimates()));
        assertEquals(parallel.xc(), single.xc());
        assertTrue(!java.util.Arrays.deepEquals(parallel.estimates(), fss.bootstrap(fit, 24, 6).estimates()));
    }

    /** Resamples keep whole realizations: a size whose realizations are all alike stays alike. */
    @Test
    void resamplesWholeRealizations() {
        double[] x = {1, 2, 3};
        double[][] values = {{1, 2, 3}, {1, 2, 3}, {5, 6, 7}};
        FiniteSizeScaling.Data d = FiniteSizeScaling.Data.of(x, List.of(new Crossings.Curve(4, values)),
                new int[][]{{2, 2, 0}});
        assertEquals(11.0 / 3, d.mean()[0], 1e-12);
        assertEquals(14.0 / 3, d.mean()[1], 1e-12);
        assertEquals(d.sem()[0], d.sem()[2], 1e-12);
    }

    @Test
    void tooFewPointsNameTheCounts() {
        double[] x = {15, 16, 17, 18};
        List<Crossings.Curve> curves = List.of(synthetic(1).get(0), synthetic(1).get(5)).stream()
                .map(c -> new Crossings.Curve(c.size(), java.util.Arrays.stream(c.values())
                        .map(r -> java.util.Arrays.copyOf(r, 4)).toArray(double[][]::new))).toList();
        FiniteSizeScaling fss = FiniteSizeScaling.of(x, curves);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fss.fit(TRUE_ORDER));
        assertTrue(e.getMessage().contains("8 points") && e.getMessage().contains("11 parameters")
                && e.getMessage().contains("3 nonlinear + 8 linear") && e.getMessage().contains("at least 12"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FiniteSizeScaling.Order(3, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FiniteSizeScaling.Order(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> FiniteSizeScaling.of(x, curves.subList(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> FiniteSizeScaling.of(new double[]{15, 16, 18, 17}, curves));
        assertThrows(IllegalArgumentException.class, () -> FiniteSizeScaling.of(grid(), curves));
        assertThrows(IllegalArgumentException.class, () -> fss.bootstrap(null, 0, 1));
    }

    /** Missing values (NaN) and single-realization points drop out of the fitted points. */
    @Test
    void missingValuesDropOut() {
        List<Crossings.Curve> curves = synthetic(4000);
        double[][] v = curves.get(0).values();
        for (double[] row : v) {
            row[3] = Double.NaN;
        }
        for (int k = 1; k < v.length; k++) {
            v[k][4] = Double.NaN;
        }
        v[0][5] = Double.NaN;
        FiniteSizeScaling fss = FiniteSizeScaling.of(grid(), curves);
        assertEquals(66 - 2, fss.data().points());
        FiniteSizeScaling.Fit fit = fss.fit(TRUE_ORDER);
        assertEquals(64 - 11, fit.dof());
        assertEquals(XC, fit.xc(), 4 * fit.xcError());
    }

    /** Orders without an irrelevant variable fail the synthetic data; the stable choice has one. */
    @Test
    void stableChoiceAmongOrders() {
        FiniteSizeScaling fss = FiniteSizeScaling.of(grid(), synthetic(5000));
        List<FiniteSizeScaling.Order> orders = List.of(new FiniteSizeScaling.Order(2, 0, 1, 0),
                new FiniteSizeScaling.Order(3, 0, 1, 0), new FiniteSizeScaling.Order(3, 0, 2, 0), TRUE_ORDER,
                new FiniteSizeScaling.Order(3, 1, 2, 0), new FiniteSizeScaling.Order(4, 1, 1, 0),
                new FiniteSizeScaling.Order(3, 1, 1, 1));
        FiniteSizeScaling.Selection s = fss.scan(orders);
        for (FiniteSizeScaling.Fit f : s.fits()) {
            System.out.printf("%s: chi2 %.1f dof %d p %.3g x_c %.3f ± %.3f nu %.3f ± %.3f%n", f.order(), f.chi2(),
                    f.dof(), f.pValue(), f.xc(), f.xcError(), f.nu(), f.nuError());
        }
        System.out.println(s.reason());
        assertEquals(orders.size(), s.fits().size());
        for (int i = 1; i < s.fits().size(); i++) {
            assertTrue(s.fits().get(i - 1).order().parameterCount() <= s.fits().get(i).order().parameterCount());
        }
        for (FiniteSizeScaling.Fit f : s.fits()) {
            if (f.order().irrelevant() == 0) {
                assertTrue(f.pValue() < 0.05, f.order() + " p = " + f.pValue());
            }
        }
        assertEquals(TRUE_ORDER, s.stable().order(), s.reason());
        assertEquals(orders.size(), ScalingTables.fitTable(s).size());
        assertTrue(ScalingTables.fitTable(s).text().contains(",true\n"));
    }

    @Test
    void collapseAndFittedCurves() {
        FiniteSizeScaling fss = FiniteSizeScaling.of(grid(), synthetic(6000));
        FiniteSizeScaling.Fit fit = fss.fit(TRUE_ORDER);
        List<FiniteSizeScaling.CollapsePoint> points = ScalingTables.collapse(fit, fss.data());
        assertEquals(66, points.size());
        double chi2 = 0;
        for (FiniteSizeScaling.CollapsePoint p : points) {
            // corrected − F(u, 0) is the residual of the fit: together they give back χ².
            chi2 += Math.pow((p.corrected() - p.relevant()) / p.sem(), 2);
            assertEquals(fit.scalingVariable(p.size(), p.x()), (p.x() - fit.xc()) * Math.pow(p.size(), 1 / fit.nu()),
                    1e-12);
        }
        assertEquals(fit.chi2(), chi2, 1e-6 * fit.chi2());
        double[][] curves = ScalingTables.fittedCurves(fit, SIZES, 14, 19, 101);
        for (int s = 0; s < SIZES.length; s++) {
            for (int i = 0; i < 101; i += 10) {
                assertEquals(truth(SIZES[s], 14 + 0.05 * i), curves[s][i], 5e-3);
            }
        }
        assertEquals(6 * 101, ScalingTables.fittedCurveTable(fit, SIZES, 14, 19, 101).size());
        assertEquals(66, ScalingTables.collapseTable(fit, fss.data()).size());
        assertEquals(3, ScalingTables.bootstrapTable(fss.bootstrap(fit, 8, 1)).size());
    }
}
