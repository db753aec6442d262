package dnp.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fits behind {@code dnp critical} on synthetic data with known exponents: the power law and its
 * range, the peak of C against t and its width, their intervals, and Student's t.
 */
class CriticalScalingTest {
    static final double[] OMEGA = CriticalScaling.logGrid(0.1, 10, 13);

    @Test
    void studentQuantilesMatchTables() {
        // Two-sided 95% quantiles from standard tables.
        assertEquals(12.7062, StudentT.quantile(0.975, 1), 1e-4);
        assertEquals(4.3027, StudentT.quantile(0.975, 2), 1e-4);
        assertEquals(3.1824, StudentT.quantile(0.975, 3), 1e-4);
        assertEquals(2.2281, StudentT.quantile(0.975, 10), 1e-4);
        assertEquals(-2.2281, StudentT.quantile(0.025, 10), 1e-4);
        assertEquals(0.5, StudentT.cdf(0, 7), 1e-15);
        // dof = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
        assertEquals(0.5 + Math.atan(2.5) / Math.PI, StudentT.cdf(2.5, 1), 1e-12);
        assertEquals(CriticalScaling.NORMAL_975, StudentT.quantile(0.975, 100_000), 1e-4);
    }

    @Test
    void logGridSpansTheRangeEvenlyInLog() {
        assertArrayEquals(new double[]{0.1, 0.1468, 0.2154, 0.3162, 0.4642, 0.6813, 1, 1.468, 2.154, 3.162, 4.642,
                6.813, 10}, OMEGA, 0);
    }

    @Test
    void anExactPowerLawIsRecoveredExactly() {
        double[] c = new double[OMEGA.length];
        double[] e = new double[OMEGA.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 3.2 * Math.pow(OMEGA[i], -0.58);
            e[i] = 0.02 * c[i];
        }
        CriticalScaling.PowerLaw f = CriticalScaling.powerLaw(OMEGA, c, e, 0, 100);
        assertEquals(-0.58, f.slope(), 1e-12);
        assertEquals(3.2, f.at(1), 1e-12);
        assertEquals(0, f.line().chi2(), 1e-18);
        assertEquals(13, f.points());
        // σ of the slope with known errors: √(S/Δ) of the weighted normal equations.
        double s = 0;
        double sx = 0;
        double sxx = 0;
        for (double w : OMEGA) {
            double x = Math.log(w);
            s += 1 / 4e-4;
            sx += x / 4e-4;
            sxx += x * x / 4e-4;
        }
        assertEquals(Math.sqrt(s / (s * sxx - sx * sx)), f.line().slopeError(), 1e-15);
    }

    /** C of Eq. 33 with a floor below (saturation, as below the resolution) and a steeper fall above. */
    static double[] bentPowerLaw(double mu, double floor, double knee) {
        double[] c = new double[OMEGA.length];
        for (int i = 0; i < c.length; i++) {
            double w = Math.max(OMEGA[i], floor);
            c[i] = Math.pow(w, -mu) * (w > knee ? Math.pow(knee / w, 1.4) : 1);
        }
        return c;
    }

