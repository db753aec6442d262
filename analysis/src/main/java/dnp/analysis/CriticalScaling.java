package dnp.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The critical scaling of the overlap function near t_c (PRB 98, 224202, Eq. 33–34):
 * <pre>
 *   C(ω_n) ≃ (t / max(ω_n, Δ_ξ))^μ,   μ = 1 − D_2/d,   Δ_ξ ∝ |t − t_c|^(dν),
 * </pre>
 * so that at t ≈ t_c, C grows as ω_n^(−μ) for Δ_ξ, Δ_L ≪ ω_n ≪ 2t (Eq. 33), and at fixed ω_n the peak
 * of C against t has a width δt with Δ_ξ(δt) = ω_n, i.e. δt ∝ ω_n^(1/(dν)) (Eq. 34). For any scaling
 * form C = ω_n^(−μ) F((t − t_c)/ω_n^(1/(dν))), every width of the peak defined from the shape of F
 * (here its curvature at the top) scales with that exponent.
 *
 * <p><b>Errors.</b> Each (L, t, ω_n) point is K̄ and R̄ averaged over realizations and C = K̄/R̄
 * ({@link Stats#ratioOfMeans}). The error of K̄ is the site-sample standard error of each realization
 * propagated to the mean, √(Σ σ_r²)/n (the S sampled sites of a realization are random, so their spread
 * holds the disorder fluctuations as well); with three or more realizations the larger of that and the
 * standard error over realizations is taken; without site errors (the dense route) that standard error
 * alone. R̄ comes from stochastic traces over all sites and is
 * treated as exact; σ_C = C σ_K̄/K̄.
 *
 * <p><b>Fits.</b> Weighted least squares of log y against log ω (σ_log y = σ_y/y). Where χ²/dof &gt; 1 the
 * covariance is multiplied by χ²/dof (the scatter is larger than the errors say) and the 95% interval
 * uses Student's t with dof degrees of freedom; otherwise the normal 1.96. The errors of one
 * realization at different ω_n come from the same sites and are correlated, which these fits ignore.
 *
 * <p><b>Range of the μ fit.</b> Only floor ≤ ω_n ≤ ceiling are used; the ceiling is by default the t of
 * the data, since Eq. 33 holds for ω_n ≪ 2t and the paper states Eq. 34 for ω_n &lt; t. The floor is
 * {@link #RESOLUTION_FACTOR} times the KPM energy resolution π·a/M and {@link #SPACING_FACTOR} times the
 * mean level spacing 2a/N (below either, C is the kernel's smoothing or a few levels, not the critical
 * correlation). Among the runs of at least {@code minPoints} consecutive grid points in that window, the
 * one with the most
 * points whose fit is acceptable (χ² p-value ≥ {@link #MIN_P}) is chosen, ties going to the larger p;
 * if none is acceptable, the run with the largest p, marked so.
 *
 * <p><b>Peaks.</b> At each ω_n the grid point of largest C and up to {@code halfWindow} neighbours on
 * each side are fitted by a weighted parabola log C = c_0 + c_1 u + c_2 u², u = t − t_i; the peak is
 * at t* = t_i − c_1/(2c_2) and its width is δt = (−2c_2)^(−1/2) (the standard deviation of the Gaussian
 * with that curvature), errors by the delta method from the covariance of (c_0, c_1, c_2). A maximum at
 * the end of the grid, or c_2 ≥ 0, has no width.
 */
public final class CriticalScaling {
    private CriticalScaling() {}

    /**
     * ω_n must be at least this many KPM resolutions σ = π·a/M. The Jackson kernel broadens each level
     * into a Gaussian of standard deviation ≈ σ, so the α = β terms, which KPM cannot separate, enter
     * K(ω) through the kernel's autocorrelation, a Gaussian of standard deviation √2·σ; at ω = 5σ it has
     * fallen to e^(−6.25) ≈ 0.002 of its peak. (At 3σ, 0.1 of the peak, the local slope of C at L = 32–48
     * was still visibly steepened.)
     */
    public static final double RESOLUTION_FACTOR = 5;
    /** ω_n must be at least this many mean level spacings. */
    public static final double SPACING_FACTOR = 10;
    /** Smallest χ² p-value of an acceptable fit. */
    public static final double MIN_P = 0.05;
    /** Two-sided 95% quantile of the normal distribution. */
    static final double NORMAL_975 = 1.959963984540054;

    /** K̄, R̄ and C = K̄/R̄ at one (L, t, ω_n), with the errors described above. */
    public record Point(int size, double t, double omega, int realizations, double k, double kError, double r,
                        double c, double cError) {}

    /**
     * The point of realizations with K values {@code k}, their site-sample errors {@code kError} (NaN where
     * there are none) and R values {@code r}.
     */
    public static Point aggregate(int size, double t, double omega, double[] k, double[] kError, double[] r) {
        int n = k.length;
        if (n == 0 || kError.length != n || r.length != n) {
            throw new IllegalArgumentException("need one K, K error and R per realization");
        }
        double squares = 0;
        for (double e : kError) {
            squares += e * e;
        }
        double error = Math.sqrt(squares) / n;
        Stats ks = Stats.of(k);
        if (Double.isNaN(error)) {
            error = ks.sem(); // no site errors (dense): the realizations alone, NaN for one
        } else if (n >= 3) {
            error = Math.max(error, ks.sem());
        }
        double rMean = Stats.mean(r, null);
        double c = Stats.ratioOfMeans(ks.mean(), rMean);
        return new Point(size, t, omega, n, ks.mean(), error, rMean, c, c * error / ks.mean());
    }

    /**
     * A weighted least-squares line y = intercept + slope·x.
     *
     * @param slopeError standard error of the slope (scaled by √(χ²/dof) where that exceeds 1)
     * @param slopeLow   lower end of the 95% interval of the slope
     * @param scale      the factor √(χ²/dof) applied, 1 if none
     */
    public record Line(double slope, double intercept, double slopeError, double slopeLow, double slopeHigh,
                       double chi2, int dof, double pValue, double scale) {
        public double at(double x) {
            return intercept + slope * x;
        }
    }

    /** The weighted line through (x_i, y_i) with standard errors σ_i (at least three points). */
    public static Line weightedLine(double[] x, double[] y, double[] sigma) {
        int n = x.length;
        if (n < 3 || y.length != n || sigma.length != n) {
            throw new IllegalArgumentException("a fitted line with an interval needs at least three points, got " + n);
        }
        // Errors that are not positive and finite are refused by LeastSquares.fit.
        LeastSquares.Solution fit = LeastSquares.fit(LeastSquares.polynomialDesign(x, 1), y, sigma);
        double[][] covariance = fit == null ? null : fit.covariance();
        if (covariance == null) {
            throw new IllegalArgumentException("the points of a line need at least two distinct x");
        }
        double slope = fit.coefficient(1);
        double intercept = fit.coefficient(0);
        double chi2 = fit.chi2();
        int dof = n - 2;
        double ratio = chi2 / dof;
        double scale = ratio > 1 ? Math.sqrt(ratio) : 1;
        double error = Math.sqrt(covariance[1][1]) * scale;
        double q = ratio > 1 ? StudentT.quantile(0.975, dof) : NORMAL_975;
        return new Line(slope, intercept, error, slope - q * error, slope + q * error, chi2, dof,
                ChiSquare.survival(chi2, dof), scale);
    }

    /**
     * A power law y = prefactor·ω^slope fitted in log–log over ω ∈ [fitLow, fitHigh] (the ω of the first
     * and last point used).
     *
     * @param excluded points inside the window offered to the fit that could not enter it and were left out:
     *                 a value or error that is not positive and finite (and, for the width law, a peak that
     *                 was not bracketed)
     */
    public record PowerLaw(Line line, double fitLow, double fitHigh, int points, boolean acceptable, int excluded) {
        public double slope() {
            return line.slope();
        }

        public double at(double omega) {
            return Math.exp(line.at(Math.log(omega)));
        }
    }

    /** The power law through the usable points (finite, positive y and error) with lo ≤ ω ≤ hi; null if fewer than three. */
    public static PowerLaw powerLaw(double[] omega, double[] y, double[] error, double lo, double hi) {
        List<Integer> use = new ArrayList<>();
        for (int i = 0; i < omega.length; i++) {
            if (omega[i] >= lo && omega[i] <= hi && usable(omega[i], y[i], error[i])) {
                use.add(i);
            }
        }
        int inWindow = 0;
        for (double w : omega) {
            inWindow += w >= lo && w <= hi ? 1 : 0;
        }
        return use.size() < 3 ? null : fit(omega, y, error, use, inWindow - use.size());
    }

    private static boolean usable(double omega, double y, double error) {
        return omega > 0 && y > 0 && Double.isFinite(y) && error > 0 && Double.isFinite(error);
    }

    private static PowerLaw fit(double[] omega, double[] y, double[] error, List<Integer> use, int excluded) {
        double[] lx = new double[use.size()];
        double[] ly = new double[use.size()];
        double[] ls = new double[use.size()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < lx.length; k++) {
            int i = use.get(k);
            lx[k] = Math.log(omega[i]);
            ly[k] = Math.log(y[i]);
            ls[k] = error[i] / y[i];
            lo = Math.min(lo, omega[i]);
            hi = Math.max(hi, omega[i]);
        }
        Line line = weightedLine(lx, ly, ls);
        return new PowerLaw(line, lo, hi, lx.length, line.pValue() >= MIN_P, excluded);
    }

    /**
     * The power law over the range chosen as described in the class comment, from the usable points with
     * floor ≤ ω ≤ ceiling (ω ascending); null if fewer than {@code minPoints} (≥ 3) are usable.
     */
    public static PowerLaw selectRange(double[] omega, double[] y, double[] error, double floor, double ceiling,
                                       int minPoints) {
        if (minPoints < 3) {
            throw new IllegalArgumentException("a range needs at least three points, got " + minPoints);
        }
        for (int i = 1; i < omega.length; i++) {
            if (!(omega[i] > omega[i - 1])) {
                throw new IllegalArgumentException("ω must be ascending");
            }
        }
        List<Integer> eligible = new ArrayList<>();
        int inWindow = 0;
        for (int i = 0; i < omega.length; i++) {
            if (omega[i] >= floor && omega[i] <= ceiling) {
                inWindow++;
                if (usable(omega[i], y[i], error[i])) {
                    eligible.add(i);
                }
            }
        }
        int excluded = inWindow - eligible.size();
        PowerLaw best = null;
        for (int from = 0; from < eligible.size(); from++) {
            for (int to = from + minPoints; to <= eligible.size(); to++) {
                PowerLaw f = fit(omega, y, error, eligible.subList(from, to), excluded);
                if (best == null || better(f, best)) {
                    best = f;
                }
            }
        }
        return best;
    }

    /** Acceptable before not; then more points; then the larger p. */
    private static boolean better(PowerLaw a, PowerLaw b) {
        if (a.acceptable() != b.acceptable()) {
            return a.acceptable();
        }
        if (a.acceptable() && a.points() != b.points()) {
            return a.points() > b.points();
        }
        return a.line().pValue() > b.line().pValue();
    }

    /**
     * The peak of C against t at one ω_n.
     *
     * @param bracketed whether the largest C lies inside the grid and the parabola opens downward
     * @param points    grid points of the parabola
     */
    public record Peak(double omega, double tPeak, double tPeakError, double width, double widthError,
                       double height, boolean bracketed, int points) {}

    /** The peak of {@code c} (errors {@code error}) on the ascending grid {@code t}. */
    public static Peak peak(double omega, double[] t, double[] c, double[] error, int halfWindow) {
        int n = t.length;
        if (n != c.length || n != error.length || halfWindow < 1) {
            throw new IllegalArgumentException("one C and error per t, and a half window of at least 1");
        }
        int top = -1;
        for (int i = 0; i < n; i++) {
            if (usable(1, c[i], error[i]) && (top < 0 || c[i] > c[top])) {
                top = i;
            }
        }
        if (top <= 0 || top >= n - 1) {
            return new Peak(omega, Double.NaN, Double.NaN, Double.NaN, Double.NaN, top < 0 ? Double.NaN : c[top],
                    false, 0);
        }
        int from = Math.max(0, top - halfWindow);
        int to = Math.min(n - 1, top + halfWindow);
        List<double[]> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (usable(1, c[i], error[i])) {
                rows.add(new double[]{t[i] - t[top], Math.log(c[i]), error[i] / c[i]});
            }
        }
        int m = rows.size();
        double[][] design = new double[m][];
        double[] logC = new double[m];
        double[] sigma = new double[m];
        for (int k = 0; k < m; k++) {
            double[] row = rows.get(k);
            design[k] = new double[]{1, row[0], row[0] * row[0]};
            logC[k] = row[1];
            sigma[k] = row[2];
        }
        LeastSquares.Solution fit = m >= 3 ? LeastSquares.fit(design, logC, sigma) : null;
        double[][] cov = fit == null ? null : fit.covariance();
        if (cov == null) {
            return new Peak(omega, Double.NaN, Double.NaN, Double.NaN, Double.NaN, c[top], false, m);
        }
        double[] p = fit.coefficients();
        double chi2 = fit.chi2();
        int dof = m - 3;
        double scale2 = dof > 0 && chi2 / dof > 1 ? chi2 / dof : 1;
        if (!(p[2] < 0)) {
            return new Peak(omega, Double.NaN, Double.NaN, Double.NaN, Double.NaN, c[top], false, m);
        }
        double tPeak = t[top] - p[1] / (2 * p[2]);
        // ∂t*/∂c_1 = −1/(2c_2), ∂t*/∂c_2 = c_1/(2c_2²); ∂δt/∂c_2 = (−2c_2)^(−3/2).
        double g1 = -1 / (2 * p[2]);
        double g2 = p[1] / (2 * p[2] * p[2]);
        double varPeak = scale2 * (g1 * g1 * cov[1][1] + 2 * g1 * g2 * cov[1][2] + g2 * g2 * cov[2][2]);
        double width = 1 / Math.sqrt(-2 * p[2]);
        double dw = Math.pow(-2 * p[2], -1.5);
        double varWidth = scale2 * dw * dw * cov[2][2];
        return new Peak(omega, tPeak, Math.sqrt(varPeak), width, Math.sqrt(varWidth), c[top], true, m);
    }

    /**
     * The width exponent: the power law δt ∝ ω_n^slope through the bracketed peaks with
     * floor ≤ ω_n ≤ ceiling; null if fewer than three.
     */
    public static PowerLaw widthLaw(List<Peak> peaks, double floor, double ceiling) {
        List<Peak> window = peaks.stream().filter(p -> p.omega() >= floor && p.omega() <= ceiling).toList();
        List<Peak> use = window.stream().filter(Peak::bracketed).toList();
        double[] omega = use.stream().mapToDouble(Peak::omega).toArray();
        double[] width = use.stream().mapToDouble(Peak::width).toArray();
        double[] error = use.stream().mapToDouble(Peak::widthError).toArray();
        PowerLaw law = powerLaw(omega, width, error, floor, ceiling);
        // The peaks of the window that were not bracketed are left out too, and counted.
        return law == null ? null : new PowerLaw(law.line(), law.fitLow(), law.fitHigh(), law.points(),
                law.acceptable(), law.excluded() + window.size() - use.size());
    }

    /**
     * The smallest ω_n that is resolved: {@link #RESOLUTION_FACTOR} × the KPM resolution and
     * {@link #SPACING_FACTOR} × the mean level spacing.
     */
    public static double resolvedFloor(double energyResolution, double levelSpacing) {
        return Math.max(RESOLUTION_FACTOR * energyResolution, SPACING_FACTOR * levelSpacing);
    }

    /** The entry of {@code grid} closest to {@code target}. */
    public static double closest(double[] grid, double target) {
        return Arrays.stream(grid).boxed().min((a, b) -> Double.compare(Math.abs(a - target), Math.abs(b - target)))
                .orElseThrow();
    }

    /** {@code count} values from lo to hi, evenly spaced in log (both ends included), rounded to 4 significant digits. */
    public static double[] logGrid(double lo, double hi, int count) {
        if (!(lo > 0 && hi > lo) || count < 2) {
            throw new IllegalArgumentException("a log grid needs 0 < lo < hi and at least two values");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double v = lo * Math.pow(hi / lo, (double) i / (count - 1));
            out[i] = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
        }
        return out;
    }
}
