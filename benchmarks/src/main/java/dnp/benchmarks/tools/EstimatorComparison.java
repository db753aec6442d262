package dnp.benchmarks.tools;

import dnp.kernel.model.Convention;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;
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

import java.util.List;
import java.util.Locale;

/**
 * Measurement tool (not a unit test): the site and vector estimators on the same realization
 * (seed 42, realization 0), P_n at ω_n = 20 and C(ω_n = 1) under both conventions, with the error of
 * each and the wall time of its moments and evaluation.
 * <ul>
 *   <li>{@code sites L t M S}: one site sample of S sites (S = 0: all sites, the exact site sum);</li>
 *   <li>{@code vectors L t M R J D}: D independent draws of R vectors in J groups; prints each draw, then
 *       the spread of the draws (the estimator's actual error) next to the mean jackknife error.</li>
 * </ul>
 * Threads: all cores. Variance × time per realization, the number that matters for large L, is
 * printed as (relative error)² × seconds.
 */
public final class EstimatorComparison {
    static final List<FrequencyPair> PAIRS = List.of(new FrequencyPair(20, PhysicalParameters.DEFAULT_OMEGA_MW),
            new FrequencyPair(1, PhysicalParameters.DEFAULT_OMEGA_MW));

    public static void main(String[] args) {
        String mode = args[0];
        int size = Integer.parseInt(args[1]);
        double t = Double.parseDouble(args[2]);
        int moments = Integer.parseInt(args[3]);
        int threads = Runtime.getRuntime().availableProcessors();
        RealizationInput base = RealizationInput.defaults(size, t, 42, 0).withPairs(PAIRS);
        if (mode.equals("sites")) {
            int sites = Integer.parseInt(args[4]);
            long t0 = System.nanoTime();
            KpmMoments mom = KpmEngine.compute(base, sites == 0 ? KpmSettings.allSites(moments).withThreads(threads)
                    : KpmSettings.sampled(moments, sites).withThreads(threads));
            double seconds = (System.nanoTime() - t0) * 1e-9;
            for (Convention c : Convention.values()) {
                long t1 = System.nanoTime();
                KpmObservables o = KpmEvaluator.evaluate(mom, base.withConvention(c));
                double eval = (System.nanoTime() - t1) * 1e-9;
                print("sites S=" + (sites == 0 ? "all" : sites), size, c, o, seconds, eval);
            }
            return;
        }
        int vectors = Integer.parseInt(args[4]);
        int groups = Integer.parseInt(args[5]);
        int draws = Integer.parseInt(args[6]);
        VectorSettings settings = new VectorSettings(moments, vectors, groups, DampingKernel.JACKSON, threads);
        double[][][] values = new double[2][4][draws];   // [convention][P_n, its error, C, its error][draw]
        double momentSeconds = 0;
        double[] evalSeconds = new double[2];
        for (int d = 0; d < draws; d++) {
            long t0 = System.nanoTime();
            GramMoments gram = VectorEngine.compute(base, settings.withDraw(d));
            double seconds = (System.nanoTime() - t0) * 1e-9;
            momentSeconds += seconds;
            for (Convention c : Convention.values()) {
                long t1 = System.nanoTime();
                KpmObservables o = VectorEvaluator.evaluate(gram, base.withConvention(c));
                double eval = (System.nanoTime() - t1) * 1e-9;
                evalSeconds[c.ordinal()] += eval;
                print("vectors R=" + vectors + " J=" + groups + " draw=" + d, size, c, o, seconds, eval);
                KpmPairResult p20 = o.pairs().get(0);
                KpmPairResult p1 = o.pairs().get(1);
                values[c.ordinal()][0][d] = p20.pn();
                values[c.ordinal()][1][d] = p20.pnError();
                values[c.ordinal()][2][d] = p1.correlatorC();
                values[c.ordinal()][3][d] = p1.correlatorCError();
            }
        }
        if (draws > 1) {
            for (Convention c : Convention.values()) {
                double[][] v = values[c.ordinal()];
                double seconds = (momentSeconds + evalSeconds[c.ordinal()]) / draws;
                System.out.printf(Locale.ROOT, "summary L=%d %s R=%d J=%d draws=%d: P_n mean %.6f, spread %.3e (%.3f%%), "
                                + "mean jackknife %.3e; C(1) mean %.5f, spread %.3e (%.3f%%), mean jackknife %.3e; "
                                + "%.1f s per draw; rel.var×s P_n %.3e, C %.3e%n",
                        size, c.label(), vectors, groups, draws, mean(v[0]), sd(v[0]), 100 * sd(v[0]) / mean(v[0]),
                        mean(v[1]), mean(v[2]), sd(v[2]), 100 * sd(v[2]) / mean(v[2]), mean(v[3]), seconds,
                        Math.pow(sd(v[0]) / mean(v[0]), 2) * seconds, Math.pow(sd(v[2]) / mean(v[2]), 2) * seconds);
            }
        }
    }

    static void print(String what, int size, Convention c, KpmObservables o, double momentSeconds, double eval) {
        KpmPairResult p20 = o.pairs().get(0);
        KpmPairResult p1 = o.pairs().get(1);
        double seconds = momentSeconds + eval;
        double relP = p20.pnError() / p20.pn();
        double relC = p1.correlatorCError() / p1.correlatorC();
        System.out.printf(Locale.ROOT, "%s L=%d %s: P_n(20) = %.6f ± %.2e (%.3f%%), C(1) = %.5f ± %.2e (%.3f%%), "
                        + "moments %.2f s + evaluation %.2f s; rel.var×s P_n %.3e, C %.3e%n", what, size, c.label(),
                p20.pn(), p20.pnError(), 100 * relP, p1.correlatorC(), p1.correlatorCError(), 100 * relC,
                momentSeconds, eval, relP * relP * seconds, relC * relC * seconds);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
