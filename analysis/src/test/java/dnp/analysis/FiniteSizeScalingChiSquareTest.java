package dnp.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The χ² p-value behind the goodness of fit of the finite-size-scaling fits. */
class FiniteSizeScalingChiSquareTest {

    private static final MathContext MC = new MathContext(80);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899");

    @Test
    void closedForms() {
        assertEquals(Math.exp(-1), ChiSquare.regularizedGammaQ(1, 1), 1e-15);
        // Q(n, x) = e^(−x) Σ_{k<n} x^k/k! for integer n: Q(5, 5) is χ² = dof = 10.
        double q55 = Math.exp(-5) * (1 + 5 + 12.5 + 125.0 / 6 + 625.0 / 24);
        assertEquals(q55, ChiSquare.survival(10, 10), 1e-14);
        assertEquals(0.4404932850652124, ChiSquare.survival(10, 10), 1e-13);
        // Two degrees of freedom: p = e^(−χ²/2).
        assertEquals(Math.exp(-3.7), ChiSquare.survival(7.4, 2), 1e-15);
        assertEquals(1, ChiSquare.survival(0, 3));
        assertEquals(Math.log(24), ChiSquare.logGamma(5), 1e-14);
        assertEquals(0.5 * Math.log(Math.PI), ChiSquare.logGamma(0.5), 1e-14);
    }

    /** Against a 80-digit evaluation of the series of P(a, x), for integer and half-integer a. */
    @Test
    void matchesHighPrecisionSeries() {
        int[] twiceA = {1, 1, 1, 2, 3, 5, 10, 11, 20, 29, 55, 100};
        double[] x = {0.01, 1.3, 12, 0.5, 7.9, 1.25, 5, 14, 3, 40, 27.5, 61};
        for (int i = 0; i < twiceA.length; i++) {
            double a = twiceA[i] / 2.0;
            BigDecimal p = exactP(twiceA[i], x[i]);
            double expectedQ = BigDecimal.ONE.subtract(p).doubleValue();
            String at = "(" + a + ", " + x[i] + ")";
            assertEquals(expectedQ, ChiSquare.regularizedGammaQ(a, x[i]), 1e-12 * expectedQ, "Q" + at);
            assertEquals(p.doubleValue(), ChiSquare.regularizedGammaP(a, x[i]), 1e-14, "P" + at);
            assertEquals(expectedQ, ChiSquare.survival(2 * x[i], twiceA[i]), 1e-12 * expectedQ, "p-value" + at);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ChiSquare.survival(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ChiSquare.regularizedGammaQ(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> ChiSquare.regularizedGammaQ(1, -1));
    }

    /** P(a, x) = e^(−x) x^a / Γ(a + 1) Σ_n x^n/((a + 1)…(a + n)) with a = twiceA/2, in 80 digits. */
    static BigDecimal exactP(int twiceA, double xValue) {
        BigDecimal x = new BigDecimal(xValue);
        BigDecimal a = BigDecimal.valueOf(twiceA).divide(BigDecimal.TWO, MC);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal limit = new BigDecimal("1e-75");
        for (int n = 0; n < 10_000; n++) {
            if (n > 0) {
                term = term.multiply(x, MC).divide(a.add(BigDecimal.valueOf(n)), MC);
            }
            sum = sum.add(term, MC);
            if (n > 0 && term.compareTo(limit.multiply(sum)) < 0) {
                break;
            }
        }
        // x^a = x^(twiceA/2) and Γ(a + 1) exactly: n! for a = n, (2n + 2)! √π / (4^(n+1) (n + 1)!) for a = n + 1/2.
        BigDecimal xPowA = x.pow(twiceA / 2, MC);
        BigDecimal gamma;
        if (twiceA % 2 == 0) {
            gamma = new BigDecimal(factorial(twiceA / 2));
        } else {
            int n = twiceA / 2;
            xPowA = xPowA.multiply(x.sqrt(MC), MC);
            gamma = new BigDecimal(factorial(2 * n + 2)).multiply(PI.sqrt(MC), MC)
                    .divide(new BigDecimal(BigInteger.valueOf(4).pow(n + 1).multiply(factorial(n + 1))), MC);
        }
        return exp(x.negate()).multiply(xPowA, MC).multiply(sum, MC).divide(gamma, MC);
    }

    static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    /** e^x by its Taylor series (for x &lt; 0 as 1/e^(−x)). */
    static BigDecimal exp(BigDecimal x) {
        if (x.signum() < 0) {
            return BigDecimal.ONE.divide(exp(x.negate()), MC);
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 10_000; n++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.compareTo(new BigDecimal("1e-78").multiply(sum)) < 0) {
                break;
            }
        }
        return sum;
    }
}
