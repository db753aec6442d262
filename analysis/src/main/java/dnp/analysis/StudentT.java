package dnp.analysis;

/**
 * Student's t distribution with {@code dof} degrees of freedom, for confidence intervals of fitted
 * parameters from few points. For t ≥ 0 the distribution function is
 * <pre>
 *   F(t) = 1 − ½ I_x(dof/2, ½),   x = dof/(dof + t²),
 * </pre>
 * with I_x(a, b) the regularized incomplete beta function, evaluated by its continued fraction
 * (Press, Teukolsky, Vetterling and Flannery, <i>Numerical Recipes</i>, 3rd ed., 2007, §6.4, modified
 * Lentz method; the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where x &gt; (a + 1)/(a + b + 2)). The quantile
 * is found by bisection on F.
 */
public final class StudentT {
    private StudentT() {}

    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 10_000;

    /** F(t) = Pr(T ≤ t). */
    public static double cdf(double t, int dof) {
        check(dof);
        double x = dof / (dof + t * t);
        double tail = 0.5 * regularizedBeta(x, dof / 2.0, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The t with F(t) = p, 0 &lt; p &lt; 1 (e.g. p = 0.975 for a two-sided 95% interval). */
    public static double quantile(double p, int dof) {
        check(dof);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile needs 0 < p < 1, got " + p);
        }
        if (p < 0.5) {
            return -quantile(1 - p, dof);
        }
        double lo = 0;
        double hi = 1;
        while (cdf(hi, dof) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, dof) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void check(int dof) {
        if (dof < 1) {
            throw new IllegalArgumentException("Student's t needs at least one degree of freedom, got " + dof);
        }
    }

    /** I_x(a, b), 0 ≤ x ≤ 1, a, b &gt; 0. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(ChiSquare.logGamma(a + b) - ChiSquare.logGamma(a) - ChiSquare.logGamma(b)
                + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    /** The continued fraction of I_x(a, b) (Numerical Recipes, Eq. 6.4.5), modified Lentz. */
    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete beta did not converge for x = " + x + ", a = " + a + ", b = " + b);
    }
}
