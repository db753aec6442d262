package dnp.analysis;

/** The least-squares line y = slope·x + intercept through points (x_i, y_i), unweighted. */
public record LinearFit(double slope, double intercept) {

    /** The line through the points ({@link LeastSquares}); NaN slope and intercept where all x are equal. */
    public static LinearFit of(double[] x, double[] y) {
        LeastSquares.Solution s = LeastSquares.fit(LeastSquares.polynomialDesign(x, 1), y, null);
        return s == null ? new LinearFit(Double.NaN, Double.NaN) : new LinearFit(s.coefficient(1), s.coefficient(0));
    }

    public double at(double x) {
        return intercept + slope * x;
    }
}
