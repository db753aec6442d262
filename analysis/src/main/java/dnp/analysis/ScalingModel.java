package dnp.analysis;

import java.util.Arrays;

/**
 * The model of {@link FiniteSizeScaling} for one data set and one {@link FiniteSizeScaling.Order}: maps
 * the nonlinear parameters θ = (x_c, ν, y?, a_2…, b_1…) to the basis u^i v^k of F(u, v) and solves the
 * linear coefficients c_ik by weighted least squares ({@link LeastSquares}), which gives the projected
 * residual (⟨r⟩_p − F_p)/σ_p that the optimizer minimizes (variable projection).
 */
final class ScalingModel {

    /** The parameters θ, the c(θ) that minimize χ² for them, the weighted residuals and χ². */
    record Projection(double[] theta, double[] c, double[] residual, double chi2)
            implements LevenbergMarquardt.Point {}

    /** ψ(x) = Σ_j a_j (x − x_c)^j at dx = x − x_c (Horner). */
    static double psi(double[] a, double dx) {
        double s = 0;
        for (int j = a.length; j >= 1; j--) {
            s = (s + a[j - 1]) * dx;
        }
        return s;
    }

    /** φ(x) = 1 + Σ_j b_j (x − x_c)^j. */
    static double phi(double[] b, double dx) {
        return 1 + psi(b, dx);
    }

    final FiniteSizeScaling.Data data;
    final FiniteSizeScaling.Order order;
    final int n;
    final int p;
    final int q;
    final double[] logSize;

    ScalingModel(FiniteSizeScaling.Data data, FiniteSizeScaling.Order order) {
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
}
