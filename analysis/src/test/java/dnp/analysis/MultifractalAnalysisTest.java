package dnp.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** D_2 and μ recovered from synthetic data with known exponents. */
class MultifractalAnalysisTest {
    private static final int[] SIZES = {6, 8, 10, 12, 14};
    private static final MultifractalAnalysis.Bins BINS = new MultifractalAnalysis.Bins(0.1, 10, 60);
    private static final double HOPPING = 6.5;

    /** I_2 = A L^(−D) exp(b L^(−y)) times a factor per realization that is the same at every size. */
    private static List<MultifractalAnalysis.SizeData> ipr(double d, double b, double y, double typicalShift,
                                                           double muExponent, double spacingScale) {
        double[] factors = {0.8, 1.1, 0.95, 1.15, 1.0, 0.9, 1.05, 1.05};
        List<MultifractalAnalysis.SizeData> out = new ArrayList<>();
        for (int size : SIZES) {
            int r = factors.length;
            double[] ipr = new double[r];
            double[] log = new double[r];
            double[] spacing = new double[r];
            double[][] sums = new double[r][BINS.count()];
            long[][] counts = new long[r][BINS.count()];
            double exact = 0.7 * Math.pow(size, -d) * Math.exp(b * Math.pow(size, -y));
            for (int k = 0; k < r; k++) {
                ipr[k] = exact * factors[k];
                // The typical average has its own exponent D + typicalShift.
                log[k] = Math.log(exact * Math.pow(size, -typicalShift)) + Math.log(factors[k]);
                spacing[k] = spacingScale / Math.pow(size, 3);
                for (int bin = 0; bin < BINS.count(); bin++) {
                    counts[k][bin] = 10 + bin;
                    // C(x) = 2 x^(−μ) in every realization, so the pooled ratio is exact.
                    sums[k][bin] = counts[k][bin] * 2 * Math.pow(BINS.centre(bin), -muExponent);
                }
            }
            out.add(new MultifractalAnalysis.SizeData(size, ipr, log, spacing, sums, counts));
        }
        return out;
    }

    private static MultifractalAnalysis analyse(List<MultifractalAnalysis.SizeData> data, double... exponents) {
        return MultifractalAnalysis.of(data, BINS, new MultifractalAnalysis.Settings(HOPPING, 4, 0.25,
                new double[]{1, 4}, new double[]{0.25, 1}, exponents, 200, 7));
    }

    @Test
    void aPurePowerLawGivesItsExponentFromEveryEstimate() {
        var a = analyse(ipr(1.3, 0, 1, 0.2, 0.55, 20), 1, 2);
        for (var d : a.d2()) {
            double expected = d.average() == MultifractalAnalysis.Average.MEAN ? 1.3 : 1.5;
            assertEquals(expected, d.plain().value(), 1e-12, d.average() + " plain");
            for (var l : d.localSlopes()) {
                assertEquals(expected, l.d2().value(), 1e-12, "local slope " + l.smaller() + "-" + l.larger());
            }
            for (var c : d.corrected()) {
                assertEquals(expected, c.d2().value(), 1e-9, "corrected y = " + c.y());
                assertEquals(0, c.amplitude(), 1e-8);
            }
            // A realization factor common to all sizes cancels in every slope but still moves the
            // resampled means; the interval must hold the value.
            assertTrue(d.plain().low() <= d.plain().value() + 1e-12 && d.plain().value() <= d.plain().high() + 1e-12);
        }
        assertEquals(5, a.d2(MultifractalAnalysis.Average.MEAN).localSlopes().size() + 1);
    }

    @Test
    void theCorrectionTermRemovesAKnownFiniteSizeCorrection() {
        var a = analyse(ipr(1.3, 2.0, 2, 0, 0.55, 20), 2, 1);
        var mean = a.d2(MultifractalAnalysis.Average.MEAN);
        assertNotEquals(1.3, mean.plain().value(), 0.01, "a plain line is biased by the correction");
        double previous = Double.NaN;
        for (var l : mean.localSlopes()) {
            // Local slopes approach D_2 as L grows: D_2(L) − D_2 ∝ L^(−y) here with b > 0, y = 2.
            assertTrue(Double.isNaN(previous) || Math.abs(l.d2().value() - 1.3) < Math.abs(previous - 1.3));
            previous = l.d2().value();
        }
        var right = mean.corrected().getFirst();
        assertEquals(2, right.y());
        assertEquals(1.3, right.d2().value(), 1e-9, "the right y recovers D_2");
        assertEquals(2.0, right.amplitude(), 1e-7);
        assertEquals(0, right.chi2(), 1e-12);
        assertEquals(2, right.dof());
        var wrong = mean.corrected().get(1);
        assertTrue(wrong.chi2() > 0 && Math.abs(wrong.d2().value() - 1.3) > 1e-6, "a wrong y does not fit exactly");
    }

