package dnp.analysis;

import java.util.List;

/**
 * Mean, sample standard deviation and standard error of a list of values (NaN values skipped): the
 * one home of these statistics, for tables, figures, crossings and fits.
 *
 * @param count values that were not NaN
 * @param std   sample standard deviation (n − 1); NaN for fewer than two values
 * @param sem   standard error of the mean, std/√n
 */
public record Stats(int count, double mean, double std, double sem) {

    public static Stats of(List<Double> values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return of(v);
    }

    public static Stats of(double[] values) {
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

    /**
     * The mean of {@code values[pick[k]]} over k (a bootstrap resample), or of all values when
     * {@code pick} is null; NaN values skipped, NaN if none is left.
     */
    public static double mean(double[] values, int[] pick) {
        double sum = 0;
        int count = 0;
        int draws = pick == null ? values.length : pick.length;
        for (int k = 0; k < draws; k++) {
            double v = values[pick == null ? k : pick[k]];
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * C = K̄/R̄ (Eq. 30): the ratio of the realization-averaged K and R (averages first, then the
     * ratio), NaN where R̄ is zero.
     */
    public static double ratioOfMeans(double meanK, double meanR) {
        return meanR > 0 ? meanK / meanR : Double.NaN;
    }
}
