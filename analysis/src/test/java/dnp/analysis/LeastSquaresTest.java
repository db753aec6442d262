package dnp.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one least-squares home on cases whose answer is known. */
class LeastSquaresTest {

    /** Data on an exact cubic: the coefficients come back to rounding and χ² vanishes. */
    @Test
    void exactPolynomialIsRecovered() {
        double[] x = {-2, -1.3, -0.5, 0, 0.4, 1.1, 1.7, 2.5};
        double[] truth = {0.7, -1.2, 0.35, 0.08};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = truth[0] + x[i] * (truth[1] + x[i] * (truth[2] + x[i] * truth[3]));
        }
        LeastSquares.Solution s = LeastSquares.fit(LeastSquares.polynomialDesign(x, 3), y, null);
        assertNotNull(s);
        assertArrayEquals(truth, s.coefficients(), 1e-13);
        assertEquals(0, s.chi2(), 1e-25);
        assertEquals(4, s.dof());
    }

    /** Dependent or zero columns are refused (null), not solved into arbitrary numbers. */
    @Test
    void rankDeficiencyIsRefused() {
        double[][] dependent = {{1, 2, 3}, {2, 4, 1}, {3, 6, 0}, {4, 8, 2}};
        assertNull(LeastSquares.fit(dependent, new double[]{1, 2, 3, 4}, null), "column 2 = 2 × column 1");
        double[][] zero = {{1, 0}, {1, 0}, {1, 0}};
        assertNull(LeastSquares.fit(zero, new double[]{1, 2, 3}, null), "a zero column");
        assertNull(LeastSquares.fit(LeastSquares.polynomialDesign(new double[]{2, 2, 2, 2}, 1),
                new double[]{1, 2, 3, 4}, null), "a line through points of one x");
        assertTrue(Double.isNaN(LinearFit.of(new double[]{2, 2, 2}, new double[]{1, 2, 3}).slope()));
        assertThrows(IllegalArgumentException.class,
                () -> CriticalScaling.weightedLine(new double[]{1, 1, 1}, new double[]{1, 2, 3}, new double[]{1, 1, 1}));
    }

    /**
     * Weights: the weighted mean (one column of ones) is Σ y/σ² / Σ 1/σ² with variance 1/Σ σ⁻², χ² its
     * weighted scatter; and a weighted fit equals the unweighted fit of the rows divided by σ.
     */
    @Test
    void weightsEnterAsInverseVariances() {
        double[] y = {1.0, 2.0, 4.0};
        double[] sigma = {0.5, 1.0, 2.0};
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += 1 / (sigma[i] * sigma[i]);
            swy += y[i] / (sigma[i] * sigma[i]);
        }
        double mean = swy / sw;
        double chi2 = 0;
        for (int i = 0; i < y.length; i++) {
            chi2 += Math.pow((y[i] - mean) / sigma[i], 2);
        }
        LeastSquares.Solution s = LeastSquares.fit(new double[][]{{1}, {1}, {1}}, y, sigma);
        assertEquals(mean, s.coefficient(0), 1e-15);
        assertEquals(1 / sw, s.covariance()[0][0], 1e-15);
        assertEquals(chi2, s.chi2(), 1e-14);

        double[] x = {1, 2, 3, 4, 5};
        double[] yy = {1.1, 1.9, 3.2, 3.9, 5.3};
        double[] ss = {0.1, 0.2, 0.1, 0.4, 0.3};
        double[][] scaled = new double[5][];
        double[] scaledY = new double[5];
        for (int i = 0; i < 5; i++) {
            scaled[i] = new double[]{1 / ss[i], x[i] / ss[i]};
            scaledY[i] = yy[i] / ss[i];
        }
        assertArrayEquals(LeastSquares.fit(scaled, scaledY, null).coefficients(),
                LeastSquares.fit(LeastSquares.polynomialDesign(x, 1), yy, ss).coefficients(), 1e-13);
        CriticalScaling.Line line = CriticalScaling.weightedLine(x, yy, ss);
        assertEquals(LeastSquares.fit(LeastSquares.polynomialDesign(x, 1), yy, ss).coefficient(1), line.slope(), 1e-15);
    }

    /** An error that is zero, negative or not finite is refused, never replaced by a weight of 1. */
    @Test
    void nonPositiveErrorsAreRefused() {
        double[][] a = LeastSquares.polynomialDesign(new double[]{1, 2, 3}, 1);
        double[] y = {1, 2, 3};
        for (double bad : new double[]{0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> LeastSquares.fit(a, y, new double[]{1, bad, 1}),
                    "σ = " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.fit(a, new double[]{1, 2}, null));
    }
}