    @Test
    void muIsTheSlopeOfTheOverlapFunctionInsideTheRange() {
        var a = analyse(ipr(1.3, 0, 1, 0, 0.57, 20), 1);
        for (var m : a.mu()) {
            assertEquals(0.57, m.mu().value(), 1e-12, "L = " + m.size());
            assertEquals(0.57, m.mu().low(), 1e-12, "no scatter between realizations, no width");
        }
        for (var m : a.muRanges()) {
            assertEquals(0.57, m.mu().value(), 1e-12);
        }
        // The range [4 Δ_L, 0.25·2t] in x = ω/Δ_L: Δ_L = 20/L³, so x runs from 4 to 0.25·13·L³/20.
        int last = SIZES.length - 1;
        double spacing = 20 / Math.pow(SIZES[last], 3);
        assertEquals(spacing, a.meanSpacing(last), 1e-15);
        double xHigh = 0.25 * 2 * HOPPING / spacing;
        int expected = 0;
        for (int k = 0; k < BINS.count(); k++) {
            if (BINS.centre(k) >= 4 && BINS.centre(k) <= xHigh) {
                expected++;
            }
        }
        assertEquals(expected, a.muLargest().bins());
        assertEquals(4 * spacing, a.muLargest().omegaLow(), 1e-15);
        assertEquals(0.25 * 2 * HOPPING, a.muLargest().omegaHigh(), 1e-15);
        assertEquals(SIZES.length * 4, a.muRanges().size());
    }

    @Test
    void noisyOverlapsGiveAnIntervalAroundTheValue() {
        SplittableRandom random = new SplittableRandom(3);
        List<MultifractalAnalysis.SizeData> data = new ArrayList<>();
        for (var d : ipr(1.3, 0, 1, 0, 0.5, 20)) {
            double[][] sums = new double[d.pairSums().length][];
            for (int r = 0; r < sums.length; r++) {
                sums[r] = d.pairSums()[r].clone();
                for (int k = 0; k < sums[r].length; k++) {
                    sums[r][k] *= Math.exp(0.3 * (random.nextDouble() - 0.5));
                }
            }
            data.add(new MultifractalAnalysis.SizeData(d.size(), d.ipr(), d.logIpr(), d.spacing(), sums,
                    d.pairCounts()));
        }
        var mu = analyse(data, 1).muLargest().mu();
        assertTrue(mu.low() < mu.value() && mu.value() < mu.high(), mu.toString());
        assertTrue(mu.low() < 0.5 && 0.5 < mu.high(), "the exact exponent lies in the 95% interval: " + mu);
    }

    /**
     * A size whose realizations all have the same I_2 has no standard error: the corrected fit is refused
     * and says why (it used to weigh that size by 1), every resample of it counts as failed, and the
     * estimates that do not need the weight are unaffected.
     */
    @Test
    void aSizeWithoutAnErrorIsRefusedNotWeightedByOne() {
        List<MultifractalAnalysis.SizeData> data = new ArrayList<>(ipr(1.3, 0, 1, 0.2, 0.55, 20));
        MultifractalAnalysis.SizeData first = data.getFirst();
        double[] same = new double[first.ipr().length];
        java.util.Arrays.fill(same, first.ipr()[0]);
        double[] sameLog = new double[same.length];
        java.util.Arrays.fill(sameLog, Math.log(first.ipr()[0]));
        data.set(0, new MultifractalAnalysis.SizeData(first.size(), same, sameLog, first.spacing(), first.pairSums(),
                first.pairCounts()));
        var a = analyse(data, 2);
        for (var d : a.d2()) {
            var c = d.corrected().getFirst();
            assertTrue(c.refused() != null && c.refused().contains("L = 6"), String.valueOf(c.refused()));
            assertTrue(Double.isNaN(c.d2().value()));
            assertEquals(200, c.d2().failed(), "every resample of a refused fit is counted");
            assertTrue(Double.isFinite(d.plain().value()));
            assertEquals(0, d.plain().failed());
        }
        var fits = a.fits(16.5, 0.1, 0.2, null);
        assertEquals(200, fits.bootstrap());
        var corrected = fits.d2().getFirst().corrected().getFirst();
        assertEquals(200, corrected.bootstrapFailed());
        assertTrue(corrected.refused().contains("standard error"));
    }
}
