package dnp.benchmarks.tools;

import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import dnp.kpm.DampingKernel;
import dnp.kpm.GramMoments;
import dnp.kpm.KpmEngine;
import dnp.kpm.KpmEvaluator;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmObservables;
import dnp.kpm.KpmPairResult;
import dnp.kpm.KpmSettings;
import dnp.kpm.VectorEngine;
import dnp.kpm.VectorEvaluator;
import dnp.kpm.VectorSettings;

import java.util.Locale;

/**
 * Measurement tool (not a unit test): do the vector estimator's error bars cover? The all-sites value
 * of the site route on one realization (seed 42, realization 0) against D independent draws of the
 * vector estimator on the same realization, for P_n at ω_n = 20 and C(ω_n = 1), both conventions from
 * the same moments. Counts the draws whose ±1σ, ±2σ and 95% Student-t interval (J degrees of freedom)
 * hold the all-sites value. Arguments: L t M R J D.
 */
public final class VectorCoverage {
    /** Two-sided 97.5% quantiles of Student's t for 1 … 30 degrees of freedom. */
    static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201,
            2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
            2.052, 2.048, 2.045, 2.042};

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        double t = Double.parseDouble(args[1]);
        int moments = Integer.parseInt(args[2]);
        int vectors = Integer.parseInt(args[3]);
        int groups = Integer.parseInt(args[4]);
        int draws = Integer.parseInt(args[5]);
        int threads = Runtime.getRuntime().availableProcessors();
        RealizationInput base = RealizationInput.defaults(size, t, 42, 0).withPairs(EstimatorComparison.PAIRS);
        long t0 = System.nanoTime();
        KpmMoments all = KpmEngine.compute(base, KpmSettings.allSites(moments).withThreads(threads));
        System.out.printf(Locale.ROOT, "all %d sites: %.1f s%n", base.sites(), (System.nanoTime() - t0) * 1e-9);
        Convention[] conventions = Convention.values();
        double[][] exact = new double[conventions.length][2];
        for (Convention c : conventions) {
            KpmObservables o = KpmEvaluator.evaluate(all, base.withConvention(c));
            exact[c.ordinal()][0] = o.pairs().get(0).pn();
            exact[c.ordinal()][1] = o.pairs().get(1).correlatorC();
            System.out.printf(Locale.ROOT, "all sites %s: P_n(20) = %.6f, C(1) = %.5f%n", c.label(),
                    exact[c.ordinal()][0], exact[c.ordinal()][1]);
        }
        double tq = T975[Math.min(groups, T975.length) - 1];
        int[][][] covered = new int[conventions.length][2][3];   // [convention][P_n, C][1σ, 2σ, t]
        double[][] sumZ2 = new double[conventions.length][2];
        VectorSettings settings = new VectorSettings(moments, vectors, groups, DampingKernel.JACKSON, threads);
        for (int d = 0; d < draws; d++) {
            GramMoments gram = VectorEngine.compute(base, settings.withDraw(d));
            for (Convention c : conventions) {
                KpmObservables o = VectorEvaluator.evaluate(gram, base.withConvention(c));
                KpmPairResult p20 = o.pairs().get(0);
                KpmPairResult p1 = o.pairs().get(1);
                double[][] est = {{p20.pn(), p20.pnError()}, {p1.correlatorC(), p1.correlatorCError()}};
                for (int q = 0; q < 2; q++) {
                    double z = (est[q][0] - exact[c.ordinal()][q]) / est[q][1];
                    sumZ2[c.ordinal()][q] += z * z;
                    covered[c.ordinal()][q][0] += Math.abs(z) <= 1 ? 1 : 0;
                    covered[c.ordinal()][q][1] += Math.abs(z) <= 2 ? 1 : 0;
                    covered[c.ordinal()][q][2] += Math.abs(z) <= tq ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "draw %d %s: P_n = %.6f ± %.2e (z = %+.2f), C(1) = %.5f ± %.2e (z = %+.2f)%n",
                        d, c.label(), p20.pn(), p20.pnError(), (p20.pn() - exact[c.ordinal()][0]) / p20.pnError(),
                        p1.correlatorC(), p1.correlatorCError(),
                        (p1.correlatorC() - exact[c.ordinal()][1]) / p1.correlatorCError());
            }
        }
        for (Convention c : conventions) {
            for (int q = 0; q < 2; q++) {
                int[] k = covered[c.ordinal()][q];
                System.out.printf(Locale.ROOT, "coverage L=%d %s %s, %d draws, R=%d J=%d: ±1σ %d, ±2σ %d, 95%% t(%d) = ±%.3fσ %d; "
                                + "mean z² %.2f%n", size, c.label(), q == 0 ? "P_n(20)" : "C(1)", draws, vectors, groups,
                        k[0], k[1], groups, tq, k[2], sumZ2[c.ordinal()][q] / draws);
            }
        }
    }
}
