package dnp.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
 * See {@link OrderSelection#select}.
 *
 * <h2>Where each job lives</h2>
 * This class holds the vocabulary (orders, data, fits, selections, bootstraps) and the multi-start fit;
 * {@link ScalingModel} the model and its projection onto the linear coefficients, {@link
 * LevenbergMarquardt} the optimizer, {@link ScalingCovariance} the asymptotic covariance, {@link
 * OrderSelection} the choice of orders, {@link ScalingBootstrap} the bootstrap and {@link ScalingTables}
 * the collapse, curves and tables.
 */
public final class FiniteSizeScaling {

    /** Starting values of ν and y (RVSR find ν ≈ 1.59 for the 3D Anderson model with box disorder). */
    static final double[] NU_STARTS = {1, 1.5, 2};
    static final double[] Y_STARTS = {1, 2, 3};

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

    /** Why a Levenberg–Marquardt run stopped ({@link LevenbergMarquardt}). */
    public enum Termination {
        /** χ² stopped decreasing (relative change below 1e-10), or no step lowers it and none is predicted to. */
        CONVERGED,
        /** No step lowers χ² although the linearized model predicts a decrease, or no gradient could be formed. */
        STALLED,
        /** The iteration limit was reached while χ² was still decreasing. */
        ITERATION_LIMIT;

        /** {@code converged}, {@code stalled}, {@code iteration-limit}: the word tables and records print. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

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
     * @param termination why the Levenberg–Marquardt run stopped; only {@link Termination#CONVERGED} is a minimum
     */
    public record Fit(Order order, double xc, double nu, double y, double[] a, double[] b, double[][] c, double chi2,
                      int points, int dof, double pValue, double[] parameters, double[] errors,
                      double[][] covariance, int iterations, Termination termination) {

        /** Whether the run stopped at a minimum. */
        public boolean converged() {
            return termination == Termination.CONVERGED;
        }

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
            return ScalingModel.psi(a, x - xc);
        }

        /** φ(x) = 1 + Σ_j b_j (x − x_c)^j. */
        public double phi(double x) {
            return ScalingModel.phi(b, x - xc);
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

    /** Fits every order and picks the stable one ({@link OrderSelection#select}). */
    public Selection scan(List<Order> orders) {
        return OrderSelection.select(fit(orders));
    }

    /**
     * The lowest χ² over the starts x_c = {@code xcStart}, ν ∈ {1, 1.5, 2}, y ∈ {1, 2, 3} (if n_I &gt; 0),
     * a_j = b_j = 0.
     *
     * @throws IllegalArgumentException if there are no more points than parameters
     * @throws IllegalStateException    if no start gives a valid model
     */
    public static Fit fit(Data data, Order order, double xcStart) {
        ScalingModel model = new ScalingModel(data, order);
        LevenbergMarquardt.Run<ScalingModel.Projection> best = null;
        double[] ys = order.irrelevant() > 0 ? Y_STARTS : new double[]{Double.NaN};
        for (double nu : NU_STARTS) {
            for (double y : ys) {
                double[] start = new double[order.nonlinearCount()];
                start[0] = xcStart;
                start[1] = nu;
                if (order.irrelevant() > 0) {
                    start[2] = y;
                }
                var run = LevenbergMarquardt.minimize(model::project, start);
                if (run != null && (best == null || run.at().chi2() < best.at().chi2())) {
                    best = run;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no starting point gives a valid model for order " + order);
        }
        return ScalingCovariance.fit(model, best);
    }

    /** One Levenberg–Marquardt run on {@code data} from the parameters of {@code start} (a warm start). */
    public static Fit refit(Data data, Fit start) {
        ScalingModel model = new ScalingModel(data, start.order());
        var run = LevenbergMarquardt.minimize(model::project, start.theta());
        if (run == null) {
            throw new IllegalStateException("the warm start is not a valid model for these data");
        }
        return ScalingCovariance.fit(model, run);
    }

    // ---------------------------------------------------------------------------------------------
    // Choice of the orders

    /**
     * All fits, sorted by number of parameters (ties in the given order), and the stable choice, null if none.
     *
     * @param reason why {@code stable} was chosen, or why none was
     */
    public record Selection(List<Fit> fits, Fit stable, String reason) {}

    // ---------------------------------------------------------------------------------------------
    // Bootstrap

    /** A 95% interval: the estimate on all data and the 2.5% and 97.5% quantiles of the resamples. */
    public record Interval(double estimate, double low, double high) {}

    /**
     * The bootstrap of a fit.
     *
     * @param samples      resamples drawn
     * @param failed       resamples left out of the intervals: their refit gave no valid model, or it did not
     *                     converge (stalled or ran out of iterations), or its χ² is not finite
     * @param notConverged of those, the refits that stopped without converging
     * @param estimates    per successful resample: x_c, ν, y (y NaN when n_I = 0)
     */
    public record Bootstrap(Fit fit, int samples, int failed, int notConverged, long seed, Interval xc, Interval nu,
                            Interval y, double[][] estimates) {}

    /**
     * Bootstrap intervals for x_c, ν and y of {@code fit} from {@code samples} resamples of whole
     * realizations drawn from {@code seed} ({@link ScalingBootstrap}).
     */
    public Bootstrap bootstrap(Fit fit, int samples, long seed) {
        return ScalingBootstrap.run(this, fit, samples, seed);
    }

    // ---------------------------------------------------------------------------------------------
    // Output for figures (ScalingTables)

    /**
     * One point of the data collapse: u = ψ(x) L^(1/ν), and ⟨r⟩ with the irrelevant part of the fit
     * taken off, ⟨r⟩ − [F(u, v) − F(u, 0)], which puts every size on the relevant scaling function
     * F_0(u) = F(u, 0), as in the scaling plots of SO and RVSR. The error is the point's own standard error.
     */
    public record CollapsePoint(int size, double x, double scalingVariable, double corrected, double sem,
                                double relevant) {}
}
