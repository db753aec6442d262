package dnp.analysis;

import java.util.function.Function;

/**
 * Levenberg–Marquardt minimization of χ²(θ) = Σ_p r_p(θ)² (Marquardt's scaling: damped normal equations
 * (JᵀJ + λ diag JᵀJ) δ = −Jᵀr solved by {@link LeastSquares#dampedSolve}, J by central differences of the
 * residual). The residual function returns null where θ is out of the model's range; such trial steps
 * are rejected like steps that do not lower χ².
 */
final class LevenbergMarquardt {
    private LevenbergMarquardt() {}

    /** Iterations after which a run stops without convergence. */
    static final int MAX_ITERATIONS = 500;

    /** A point of the residual function: θ, r(θ) and χ² = |r|². */
    interface Point {
        double[] theta();

        double[] residual();

        double chi2();
    }

    /**
     * A remaining decrease of χ² below this is no decrease worth taking: χ² rising by 1 marks one standard
     * error of the parameters, so a step that would lower it by 1e-6 moves them by about 10⁻³ σ.
     */
    static final double NEGLIGIBLE_DECREASE = 1e-6;

    /** The last accepted point, the iterations run, and why the run stopped. */
    record Run<P extends Point>(P at, int iterations, FiniteSizeScaling.Termination termination) {}

    /** Step for the central differences of θ_j. */
    static double step(double value) {
        return 1e-6 * Math.max(Math.abs(value), 0.1);
    }

    /** The Jacobian of the projected residual, ∂r_p/∂θ_j, by central (else one-sided) differences. */
    private static double[][] jacobian(Function<double[], ? extends Point> residuals, Point at) {
        int n = at.residual().length;
        int p = at.theta().length;
        double[][] jac = new double[n][p];
        for (int j = 0; j < p; j++) {
            double h = step(at.theta()[j]);
            double[] plus = at.theta().clone();
            double[] minus = at.theta().clone();
            plus[j] += h;
            minus[j] -= h;
            Point up = residuals.apply(plus);
            Point down = residuals.apply(minus);
            double[] hi = up != null ? up.residual() : at.residual();
            double[] lo = down != null ? down.residual() : at.residual();
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
    static <P extends Point> Run<P> minimize(Function<double[], P> residuals, double[] start) {
        P current = residuals.apply(start);
        if (current == null) {
            return null;
        }
        int n = current.residual().length;
        int p = start.length;
        double lambda = 1e-3;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double[][] jac = jacobian(residuals, current);
            if (jac == null) {
                // Neither side of some θ_j is a valid model: no gradient, no step, and no sign of a minimum.
                return new Run<>(current, iteration, FiniteSizeScaling.Termination.STALLED);
            }
            double[][] normal = new double[p][p];
            double[] gradient = new double[p];
            for (int pt = 0; pt < n; pt++) {
                for (int i = 0; i < p; i++) {
                    gradient[i] -= jac[pt][i] * current.residual()[pt];
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
            P accepted = null;
            while (lambda < 1e16) {
                double[] delta = LeastSquares.dampedSolve(normal, gradient, lambda);
                if (delta != null) {
                    double[] trial = current.theta().clone();
                    for (int j = 0; j < p; j++) {
                        trial[j] += delta[j];
                    }
                    P next = residuals.apply(trial);
                    if (next != null && next.chi2() < current.chi2()) {
                        accepted = next;
                        lambda = Math.max(lambda / 10, 1e-12);
                        break;
                    }
                }
                lambda *= 10;
            }
            if (accepted == null) {
                // No damped step lowers χ². At a minimum that is because the Gauss–Newton step would gain
                // nothing; otherwise the run is stuck on a slope (a wall of the model's range, a kink), and
                // saying "converged" there would pass off a point that is not a minimum as one.
                return new Run<>(current, iteration, predictedDecrease(normal, gradient) <= NEGLIGIBLE_DECREASE
                        ? FiniteSizeScaling.Termination.CONVERGED : FiniteSizeScaling.Termination.STALLED);
            }
            double decrease = current.chi2() - accepted.chi2();
            current = accepted;
            if (decrease <= 1e-10 * current.chi2() + 1e-300) {
                return new Run<>(current, iteration, FiniteSizeScaling.Termination.CONVERGED);
            }
        }
        return new Run<>(current, iteration, FiniteSizeScaling.Termination.ITERATION_LIMIT);
    }

    /**
     * The decrease of χ² that the linearized model promises for the Gauss–Newton step δ = (JᵀJ)⁻¹g with
     * g = −Jᵀr: |r + Jδ|² = χ² − gᵀδ, so gᵀδ (≥ 0); infinite where JᵀJ is singular even when barely damped.
     */
    static double predictedDecrease(double[][] normal, double[] gradient) {
        double[] delta = LeastSquares.dampedSolve(normal, gradient, 1e-12);
        if (delta == null) {
            return Double.POSITIVE_INFINITY;
        }
        double decrease = 0;
        for (int j = 0; j < delta.length; j++) {
            decrease += gradient[j] * delta[j];
        }
        return decrease;
    }
}
