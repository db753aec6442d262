package dnp.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the ⟨r⟩ curves of two system sizes cross, with a bootstrap confidence interval.
 *
 * <p>For sizes L₁ &lt; L₂ on a common grid x (w/t ascending), the difference ⟨r⟩_L₂ − ⟨r⟩_L₁ is
 * positive on the metallic side (larger systems are more GOE-like) and negative on the insulating
 * side (more Poisson-like); the crossing is the sign change from + to − of the difference of the
 * two curves, each smoothed by a least-squares cubic (see {@link #crossing}). The interval resamples the realizations of each size with
 * replacement (whole realizations, keeping their correlation across x: one disorder serves every t)
 * and takes the 2.5% and 97.5% quantiles of the resampled crossings.
 */
public final class Crossings {
    private Crossings() {}

    /**
     * One size's data: {@code values[realization][i]} is that realization's ⟨r⟩ at x_i
     * (NaN where missing).
     */
    public record Curve(int size, double[][] values) {
        public double[] mean() {
            return meanOf(values, null);
        }
    }

    public record Crossing(int smaller, int larger, double x, double low, double high, int bootstrapSamples,
                    int bootstrapMissing) {}

    /** The mean of each column (grid point) over the realizations {@code pick} (all if null). */
    static double[] meanOf(double[][] values, int[] pick) {
        int points = values[0].length;
        double[] mean = new double[points];
        double[] column = new double[values.length];
        for (int i = 0; i < points; i++) {
            for (int k = 0; k < values.length; k++) {
                column[k] = values[k][i];
            }
            mean[i] = Stats.mean(column, pick);
        }
        return mean;
    }

    /**
     * Where b − a changes sign from + to −. With five or more grid points each curve is first
     * smoothed by a least-squares cubic in x (the noise of single grid points then cannot fake a
     * crossing) and the difference is scanned on a fine grid; with fewer, the raw points are used.
     * Among several changes the one that best splits the grid into a positive and a negative side
     * is taken; the crossing is interpolated linearly. NaN if there is none.
     */
    public static double crossing(double[] x, double[] a, double[] b) {
        if (x.length >= 5) {
            double[] pa = cubic(x, a);
            double[] pb = cubic(x, b);
            if (pa != null && pb != null) {
                int fine = 400;
                double[] xf = new double[fine + 1];
                double[] zero = new double[fine + 1];
                double[] d = new double[fine + 1];
                for (int i = 0; i <= fine; i++) {
                    xf[i] = x[0] + (x[x.length - 1] - x[0]) * i / fine;
                    d[i] = eval(pb, xf[i]) - eval(pa, xf[i]);
                }
                return bestSignChange(xf, zero, d);
            }
        }
        return bestSignChange(x, a, b);
    }

    /** The + to − change of b − a that best splits the points into a positive and a negative side. */
    private static double bestSignChange(double[] x, double[] a, double[] b) {
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

    /**
     * Least-squares cubic c0 + c1 u + c2 u² + c3 u³ in u = (x − x̄)/s over the finite points ({@link
     * LeastSquares}), returned as {c0, c1, c2, c3, x̄, s}; null with fewer than five points or a singular design.
     */
    static double[] cubic(double[] x, double[] y) {
        double mean = (x[0] + x[x.length - 1]) / 2;
        double scale = Math.max(1e-12, (x[x.length - 1] - x[0]) / 2);
        List<Integer> finite = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                finite.add(i);
            }
        }
        if (finite.size() < 5) {
            return null;
        }
        double[] u = finite.stream().mapToDouble(i -> (x[i] - mean) / scale).toArray();
        double[] v = finite.stream().mapToDouble(i -> y[i]).toArray();
        LeastSquares.Solution s = LeastSquares.fit(LeastSquares.polynomialDesign(u, 3), v, null);
        if (s == null) {
            return null;
        }
        double[] c = s.coefficients();
        return new double[]{c[0], c[1], c[2], c[3], mean, scale};
    }

    private static double eval(double[] p, double x) {
        double u = (x - p[4]) / p[5];
        return p[0] + u * (p[1] + u * (p[2] + u * p[3]));
    }

    public static Crossing find(double[] x, Curve smaller, Curve larger, int samples, long seed) {
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

    static int[] draw(SplittableRandom random, int n) {
        int[] pick = new int[n];
        for (int i = 0; i < n; i++) {
            pick[i] = random.nextInt(n);
        }
        return pick;
    }

    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }
}
