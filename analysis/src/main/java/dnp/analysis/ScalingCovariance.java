package dnp.analysis;

import java.util.Arrays;

/**
 * The asymptotic covariance of a finite-size-scaling fit at its minimum: (JᵀJ)⁻¹ with J_pk = ∂F_p/∂β_k / σ_p
 * over all parameters β = (θ, c), the θ columns by central differences at fixed c (the σ_p taken as known,
 * not rescaled by χ²/dof), and the {@link FiniteSizeScaling.Fit} record that carries it.
 */
final class ScalingCovariance {
    private ScalingCovariance() {}

    /** The fit record at a minimum, with the asymptotic covariance of all parameters. */
    static FiniteSizeScaling.Fit fit(ScalingModel model, LevenbergMarquardt.Run<ScalingModel.Projection> run) {
        ScalingModel.Projection at = run.at();
        FiniteSizeScaling.Data data = model.data;
        FiniteSizeScaling.Order order = model.order;
        int n = model.n;
        int p = model.p;
        int q = model.q;
        int total = p + q;
        double[][] basis = model.basis(at.theta());
        // Weighted Jacobian of the model over β = (θ, c): θ columns by central differences at fixed c.
        double[][] jac = new double[n][total];
        for (int j = 0; j < p; j++) {
            double h = LevenbergMarquardt.step(at.theta()[j]);
            double[] plus = at.theta().clone();
            double[] minus = at.theta().clone();
            plus[j] += h;
            minus[j] -= h;
            double[][] up = model.basis(plus);
            double[][] down = model.basis(minus);
            double width = (up != null ? h : 0) + (down != null ? h : 0);
            up = up != null ? up : basis;
            down = down != null ? down : basis;
            for (int pt = 0; pt < n; pt++) {
                double diff = 0;
                for (int k = 0; k < q; k++) {
                    diff += (up[pt][k] - down[pt][k]) * at.c()[k];
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
        System.arraycopy(at.theta(), 0, parameters, 0, p);
        System.arraycopy(at.c(), 0, parameters, p, q);
        double[][] c = new double[order.relevant() + 1][order.irrelevant() + 1];
        for (int i = 0; i <= order.relevant(); i++) {
            for (int k = 0; k <= order.irrelevant(); k++) {
                c[i][k] = at.c()[i * (order.irrelevant() + 1) + k];
            }
        }
        int dof = n - total;
        double[] theta = at.theta();
        return new FiniteSizeScaling.Fit(order, theta[0], theta[1], order.irrelevant() > 0 ? theta[2] : Double.NaN,
                model.a(theta), model.b(theta), c, at.chi2(), n, dof, ChiSquare.survival(at.chi2(), dof),
                parameters, errors, covariance, run.iterations(), run.termination());
    }
}
