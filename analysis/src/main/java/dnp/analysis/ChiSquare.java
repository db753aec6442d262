package dnp.analysis;

/**
 * The goodness of fit of a weighted least-squares fit: the probability that a χ² variable with
 * {@code dof} degrees of freedom is at least the observed χ²,
 * <pre>
 *   p = Pr(χ²_dof ≥ χ²) = Q(dof/2, χ²/2),   Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x),
 * </pre>
 * Q being the regularized upper incomplete gamma function. Evaluated as in Press, Teukolsky,
 * Vetterling and Flannery, <i>Numerical Recipes</i> (3rd ed., 2007), §6.2:
 * <ul>
 *   <li>for x &lt; a + 1 the series
 *       P(a, x) = e^(−x) x^a / Γ(a + 1) · Σ_{n≥0} x^n / ((a + 1)(a + 2)…(a + n)), then Q = 1 − P;</li>
 *   <li>otherwise the continued fraction
 *       Q(a, x) = e^(−x) x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))),
 *       evaluated by the modified Lentz method.</li>
 * </ul>
 * ln Γ is the Lanczos approximation with g = 7 and nine coefficients (relative error about 1e-15),
 * with the reflection formula below 1/2.
 */
public final class ChiSquare {
    private ChiSquare() {}

    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 100_000;
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    /** p = Q(dof/2, χ²/2): the χ² survival function; 1 for χ² ≤ 0. */
    public static double survival(double chi2, int dof) {
        if (dof < 1) {
            throw new IllegalArgumentException("χ² needs at least one degree of freedom, got " + dof);
        }
        if (Double.isNaN(chi2)) {
            return Double.NaN;
        }
        return chi2 <= 0 ? 1 : regularizedGammaQ(dof / 2.0, chi2 / 2);
    }

    /** P(a, x) = γ(a, x)/Γ(a), a &gt; 0, x ≥ 0. */
    public static double regularizedGammaP(double a, double x) {
        check(a, x);
        if (x == 0) {
            return 0;
        }
        return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x);
    }

    /** Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), a &gt; 0, x ≥ 0. */
    public static double regularizedGammaQ(double a, double x) {
        check(a, x);
        if (x == 0) {
            return 1;
        }
        return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x);
    }

    private static void check(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and x ≥ 0, got a = " + a + ", x = " + x);
        }
    }

    /** P(a, x) by its series (x &lt; a + 1). */
    private static double series(double a, double x) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int n = 0; n < MAX_TERMS; n++) {
            ap++;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Q(a, x) by its continued fraction, modified Lentz (x ≥ a + 1). */
    private static double continuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7; reflection Γ(x)Γ(1 − x) = π/sin(πx) below 1/2). */
    public static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
