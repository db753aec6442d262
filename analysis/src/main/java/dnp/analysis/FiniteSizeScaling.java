package dnp.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Finite-size scaling of the mean adjacent-gap ratio ⟨r⟩ near the Anderson transition, in the form
 * of Slevin and Ohtsuki, PRL 82, 382 (1999), and Rodriguez, Vasquez, Slevin and Römer, PRB 84,
 * 134209 (2011) (below "SO" and "RVSR").
 *
 * <h2>Model</h2>
 * With x = w/t the disorder and L the linear size,
 * <pre>
 *   ⟨r⟩(x, L) = F(u, v),   u = ψ(x) L^(1/ν),   v = φ(x) L^(−y),
 *   ψ(x) = Σ_{j=1..m_ψ} a_j (x − x_c)^j,    a_1 = 1 (fixes the scale of ψ),
 *   φ(x) = 1 + Σ_{j=1..m_φ} b_j (x − x_c)^j  (φ = 1 when m_φ = 0),
 *   F(u, v) = Σ_{k=0..n_I} F_k(u) v^k,   F_k(u) = Σ_{i=0..n_R} c_ik u^i,
 * </pre>
 * so F_0 is the relevant scaling function and F_1, F_2, … the corrections from the leading
 * irrelevant variable, expanded in Taylor series as in SO and RVSR. The nonlinear parameters θ
 * are x_c, ν, y (only if n_I &gt; 0), a_2…a_{m_ψ} and b_1…b_{m_φ}; the (n_R + 1)(n_I + 1) coefficients c_ik enter linearly. An {@link Order} is
 * (n_R, n_I, m_ψ, m_φ).
 *
 * <h2>Fit</h2>
 * The data are the means ⟨r⟩_p over realizations at each point p = (L, x) with their standard errors
 * σ_p ({@link Stats}); χ²(θ, c) = Σ_p (⟨r⟩_p − F_p(θ, c))² / σ_p². For fixed θ the c minimizing χ²
 * is a weighted linear least-squares problem, solved exactly (Householder QR on scaled columns);
 * what is left, χ²(θ) = min_c χ²(θ, c), is minimized over θ by Levenberg–Marquardt (Marquardt's
 * scaling, damped normal equations (JᵀJ + λ diag JᵀJ) δ = −Jᵀr, J by central differences of the
 * projected residual). This is the variable projection of Golub and Pereyra, SIAM J. Numer. Anal.
 * 10, 413 (1973): only a handful of nonlinear parameters need starting values. Several starts are
 * tried (x_c from the crossing of the two largest sizes, ν ∈ {1, 1.5, 2}, y ∈ {1, 2, 3}, a_j = b_j = 0)
 * and the lowest χ² kept. The goodness of fit is p = Q(dof/2, χ²/2) ({@link ChiSquare}) with
 * dof = points − (nonlinear + linear parameters), the goodness-of-fit criterion of SO and RVSR.
 *
 * <h2>Errors</h2>
 * Asymptotic standard errors: the covariance of all parameters is (JᵀJ)^(−1) with J_pk =
 * ∂F_p/∂β_k / σ_p over β = (θ, c), at the minimum (not rescaled by χ²/dof; the σ_p are taken as
 * known). Independent points are assumed: realizations shared across the grid of x make the points of
 * one size correlated, which this does not see. {@link #bootstrap} resamples whole realizations per
 * size instead (as {@link Crossings} does), which keeps that correlation: the 2.5% and 97.5%
 * quantiles of the refitted x_c, ν and y are the 95% intervals (a percentile bootstrap). Where y
 * is weakly determined, χ² has a curved valley along x_c–ν–y (an irrelevant correction can move
 * the crossings): the bootstrap intervals are then skewed and wider than x ± 1.96σ, and the
 * covariance intervals cover somewhat less than 95%.
 *
 * <h2>Choice of the expansion orders</h2>
 * See {@link #select}.
 */
public final class FiniteSizeScaling {

    /** Starting values of ν and y (RVSR find ν ≈ 1.59 for the 3D Anderson model with box disorder). */
    static final double[] NU_STARTS = {1, 1.5, 2};
    static final double[] Y_STARTS = {1, 2, 3};
    static final int MAX_ITERATIONS = 500;

    private final double[] grid;
    private final List<Crossings.Curve> curves;
    private final Data data;

    private FiniteSizeScaling(double[] grid, List<Crossings.Curve> curves) {
        this.grid = grid.clone();
        this.curves = curves.stream().sorted(Comparator.comparingInt(Crossings.Curve::size)).toList();
        this.data = Data.of(this.grid, this.curves, null);
    }

    /**
     * The fitter for per-realization data: {@code curves}, one per size, each
     * {@code values[realization][gridPoint]} on {@code grid} (x = w/t ascending; NaN = missing).
     */
    public static FiniteSizeScaling of(double[] grid, List<Crossings.Curve> curves) {
        if (curves.size() < 2) {
            throw new IllegalArgumentException("finite-size scaling needs at least two sizes, got " + curves.size());
        }
        for (int i = 1; i < grid.length; i++) {
            if (!(grid[i] > grid[i - 1])) {
                throw new IllegalArgumentException("the grid of w/t must ascend, but x[" + i + "] = " + grid[i]
                        + " after " + grid[i - 1]);
            }
        }
        for (Crossings.Curve c : curves) {
            for (double[] row : c.values()) {
                if (row.length != grid.length) {
                    throw new IllegalArgumentException("size " + c.size() + " has a realization with " + row.length
                            + " values on a grid of " + grid.length);
                }
            }
        }
        if (curves.stream().mapToInt(Crossings.Curve::size).distinct().count() != curves.size()) {
            throw new IllegalArgumentException("each size may appear once");
        }
        return new FiniteSizeScaling(grid, curves);
    }

    public Data data() {
        return data;
    }

    public double[] grid() {
        return grid.clone();
    }

    public List<Crossings.Curve> curves() {
        return curves;
    }

    // ---------------------------------------------------------------------------------------------
    // Records

    /**
     * Expansion orders: n_R = {@code relevant} (degree of F_k in u), n_I = {@code irrelevant} (degree of
     * F in v; 0: no irrelevant corrections), m_ψ = {@code psi}, m_φ = {@code phi} (0 when n_I = 0).
     */
    public record Order(int relevant, int irrelevant, int psi, int phi) {
        public Order {
            if (relevant < 1 || irrelevant < 0 || psi < 1 || phi < 0) {
                throw new IllegalArgumentException("expansion orders need n_R ≥ 1, n_I ≥ 0, m_ψ ≥ 1, m_φ ≥ 0, got "
                        + describe(relevant, irrelevant, psi, phi));
            }
            if (irrelevant == 0 && phi > 0) {
                throw new IllegalArgumentException("m_φ > 0 needs an irrelevant variable (n_I > 0), got "
                        + describe(relevant, irrelevant, psi, phi));
            }
        }

        /** x_c, ν, y (if n_I &gt; 0), a_2…a_{m_ψ}, b_1…b_{m_φ}. */
        public int nonlinearCount() {
            return 2 + (irrelevant > 0 ? 1 : 0) + (psi - 1) + phi;
        }

        /** The c_ik: (n_R + 1)(n_I + 1). */
        public int linearCount() {
            return (relevant + 1) * (irrelevant + 1);
        }

        public int parameterCount() {
            return nonlinearCount() + linearCount();
        }

        /** Whether every order of this one is at most that of {@code other}. */
        public boolean nestedIn(Order other) {
            return relevant <= other.relevant && irrelevant <= other.irrelevant && psi <= other.psi
                    && phi <= other.phi;
        }

        /** Parameter names in the order of {@link Fit#parameters()}. */
        public String[] names() {
            List<String> names = new ArrayList<>(List.of("x_c", "nu"));
            if (irrelevant > 0) {
                names.add("y");
            }
            for (int j = 2; j <= psi; j++) {
                names.add("a_" + j);
            }
            for (int j = 1; j <= phi; j++) {
                names.add("b_" + j);
            }
            for (int i = 0; i <= relevant; i++) {
                for (int k = 0; k <= irrelevant; k++) {
                    names.add("c_" + i + "_" + k);
                }
            }
            return names.toArray(String[]::new);
        }

        @Override
        public String toString() {
            return describe(relevant, irrelevant, psi, phi);
        }

        private static String describe(int nR, int nI, int mPsi, int mPhi) {
            return "(n_R=" + nR + ", n_I=" + nI + ", m_psi=" + mPsi + ", m_phi=" + mPhi + ")";
        }
    }

    /**
     * The fitted points: point p has size {@code size[p]}, disorder {@code x[p]}, mean ⟨r⟩ {@code mean[p]}
     * and standard error {@code sem[p]}. Only points with at least two realizations and a positive,
     * finite standard error are kept.
     */
    public record Data(int[] size, double[] x, double[] mean, double[] sem) {
        public int points() {
            return x.length;
        }

        /**
         * Means and standard errors per (L, x) over the realizations {@code picks[curve]} of each curve
         * (a bootstrap resample; all realizations if {@code picks} is null).
         */
        static Data of(double[] grid, List<Crossings.Curve> curves, int[][] picks) {
            List<double[]> rows = new ArrayList<>();
            for (int c = 0; c < curves.size(); c++) {
                double[][] values = curves.get(c).values();
                int[] pick = picks == null ? null : picks[c];
                int draws = pick == null ? values.length : pick.length;
                double[] column = new double[draws];
                for (int i = 0; i < grid.length; i++) {
                    for (int k = 0; k < draws; k++) {
                        column[k] = values[pick == null ? k : pick[k]][i];
                    }
                    Stats s = Stats.of(column);
                    if (s.count() >= 2 && s.sem() > 0 && Double.isFinite(s.sem()) && Double.isFinite(s.mean())) {
                        rows.add(new double[]{curves.get(c).size(), grid[i], s.mean(), s.sem()});
                    }
                }
            }
            return new Data(rows.stream().mapToInt(r -> (int) r[0]).toArray(),
                    rows.stream().mapToDouble(r -> r[1]).toArray(), rows.stream().mapToDouble(r -> r[2]).toArray(),
                    rows.stream().mapToDouble(r -> r[3]).toArray());
        }

        /** Points given directly (e.g. published means); checked for equal lengths and positive errors. */
        public static Data of(int[] size, double[] x, double[] mean, double[] sem) {
            if (x.length != size.length || mean.length != size.length || sem.length != size.length) {
                throw new IllegalArgumentException("sizes, x, means and errors differ in length: " + size.length + ", "
                        + x.length + ", " + mean.length + ", " + sem.length);
            }
            for (int p = 0; p < size.length; p++) {
                if (!(sem[p] > 0) || !Double.isFinite(sem[p]) || !Double.isFinite(mean[p]) || size[p] < 1) {
                    throw new IllegalArgumentException("point " + p + " (L = " + size[p] + ", x = " + x[p]
                            + ") needs L ≥ 1, a finite mean and a positive finite error, got " + mean[p] + " ± " + sem[p]);
                }
            }
            return new Data(size.clone(), x.clone(), mean.clone(), sem.clone());
        }
    }

    /**
     * One fit. {@code a} holds a_1 = 1, a_2, …, a_{m_ψ}; {@code b} holds b_1…b_{m_φ}; {@code c[i][k]} = c_ik;
     * {@code parameters}, {@code errors} and {@code covariance} follow {@link Order#names()} (errors are
     * the asymptotic standard errors √diag(JᵀJ)^(−1), NaN where that matrix is singular).
     *
     * @param y          the irrelevant exponent, NaN when n_I = 0
     * @param chi2       χ² at the minimum
     * @param dof        points − parameters
     * @param pValue     Q(dof/2, χ²/2)
     * @param iterations Levenberg–Marquardt iterations of the run that gave this fit
     * @param converged  false if the iteration limit was reached first
     */
    public record Fit(Order order, double xc, double nu, double y, double[] a, double[] b, double[][] c, double chi2,
                      int points, int dof, double pValue, double[] parameters, double[] errors,
                      double[][] covariance, int iterations, boolean converged) {

        public double xcError() {
            return errors[0];
        }

        public double nuError() {
            return errors[1];
        }

        /** The standard error of y, NaN when n_I = 0. */
        public double yError() {
            return order.irrelevant() > 0 ? errors[2] : Double.NaN;
        }

        /** The nonlinear parameters θ (x_c, ν, y?, a_2…, b_1…). */
        double[] theta() {
            return Arrays.copyOf(parameters, order.nonlinearCount());
        }

        /** ψ(x) = Σ_j a_j (x − x_c)^j. */
        public double psi(double x) {
            return FiniteSizeScaling.psi(a, x - xc);
        }

        /** φ(x) = 1 + Σ_j b_j (x − x_c)^j. */
        public double phi(double x) {
            return FiniteSizeScaling.phi(b, x - xc);
        }

        /** The relevant scaling variable u = ψ(x) L^(1/ν). */
        public double scalingVariable(int size, double x) {
            return psi(x) * Math.pow(size, 1 / nu);
        }

        /** The irrelevant scaling variable v = φ(x) L^(−y) (0 when n_I = 0). */
        public double irrelevantVariable(int size, double x) {
            return order.irrelevant() > 0 ? phi(x) * Math.pow(size, -y) : 0;
        }

        /** F_k(u) = Σ_i c_ik u^i. */
        public double scalingFunction(int k, double u) {
            double s = 0;
            for (int i = order.relevant(); i >= 0; i--) {
                s = s * u + c[i][k];
            }
            return s;
        }

        /** The fitted ⟨r⟩ = F(u, v) at size L and disorder x. */
        public double predict(int size, double x) {
            return scalingFunction(0, scalingVariable(size, x)) + irrelevantPart(size, x);
        }

        /** The irrelevant part F(u, v) − F(u, 0) = Σ_{k≥1} F_k(u) v^k at size L and disorder x. */
        public double irrelevantPart(int size, double x) {
            double u = scalingVariable(size, x);
            double v = irrelevantVariable(size, x);
            double s = 0;
            double vk = 1;
            for (int k = 1; k <= order.irrelevant(); k++) {
                vk *= v;
                s += scalingFunction(k, u) * vk;
            }
            return s;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The model and its evaluation

    static double psi(double[] a, double dx) {
        double s = 0;
        for (int j = a.length; j >= 1; j--) {
            s = (s + a[j - 1]) * dx;
        }
        return s;
    }

    static double phi(double[] b, double dx) {
        return 1 + psi(b, dx);
    }

    /** The fit problem for one data set and order: maps θ to the basis u^i v^k and solves for c. */
    static final class Problem {
        final Data data;
        final Order order;
        final int n;
        final int p;
        final int q;
        final double[] logSize;

        Problem(Data data, Order order) {
            this.data = data;
            this.order = order;
            this.n = data.points();
            this.p = order.nonlinearCount();
            this.q = order.linearCount();
            if (n <= p + q) {
                throw new IllegalArgumentException("too few points for order " + order + ": " + n
                        + " points (L, x) with a mean and a standard error, but " + (p + q) + " parameters (" + p
                        + " nonlinear + " + q + " linear); at least " + (p + q + 1)
                        + " points are needed for one degree of freedom");
            }
            long sizes = Arrays.stream(data.size()).distinct().count();
            if (sizes < 2) {
                throw new IllegalArgumentException("finite-size scaling needs at least two sizes, got " + sizes);
            }
            logSize = Arrays.stream(data.size()).mapToDouble(Math::log).toArray();
        }

        /** a_1 = 1, a_2… from θ. */
        double[] a(double[] theta) {
            double[] a = new double[order.psi()];
            a[0] = 1;
            int offset = order.irrelevant() > 0 ? 3 : 2;
            System.arraycopy(theta, offset, a, 1, order.psi() - 1);
            return a;
        }

        double[] b(double[] theta) {
            double[] b = new double[order.phi()];
            int offset = (order.irrelevant() > 0 ? 3 : 2) + order.psi() - 1;
            System.arraycopy(theta, offset, b, 0, order.phi());
            return b;
        }

        /** The unweighted basis u_p^i v_p^k (column i(n_I + 1) + k), or null where θ is out of range. */
        double[][] basis(double[] theta) {
            double xc = theta[0];
            double nu = theta[1];
            double y = order.irrelevant() > 0 ? theta[2] : 0;
            if (!(nu > 0.05) || !(nu < 50) || (order.irrelevant() > 0 && !(y > 0.01 && y < 50)) || !Double.isFinite(xc)) {
                return null;
            }
            double[] a = a(theta);
            double[] b = b(theta);
            int nI = order.irrelevant();
            double[][] basis = new double[n][q];
            for (int pt = 0; pt < n; pt++) {
                double dx = data.x()[pt] - xc;
                double u = psi(a, dx) * Math.exp(logSize[pt] / nu);
                double v = nI > 0 ? phi(b, dx) * Math.exp(-y * logSize[pt]) : 0;
                double ui = 1;
                for (int i = 0; i <= order.relevant(); i++) {
                    double vk = 1;
                    for (int k = 0; k <= nI; k++) {
                        basis[pt][i * (nI + 1) + k] = ui * vk;
                        vk *= v;
                    }
                    ui *= u;
                }
                for (double value : basis[pt]) {
                    if (!Double.isFinite(value)) {
                        return null;
                    }
                }
            }
            return basis;
        }

        /** c(θ) and the weighted residuals (⟨r⟩_p − F_p)/σ_p; null where θ is out of range or degenerate. */
        Projection project(double[] theta) {
            double[][] basis = basis(theta);
            if (basis == null) {
                return null;
            }
            LeastSquares.Solution linear = LeastSquares.fit(basis, data.mean(), data.sem());
            if (linear == null) {
                return null;
            }
            return Double.isFinite(linear.chi2())
                    ? new Projection(theta.clone(), linear.coefficients(), linear.residuals(), linear.chi2()) : null;
        }

        /** Step for the central differences of θ_j. */
        static double step(double value) {
            return 1e-6 * Math.max(Math.abs(value), 0.1);
        }

        /** The Jacobian of the projected residual, ∂r_p/∂θ_j, by central (else one-sided) differences. */
        double[][] jacobian(Projection at) {
            double[][] jac = new double[n][p];
            for (int j = 0; j < p; j++) {
                double h = step(at.theta[j]);
                double[] plus = at.theta.clone();
                double[] minus = at.theta.clone();
                plus[j] += h;
                minus[j] -= h;
                Projection up = project(plus);
                Projection down = project(minus);
                double[] hi = up != null ? up.residual : at.residual;
                double[] lo = down != null ? down.residual : at.residual;
                double width = (up != null ? h : 0) + (down != null ? h : 0);
                if (width == 0) {
                    return null;
                }
                for (int pt = 0; pt < n; pt++) {
                    jac[pt][j] = (hi[pt] - lo[pt]) / width;
                }
            }
            return jac;
        }

        /** Levenberg–Marquardt over θ from {@code start}; null if the start itself is out of range. */
        Run minimize(double[] start) {
            Projection current = project(start);
            if (current == null) {
                return null;
            }
            double lambda = 1e-3;
            int iteration = 0;
            while (iteration < MAX_ITERATIONS) {
                iteration++;
                double[][] jac = jacobian(current);
                if (jac == null) {
                    return new Run(current, iteration, true);
                }
                double[][] normal = new double[p][p];
                double[] gradient = new double[p];
                for (int pt = 0; pt < n; pt++) {
                    for (int i = 0; i < p; i++) {
                        gradient[i] -= jac[pt][i] * current.residual[pt];
                        for (int j = 0; j <= i; j++) {
                            normal[i][j] += jac[pt][i] * jac[pt][j];
                        }
                    }
                }
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < i; j++) {
                        normal[j][i] = normal[i][j];
                    }
                }
                Projection accepted = null;
                while (lambda < 1e16) {
                    double[] delta = LeastSquares.dampedSolve(normal, gradient, lambda);
                    if (delta != null) {
                        double[] trial = current.theta.clone();
                        for (int j = 0; j < p; j++) {
                            trial[j] += delta[j];
                        }
                        Projection next = project(trial);
                        if (next != null && next.chi2 < current.chi2) {
                            accepted = next;
                            lambda = Math.max(lambda / 10, 1e-12);
                            break;
                        }
                    }
                    lambda *= 10;
                }
                if (accepted == null) {
                    // No step lowers χ² any more: the minimum to working precision.
                    return new Run(current, iteration, true);
                }
                double decrease = current.chi2 - accepted.chi2;
                current = accepted;
                if (decrease <= 1e-10 * current.chi2 + 1e-300) {
                    return new Run(current, iteration, true);
                }
            }
            return new Run(current, iteration, false);
        }

        /** The fit record at a minimum, with the asymptotic covariance of all parameters. */
        Fit fit(Run run) {
            Projection at = run.at;
            int total = p + q;
            double[][] basis = basis(at.theta);
            // Weighted Jacobian of the model over β = (θ, c): θ columns by central differences at fixed c.
            double[][] jac = new double[n][total];
            for (int j = 0; j < p; j++) {
                double h = step(at.theta[j]);
                double[] plus = at.theta.clone();
                double[] minus = at.theta.clone();
                plus[j] += h;
                minus[j] -= h;
                double[][] up = basis(plus);
                double[][] down = basis(minus);
                double width = (up != null ? h : 0) + (down != null ? h : 0);
                up = up != null ? up : basis;
                down = down != null ? down : basis;
                for (int pt = 0; pt < n; pt++) {
                    double diff = 0;
                    for (int k = 0; k < q; k++) {
                        diff += (up[pt][k] - down[pt][k]) * at.c[k];
                    }
                    jac[pt][j] = width > 0 ? diff / width / data.sem()[pt] : 0;
                }
            }
            for (int pt = 0; pt < n; pt++) {
                for (int k = 0; k < q; k++) {
                    jac[pt][p + k] = basis[pt][k] / data.sem()[pt];
                }
            }
            double[][] normal = new double[total][total];
            for (int pt = 0; pt < n; pt++) {
                for (int i = 0; i < total; i++) {
                    for (int j = 0; j < total; j++) {
                        normal[i][j] += jac[pt][i] * jac[pt][j];
                    }
                }
            }
            double[][] covariance = LeastSquares.inverse(normal);
            double[] errors = new double[total];
            for (int i = 0; i < total; i++) {
                errors[i] = covariance == null ? Double.NaN : Math.sqrt(covariance[i][i]);
            }
            if (covariance == null) {
                covariance = new double[total][total];
                for (double[] row : covariance) {
                    Arrays.fill(row, Double.NaN);
                }
            }
            double[] parameters = new double[total];
            System.arraycopy(at.theta, 0, parameters, 0, p);
            System.arraycopy(at.c, 0, parameters, p, q);
            double[][] c = new double[order.relevant() + 1][order.irrelevant() + 1];
            for (int i = 0; i <= order.relevant(); i++) {
                for (int k = 0; k <= order.irrelevant(); k++) {
                    c[i][k] = at.c[i * (order.irrelevant() + 1) + k];
                }
            }
            int dof = n - total;
            return new Fit(order, at.theta[0], at.theta[1], order.irrelevant() > 0 ? at.theta[2] : Double.NaN,
                    a(at.theta), b(at.theta), c, at.chi2, n, dof, ChiSquare.survival(at.chi2, dof), parameters,
                    errors, covariance, run.iterations, run.converged);
        }
    }

    record Projection(double[] theta, double[] c, double[] residual, double chi2) {}

    record Run(Projection at, int iterations, boolean converged) {}

    // ---------------------------------------------------------------------------------------------
    // Fitting

    /**
     * The starting x_c: where the mean curves of the two largest sizes cross ({@link Crossings#crossing}),
     * else the middle of the grid.
     */
    public double crossingStart() {
        Crossings.Curve second = curves.get(curves.size() - 2);
        Crossings.Curve largest = curves.getLast();
        double x = Crossings.crossing(grid, second.mean(), largest.mean());
        return Double.isFinite(x) ? x : (grid[0] + grid[grid.length - 1]) / 2;
    }

    /** The best of the multi-start fits of {@code order} (starting x_c from {@link #crossingStart()}). */
    public Fit fit(Order order) {
        return fit(data, order, crossingStart());
    }

    /** Fits of every order, in the given order. */
    public List<Fit> fit(List<Order> orders) {
        return orders.stream().map(this::fit).toList();
    }

    /** Fits every order and picks the stable one ({@link #select}). */
    public Selection scan(List<Order> orders) {
        return select(fit(orders));
    }

    /**
     * The lowest χ² over the starts x_c = {@code xcStart}, ν ∈ {1, 1.5, 2}, y ∈ {1, 2, 3} (if n_I &gt; 0),
     * a_j = b_j = 0.
     *
     * @throws IllegalArgumentException if there are no more points than parameters
     * @throws IllegalStateException    if no start gives a valid model
     */
    public static Fit fit(Data data, Order order, double xcStart) {
        Problem problem = new Problem(data, order);
        Run best = null;
        double[] ys = order.irrelevant() > 0 ? Y_STARTS : new double[]{Double.NaN};
        for (double nu : NU_STARTS) {
            for (double y : ys) {
                double[] start = new double[order.nonlinearCount()];
                start[0] = xcStart;
                start[1] = nu;
                if (order.irrelevant() > 0) {
                    start[2] = y;
                }
                Run run = problem.minimize(start);
                if (run != null && (best == null || run.at.chi2 < best.at.chi2)) {
                    best = run;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no starting point gives a valid model for order " + order);
        }
        return problem.fit(best);
    }

    /** One Levenberg–Marquardt run on {@code data} from the parameters of {@code start} (a warm start). */
    public static Fit refit(Data data, Fit start) {
        Problem problem = new Problem(data, start.order());
        Run run = problem.minimize(start.theta());
        if (run == null) {
            throw new IllegalStateException("the warm start is not a valid model for these data");
        }
        return problem.fit(run);
    }

    // ---------------------------------------------------------------------------------------------
    // Choice of the orders

    /**
     * All fits, sorted by number of parameters (ties in the given order), and the stable choice, null if none.
     *
     * @param reason why {@code stable} was chosen, or why none was
     */
    public record Selection(List<Fit> fits, Fit stable, String reason) {}

    /**
     * The stable choice among fits of several orders. The fits are sorted by their number of parameters
     * (ties keep the given order). For each fit f the next-higher order is the first later fit g whose
     * order contains f's ({@link Order#nestedIn}: every one of n_R, n_I, m_ψ, m_φ at least f's) and
     * differs. The stable choice is the first f with
     * <ol>
     *   <li>p ≥ 0.05 (SO, RVSR), and</li>
     *   <li>estimates that agree with g's within their standard errors: |x_c(f) − x_c(g)| ≤ σ_xc(f) + σ_xc(g)
     *       and |ν(f) − ν(g)| ≤ σ_ν(f) + σ_ν(g) (their ±1σ bars overlap).</li>
     * </ol>
     * A fit without a next-higher order in the list cannot be checked and is not chosen. This makes
     * the practice of SO and RVSR mechanical: raise the orders until the fit is acceptable and the
     * critical parameters no longer move beyond their errors.
     */
    public static Selection select(List<Fit> fits) {
        List<Fit> sorted = fits.stream().sorted(Comparator.comparingInt(f -> f.order().parameterCount())).toList();
        for (int i = 0; i < sorted.size(); i++) {
            Fit f = sorted.get(i);
            if (!(f.pValue() >= 0.05)) {
                continue;
            }
            Fit g = null;
            for (int j = i + 1; j < sorted.size() && g == null; j++) {
                Order o = sorted.get(j).order();
                if (f.order().nestedIn(o) && !o.equals(f.order())) {
                    g = sorted.get(j);
                }
            }
            if (g == null) {
                continue;
            }
            if (Math.abs(f.xc() - g.xc()) <= f.xcError() + g.xcError()
                    && Math.abs(f.nu() - g.nu()) <= f.nuError() + g.nuError()) {
                return new Selection(sorted, f, String.format(Locale.ROOT,
                        "lowest order with p >= 0.05 (p = %.3g) whose x_c and nu agree within standard errors "
                                + "with the next-higher order %s", f.pValue(), g.order()));
            }
        }
        return new Selection(sorted, null, "no order has p >= 0.05 and x_c, nu that agree within standard errors "
                + "with a next-higher order in the list");
    }

    // ---------------------------------------------------------------------------------------------
    // Bootstrap

    /** A 95% interval: the estimate on all data and the 2.5% and 97.5% quantiles of the resamples. */
    public record Interval(double estimate, double low, double high) {}

    /**
     * The bootstrap of a fit.
     *
     * @param samples   resamples drawn
     * @param failed    resamples whose refit gave no valid model or did not converge (left out)
     * @param estimates per successful resample: x_c, ν, y (y NaN when n_I = 0)
     */
    public record Bootstrap(Fit fit, int samples, int failed, long seed, Interval xc, Interval nu, Interval y,
                            double[][] estimates) {}

    /**
     * Bootstrap intervals for x_c, ν and y of {@code fit}: each resample draws, per size, as many
     * realizations as there are with replacement (whole realizations, all grid points together),
     * recomputes the means and standard errors, and refits from {@code fit}'s parameters ({@link #refit}).
     * Resample s uses the s-th generator split off {@code new SplittableRandom(seed)} in sequence,
     * drawn before any fit runs; the refits then run on a parallel stream, so the result does not depend
     * on the number of threads. Use at least 1000 resamples for results.
     */
    public Bootstrap bootstrap(Fit fit, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least one resample, got " + samples);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[samples];
        for (int s = 0; s < samples; s++) {
            randoms[s] = root.split();
        }
        double[][] results = IntStream.range(0, samples).parallel().mapToObj(s -> {
            int[][] picks = new int[curves.size()][];
            for (int c = 0; c < curves.size(); c++) {
                picks[c] = Crossings.draw(randoms[s], curves.get(c).values().length);
            }
            try {
                Fit f = refit(Data.of(grid, curves, picks), fit);
                return f.converged() && Double.isFinite(f.chi2()) ? new double[]{f.xc(), f.nu(), f.y()} : null;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return null;
            }
        }).toArray(double[][]::new);
        double[][] estimates = Arrays.stream(results).filter(r -> r != null).toArray(double[][]::new);
        return new Bootstrap(fit, samples, samples - estimates.length, seed, interval(fit.xc(), estimates, 0),
                interval(fit.nu(), estimates, 1), interval(fit.y(), estimates, 2), estimates);
    }

    // ---------------------------------------------------------------------------------------------
    // Output for figures

    /**
     * One point of the data collapse: u = ψ(x) L^(1/ν), and ⟨r⟩ with the irrelevant part of the fit
     * taken off, ⟨r⟩ − [F(u, v) − F(u, 0)], which puts every size on the relevant scaling function
     * F_0(u) = F(u, 0), as in the scaling plots of SO and RVSR. The error is the point's own standard error.
     */
    public record CollapsePoint(int size, double x, double scalingVariable, double corrected, double sem,
                                double relevant) {}

    /** The data collapse of {@code data} under {@code fit}, point by point. */
    public static List<CollapsePoint> collapse(Fit fit, Data data) {
        List<CollapsePoint> points = new ArrayList<>();
        for (int p = 0; p < data.points(); p++) {
            int size = data.size()[p];
            double x = data.x()[p];
            double u = fit.scalingVariable(size, x);
            points.add(new CollapsePoint(size, x, u, data.mean()[p] - fit.irrelevantPart(size, x), data.sem()[p],
                    fit.scalingFunction(0, u)));
        }
        return points;
    }

    /** {@link #collapse} as a table: L, x, r_mean, r_sem, scaling_variable, r_corrected, F_relevant. */
    public static Table collapseTable(Fit fit, Data data) {
        Table table = new Table("L", "x", "r_mean", "r_sem", "scaling_variable", "r_corrected", "F_relevant");
        List<CollapsePoint> points = collapse(fit, data);
        for (int p = 0; p < points.size(); p++) {
            CollapsePoint c = points.get(p);
            table.row(c.size(), c.x(), data.mean()[p], c.sem(), c.scalingVariable(), c.corrected(), c.relevant());
        }
        return table;
    }

    /**
     * The fitted ⟨r⟩(x) = F(u, v) of each size on {@code points} evenly spaced x from {@code from} to
     * {@code to}: {@code curves[size][i]}, with x_i = from + (to − from) i/(points − 1).
     */
    public static double[][] fittedCurves(Fit fit, int[] sizes, double from, double to, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a fitted curve needs at least two points, got " + points);
        }
        double[][] curves = new double[sizes.length][points];
        for (int s = 0; s < sizes.length; s++) {
            for (int i = 0; i < points; i++) {
                curves[s][i] = fit.predict(sizes[s], from + (to - from) * i / (points - 1));
            }
        }
        return curves;
    }

    /** {@link #fittedCurves} as a table: L, x, r_fit, r_relevant (F(u, 0), without the irrelevant part). */
    public static Table fittedCurveTable(Fit fit, int[] sizes, double from, double to, int points) {
        double[][] curves = fittedCurves(fit, sizes, from, to, points);
        Table table = new Table("L", "x", "r_fit", "r_relevant");
        for (int s = 0; s < sizes.length; s++) {
            for (int i = 0; i < points; i++) {
                double x = from + (to - from) * i / (points - 1);
                table.row(sizes[s], x, curves[s][i], fit.scalingFunction(0, fit.scalingVariable(sizes[s], x)));
            }
        }
        return table;
    }

    /**
     * One row per fit: the orders, χ², dof, p, x_c, ν and y with standard errors, and whether it is the
     * stable choice of {@code selection}.
     */
    public static Table fitTable(Selection selection) {
        Table table = new Table("n_R", "n_I", "m_psi", "m_phi", "parameters", "chi2", "dof", "p", "x_c", "x_c_se",
                "nu", "nu_se", "y", "y_se", "converged", "stable");
        for (Fit f : selection.fits()) {
            Order o = f.order();
            table.row(o.relevant(), o.irrelevant(), o.psi(), o.phi(), o.parameterCount(), f.chi2(), f.dof(),
                    f.pValue(), f.xc(), f.xcError(), f.nu(), f.nuError(), f.y(), f.yError(), f.converged(),
                    f == selection.stable());
        }
        return table;
    }

    /** The bootstrap intervals: parameter, estimate, ci_low, ci_high, resamples, failed. */
    public static Table bootstrapTable(Bootstrap bootstrap) {
        Table table = new Table("parameter", "estimate", "ci_low", "ci_high", "resamples", "failed");
        table.row("x_c", bootstrap.xc().estimate(), bootstrap.xc().low(), bootstrap.xc().high(), bootstrap.samples(),
                bootstrap.failed());
        table.row("nu", bootstrap.nu().estimate(), bootstrap.nu().low(), bootstrap.nu().high(), bootstrap.samples(),
                bootstrap.failed());
        if (bootstrap.fit().order().irrelevant() > 0) {
            table.row("y", bootstrap.y().estimate(), bootstrap.y().low(), bootstrap.y().high(), bootstrap.samples(),
                    bootstrap.failed());
        }
        return table;
    }

    private static Interval interval(double estimate, double[][] estimates, int column) {
        double[] sorted = Arrays.stream(estimates).mapToDouble(e -> e[column]).filter(Double::isFinite).sorted()
                .toArray();
        return new Interval(estimate, Crossings.quantile(sorted, 0.025), Crossings.quantile(sorted, 0.975));
    }
}
