package dnp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the ⟨r⟩ curves of two system sizes cross, with a bootstrap confidence interval.
 *
 * <p>For sizes L₁ &lt; L₂ on a common grid x (w/t ascending), the difference ⟨r⟩_L₂ − ⟨r⟩_L₁ is
 * positive on the metallic side (larger systems are more GOE-like) and negative on the insulating
 * side (more Poisson-like); the crossing is the sign change from + to − that best separates the
 * two sides, located by linear interpolation between grid points. The interval resamples the realizations of each size with
 * replacement (whole realizations, keeping their correlation across x: one disorder serves every t)
 * and takes the 2.5% and 97.5% quantiles of the resampled crossings.
 */
final class Crossings {
    private Crossings() {}

    /**
     * One size's data: {@code values[realization][i]} is that realization's ⟨r⟩ at x_i
     * (NaN where missing).
     */
    record Curve(int size, double[][] values) {
        double[] mean() {
            return meanOf(values, null);
        }
    }

    record Crossing(int smaller, int larger, double x, double low, double high, int bootstrapSamples,
                    int bootstrapMissing) {}

    static double[] meanOf(double[][] values, int[] pick) {
        int points = values[0].length;
        double[] mean = new double[points];
        for (int i = 0; i < points; i++) {
            double sum = 0;
            int count = 0;
            int draws = pick == null ? values.length : pick.length;
            for (int k = 0; k < draws; k++) {
                double v = values[pick == null ? k : pick[k]][i];
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            mean[i] = count > 0 ? sum / count : Double.NaN;
        }
        return mean;
    }

    /**
     * The + to − sign change of b − a over x that best splits the grid into a positive side and a
     * negative side (most points on the expected side of it; the first such change on ties),
     * linearly interpolated; NaN if there is none. Noise can add spurious changes near the ends;
     * the split criterion ignores them.
     */
    static double crossing(double[] x, double[] a, double[] b) {
        int points = x.length;
        double[] d = new double[points];
        for (int i = 0; i < points; i++) {
            d[i] = b[i] - a[i];
        }
        int best = -1;
        int bestScore = -1;
        for (int i = 0; i + 1 < points; i++) {
            if (Double.isNaN(d[i]) || Double.isNaN(d[i + 1]) || !(d[i] > 0 && d[i + 1] <= 0)) {
                continue;
            }
            int score = 0;
            for (int j = 0; j < points; j++) {
                if (!Double.isNaN(d[j]) && (j <= i ? d[j] > 0 : d[j] <= 0)) {
                    score++;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        return x[best] + (x[best + 1] - x[best]) * d[best] / (d[best] - d[best + 1]);
    }

    static Crossing find(double[] x, Curve smaller, Curve larger, int samples, long seed) {
        double estimate = crossing(x, smaller.mean(), larger.mean());
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> resampled = new ArrayList<>();
        int missing = 0;
        for (int s = 0; s < samples; s++) {
            double c = crossing(x, meanOf(smaller.values(), draw(random, smaller.values().length)),
                    meanOf(larger.values(), draw(random, larger.values().length)));
            if (Double.isNaN(c)) {
                missing++;
            } else {
                resampled.add(c);
            }
        }
        double[] sorted = resampled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Crossing(smaller.size(), larger.size(), estimate, quantile(sorted, 0.025), quantile(sorted, 0.975),
                samples, missing);
    }

    private static int[] draw(SplittableRandom random, int n) {
        int[] pick = new int[n];
        for (int i = 0; i < n; i++) {
            pick[i] = random.nextInt(n);
        }
        return pick;
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }
}
