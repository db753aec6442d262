package dnp.kpm.tools;

import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kpm.DampingKernel;
import dnp.kpm.KpmEngine;
import dnp.kpm.KpmEvaluator;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmObservables;
import dnp.kpm.KpmSettings;
import dnp.kpm.Stencils;

import java.util.ArrayList;
import java.util.List;

/**
 * Measurement tool (not a unit test): one realization at size L, t, S sampled sites, M moments,
 * given threads and block size; prints wall time of the moments and of the evaluation of P pairs,
 * and the peak heap in use (sampled every 50 ms).
 * Arguments: L t S M threads blockSize pairs [sweepDepth (0 = automatic)].
 */
public final class KpmTiming {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        double t = Double.parseDouble(args[1]);
        int sites = Integer.parseInt(args[2]);
        int moments = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int block = Integer.parseInt(args[5]);
        int pairCount = Integer.parseInt(args[6]);
        int depth = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        RealizationInput input = RealizationInput.defaults(size, t, 42, 0);
        long t0 = System.nanoTime();
        KpmMoments mom = KpmEngine.compute(input, new KpmSettings(moments, sites, DampingKernel.JACKSON, block, threads, 16, depth));
        double momentsSeconds = (System.nanoTime() - t0) * 1e-9;
        List<FrequencyPair> pairs = new ArrayList<>();
        // 10 ω_MW (steps of 10 toward ω_e, Fig. 4) × pairCount/10 ω_n.
        int perMw = Math.max(1, pairCount / 10);
        for (int v = 0; v < Math.min(10, pairCount); v++) {
            for (int u = 0; u < perMw; u++) {
                pairs.add(new FrequencyPair(1 + 2 * u, PhysicalParameters.DEFAULT_OMEGA_MW + 4 * v));
            }
        }
        long t1 = System.nanoTime();
        KpmObservables one = KpmEvaluator.evaluate(mom, input);
        double oneSeconds = (System.nanoTime() - t1) * 1e-9;
        long t2 = System.nanoTime();
        KpmObservables many = KpmEvaluator.evaluate(mom, input.withPairs(pairs));
        double manySeconds = (System.nanoTime() - t2) * 1e-9;
        sampler.interrupt();
        var p = one.pairs().get(0);
        System.out.printf("stencil=%s L=%d N=%d t=%.2f S=%d M=%d threads=%d B=%d%n", Stencils.preferred().name(), size,
                input.sites(), t, mom.sampledSites(), moments, threads, block);
        System.out.printf("moments: %.2f s; evaluate 1 pair: %.2f s; evaluate %d pairs (%d distinct ω_MW): %.2f s%n",
                momentsSeconds, oneSeconds, pairs.size(), Math.min(10, pairCount), manySeconds);
        System.out.printf("P_n = %.5f ± %.5f, P_n^GOE = %.5f ± %.5f, C(ω_n) = %.4f%n", p.pn(), p.pnError(), p.pnGoe(),
                p.pnGoeError(), p.correlatorC());
        System.out.printf("peak heap in use (sampled): %.0f MB; max heap %d MB%n", peak[0] / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
