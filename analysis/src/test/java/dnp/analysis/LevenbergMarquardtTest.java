package dnp.analysis;

import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The optimizer says "converged" only at a minimum. */
class LevenbergMarquardtTest {

    record P(double[] theta, double[] residual, double chi2) implements LevenbergMarquardt.Point {
        static P of(double[] theta, double... residual) {
            double chi2 = 0;
            for (double r : residual) {
                chi2 += r * r;
            }
            return new P(theta.clone(), residual, chi2);
        }
    }

    /** r = (θ_0 − 0.5, 2(θ_1 + 1)): the minimum (0.5, −1) is reached and called converged. */
    @Test
    void aMinimumConverges() {
        Function<double[], P> f = t -> P.of(t, t[0] - 0.5, 2 * (t[1] + 1));
        var run = LevenbergMarquardt.minimize(f, new double[]{3, 4});
        assertEquals(FiniteSizeScaling.Termination.CONVERGED, run.termination());
        assertEquals(0.5, run.at().theta()[0], 1e-6);
        assertEquals(-1, run.at().theta()[1], 1e-6);
    }

    /**
     * r = θ − 5 on a model valid only for θ ≤ 1: from θ = 1 every step toward the minimum leaves the
     * model's range and every other step raises χ², while the gradient still points to a decrease of 16.
     * That is a stall at a wall, not a minimum (it used to be reported converged).
     */
    @Test
    void aStallAtTheEdgeOfTheRangeIsNotConverged() {
        Function<double[], P> f = t -> t[0] > 1 ? null : P.of(t, t[0] - 5);
        var run = LevenbergMarquardt.minimize(f, new double[]{1});
        assertEquals(FiniteSizeScaling.Termination.STALLED, run.termination());
        assertEquals(1, run.at().theta()[0]);
    }

    /** The Gauss–Newton promise gᵀ(JᵀJ)⁻¹g of a one-parameter linear residual r = θ − 5 at θ = 1 is (θ − 5)² = 16. */
    @Test
    void predictedDecreaseOfALinearResidual() {
        assertEquals(16, LevenbergMarquardt.predictedDecrease(new double[][]{{1}}, new double[]{4}), 1e-9);
    }
}
