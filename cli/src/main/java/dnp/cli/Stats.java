package dnp.cli;

import java.util.List;

/** Mean, sample standard deviation and standard error of a list of values (NaN values skipped). */
record Stats(int count, double mean, double std, double sem) {

    static Stats of(List<Double> values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        return new Stats(n, mean, std, n > 1 ? std / Math.sqrt(n) : Double.NaN);
    }
}