    @Test
    void theRangeSelectionStopsWhereThePowerLawBends() {
        SplittableRandom random = new SplittableRandom(7);
        double mu = 0.57;
        double[] c = bentPowerLaw(mu, 0.2, 3.5);
        double[] e = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            e[i] = 0.01 * c[i];
            c[i] *= 1 + 0.01 * gaussian(random);
        }
        CriticalScaling.PowerLaw f = CriticalScaling.selectRange(OMEGA, c, e, 0.3, 100, 4);
        assertNotNull(f);
        assertTrue(f.acceptable(), "p = " + f.line().pValue());
        assertTrue(f.fitHigh() <= 3.5 && f.fitLow() >= 0.3, "range " + f.fitLow() + "–" + f.fitHigh());
        assertTrue(f.points() >= 5, "the whole straight stretch is used: " + f.points());
        assertTrue(-f.line().slopeHigh() <= mu && mu <= -f.line().slopeLow(),
                "μ = " + (-f.slope()) + " interval " + (-f.line().slopeHigh()) + "–" + (-f.line().slopeLow()));
        // The whole grid, bends included, is rejected by its χ².
        assertFalse(CriticalScaling.powerLaw(OMEGA, c, e, 0, 100).acceptable());
    }

    @Test
    void theIntervalOfTheExponentCoversTheTruthNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(11);
        int trials = 1000;
        int covered = 0;
        double mu = 0.6;
        for (int trial = 0; trial < trials; trial++) {
            double[] c = new double[8];
            double[] e = new double[8];
            double[] w = java.util.Arrays.copyOfRange(OMEGA, 4, 12);
            for (int i = 0; i < c.length; i++) {
                double sigma = 0.02 + 0.01 * i;
                c[i] = 2 * Math.pow(w[i], -mu) * Math.exp(sigma * gaussian(random));
                e[i] = sigma * c[i];
            }
            CriticalScaling.Line line = CriticalScaling.powerLaw(w, c, e, 0, 100).line();
            if (line.slopeLow() <= -mu && -mu <= line.slopeHigh()) {
                covered++;
            }
        }
        double rate = (double) covered / trials;
        // Binomial standard deviation at 95% and 1000 trials: 0.007.
        assertTrue(rate > 0.93 && rate < 0.985, "coverage " + rate);
    }

    /** C(ω_n, t) = ω_n^(−μ) exp(−(t − t_0)²/(2 s² ω_n^(2κ))): a scaling form with width s ω_n^κ. */
    static double scalingForm(double omega, double t, double mu, double t0, double s, double kappa) {
        double width = s * Math.pow(omega, kappa);
        return Math.pow(omega, -mu) * Math.exp(-(t - t0) * (t - t0) / (2 * width * width));
    }

    static final double[] T = {4.5, 5.5, 6, 6.5, 7, 8, 9};

    @Test
    void aGaussianPeakGivesItsCentreAndWidthExactly() {
        double t0 = 108 / Literature.CRITICAL_RATIO;
        for (double omega : OMEGA) {
            double[] c = new double[T.length];
            double[] e = new double[T.length];
            for (int i = 0; i < T.length; i++) {
                c[i] = scalingForm(omega, T[i], 0.57, t0, 1.2, 0.21);
                e[i] = 0.03 * c[i];
            }
            CriticalScaling.Peak p = CriticalScaling.peak(omega, T, c, e, 2);
            assertTrue(p.bracketed());
            assertEquals(5, p.points());
            assertEquals(t0, p.tPeak(), 1e-9);
            assertEquals(1.2 * Math.pow(omega, 0.21), p.width(), 1e-9);
            assertTrue(p.widthError() > 0 && p.tPeakError() > 0);
        }
    }

    @Test
    void aMaximumAtTheEndOfTheGridHasNoWidth() {
        double[] c = {5, 4, 3, 2, 1.5, 1.2, 1};
        double[] e = new double[c.length];
        java.util.Arrays.fill(e, 0.05);
        CriticalScaling.Peak p = CriticalScaling.peak(1, T, c, e, 2);
        assertFalse(p.bracketed());
        assertTrue(Double.isNaN(p.width()));
    }

    @Test
    void theWidthExponentIsRecoveredWithAnIntervalThatCoversIt() {
        double kappa = 1 / (3 * Literature.CRITICAL_NU);
        double t0 = 108 / Literature.CRITICAL_RATIO;
        SplittableRandom random = new SplittableRandom(3);
        int trials = 300;
        int covered = 0;
        double sum = 0;
        for (int trial = 0; trial < trials; trial++) {
            List<CriticalScaling.Peak> peaks = new ArrayList<>();
            for (double omega : OMEGA) {
                double[] c = new double[T.length];
                double[] e = new double[T.length];
                for (int i = 0; i < T.length; i++) {
                    e[i] = 0.01 * scalingForm(omega, T[i], 0.57, t0, 1.2, kappa);
                    c[i] = scalingForm(omega, T[i], 0.57, t0, 1.2, kappa) + e[i] * gaussian(random);
                }
                peaks.add(CriticalScaling.peak(omega, T, c, e, 2));
            }
            CriticalScaling.PowerLaw law = CriticalScaling.widthLaw(peaks, 0.3, 100);
            assertEquals(10, law.points(), "ω_n ≥ 0.3 only");
            sum += law.slope();
            if (law.line().slopeLow() <= kappa && kappa <= law.line().slopeHigh()) {
                covered++;
            }
        }
        assertEquals(kappa, sum / trials, 0.01, "mean width exponent");
        double rate = (double) covered / trials;
        assertTrue(rate > 0.9 && rate < 0.99, "coverage " + rate);
    }

    /**
     * Points of the fit window that cannot enter a fit are counted, not dropped in silence: a C with a zero
     * error and a negative C in the μ window, and a peak that the t grid does not bracket in the width window.
     */
    @Test
    void pointsLeftOutOfAFitAreCounted() {
        double[] omega = {0.5, 1, 2, 4, 8, 16};
        double[] c = new double[omega.length];
        double[] e = new double[omega.length];
        for (int i = 0; i < omega.length; i++) {
            c[i] = 3 * Math.pow(omega[i], -0.6);
            e[i] = 0.02 * c[i];
        }
        e[2] = 0;
        c[4] = -1;
        CriticalScaling.PowerLaw law = CriticalScaling.selectRange(omega, c, e, 0.4, 20, 3);
        assertEquals(2, law.excluded());
        assertEquals(4, law.points());
        assertEquals(2, CriticalScaling.powerLaw(omega, c, e, 0.4, 20).excluded());
        assertEquals(1, CriticalScaling.powerLaw(omega, c, e, 0.4, 5).excluded(), "only the window counts");

        List<CriticalScaling.Peak> peaks = new ArrayList<>();
        for (int i = 0; i < omega.length; i++) {
            boolean bracketed = i != 1;
            peaks.add(new CriticalScaling.Peak(omega[i], 6, 0.01, bracketed ? 0.2 * Math.pow(omega[i], 0.2) : Double.NaN,
                    0.004, 1, bracketed, bracketed ? 5 : 0));
        }
        CriticalScaling.PowerLaw width = CriticalScaling.widthLaw(peaks, 0.4, 20);
        assertEquals(5, width.points());
        assertEquals(1, width.excluded(), "the peak that was not bracketed");
        assertEquals(1, CriticalAnalysis.fit(width, false, null).excluded());
    }

    @Test
    void realizationsAreAveragedBeforeTheRatio() {
        CriticalScaling.Point one = CriticalScaling.aggregate(32, 6.5, 1, new double[]{2}, new double[]{0.1},
                new double[]{0.5});
        assertEquals(4, one.c(), 1e-15);
        assertEquals(0.2, one.cError(), 1e-15);
        CriticalScaling.Point two = CriticalScaling.aggregate(32, 6.5, 1, new double[]{2, 4}, new double[]{0.3, 0.4},
                new double[]{0.5, 0.5});
        assertEquals(6, two.c(), 1e-15);
        assertEquals(0.25, two.kError(), 1e-15, "√(0.09 + 0.16)/2");
        // Three realizations far apart: their standard error exceeds the propagated site errors.
        CriticalScaling.Point three = CriticalScaling.aggregate(32, 6.5, 1, new double[]{1, 2, 3},
                new double[]{0.01, 0.01, 0.01}, new double[]{1, 1, 1});
        assertEquals(Stats.of(new double[]{1, 2, 3}).sem(), three.kError(), 1e-15);
    }

    @Test
    void theFloorIsSetByResolutionOrSpacing() {
        assertEquals(0.5, CriticalScaling.resolvedFloor(0.1, 0.006), 1e-15);
        assertEquals(0.8, CriticalScaling.resolvedFloor(0.1, 0.08), 1e-15);
        assertEquals(6.5, CriticalScaling.closest(T, 108 / Literature.CRITICAL_RATIO));
    }

    static double gaussian(SplittableRandom random) {
        // Box–Muller.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
