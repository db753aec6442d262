package dnp.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The bootstrap of a finite-size-scaling fit over whole realizations ({@link FiniteSizeScaling#bootstrap}). */
final class ScalingBootstrap {
    private ScalingBootstrap() {}

    /**
     * Bootstrap intervals for x_c, ν and y of {@code fit}: each resample draws, per size, as many
     * realizations as there are with replacement (whole realizations, all grid points together),
     * recomputes the means and standard errors, and refits from {@code fit}'s parameters ({@link
     * FiniteSizeScaling#refit}).
     * Resample s uses the s-th generator split off {@code new SplittableRandom(seed)} in sequence,
     * drawn before any fit runs; the refits then run on a parallel stream, so the result does not depend
     * on the number of threads. Use at least 1000 resamples for results.
     */
    static FiniteSizeScaling.Bootstrap run(FiniteSizeScaling scaling, FiniteSizeScaling.Fit fit, int samples,
                                           long seed) {
        double[] grid = scaling.grid();
        List<Crossings.Curve> curves = scaling.curves();
        if (samples < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least one resample, got " + samples);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[samples];
        for (int s = 0; s < samples; s++) {
            randoms[s] = root.split();
        }
        // Per resample: the refit, or null where no valid model could be fitted.
        FiniteSizeScaling.Fit[] refits = IntStream.range(0, samples).parallel().mapToObj(s -> {
            int[][] picks = new int[curves.size()][];
            for (int c = 0; c < curves.size(); c++) {
                picks[c] = Crossings.draw(randoms[s], curves.get(c).values().length);
            }
            try {
                return FiniteSizeScaling.refit(FiniteSizeScaling.Data.of(grid, curves, picks), fit);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return null;
            }
        }).toArray(FiniteSizeScaling.Fit[]::new);
        int notConverged = (int) Arrays.stream(refits).filter(f -> f != null && !f.converged()).count();
        double[][] estimates = Arrays.stream(refits)
                .filter(f -> f != null && f.converged() && Double.isFinite(f.chi2()))
                .map(f -> new double[]{f.xc(), f.nu(), f.y()}).toArray(double[][]::new);
        return new FiniteSizeScaling.Bootstrap(fit, samples, samples - estimates.length, notConverged, seed,
                interval(fit.xc(), estimates, 0), interval(fit.nu(), estimates, 1), interval(fit.y(), estimates, 2),
                estimates);
    }

    private static FiniteSizeScaling.Interval interval(double estimate, double[][] estimates, int column) {
        double[] sorted = Arrays.stream(estimates).mapToDouble(e -> e[column]).filter(Double::isFinite).sorted()
                .toArray();
        return new FiniteSizeScaling.Interval(estimate, Crossings.quantile(sorted, 0.025),
                Crossings.quantile(sorted, 0.975));
    }
}
