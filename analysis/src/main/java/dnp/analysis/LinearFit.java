package dnp.analysis;

/** The least-squares line y = slope·x + intercept through points (x_i, y_i), unweighted. */
public record LinearFit(double slope, double intercept) {

    public static LinearFit of(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new LinearFit(slope, my - slope * mx);
    }

    public double at(double x) {
        return intercept + slope * x;
    }
}
