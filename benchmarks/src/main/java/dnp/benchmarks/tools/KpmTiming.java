package dnp.benchmarks.tools;

import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kpm.DampingKernel;
import dnp.kpm.KpmEngine;
import dnp.kpm.KpmEvaluator;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmObservables;
import dnp.kpm.KpmSettings;
import dnp.kpm.MomentStore;
import dnp.kpm.Stencils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measurement tool (not a unit test): one realization (seed 42, realization 0) at size L, t, S sampled
 * sites, M moments, given threads and block size. Prints the wall time of the moments (or of reading
 * them from a {@link MomentStore} folder when one is given and holds them), then of evaluating one
 * pair and, three times, the 100 pairs of Fig. 4 (ω_n ∈ {10, 20, 30, 40, 50} × 20 ω_MW in steps of
 * 10 from the default toward ω_e), and the peak heap in use (sampled every 50 ms).
 * Arguments: L t S M threads blockSize [sweepDepth (0 = automatic) [storeFolder]].
 */
public final class KpmTiming {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        double t = Double.parseDouble(args[1]);
        int sites = Integer.parseInt(args[2]);
        int moments = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int block = Integer.parseInt(args[5]);
        int depth = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        Path store = args.length > 7 ? Path.of(args[7]) : null;
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
        KpmSettings settings = new KpmSettings(moments, sites, DampingKernel.JACKSON, block, threads, 16, depth);
        long t0 = System.nanoTime();
        KpmMoments mom;
        String source;
        if (store != null) {
            MomentStore ms = new MomentStore(store);
            source = Files.exists(ms.fileFor(input, settings)) ? "read from " + ms.fileFor(input, settings)
                    : "computed and stored";
            mom = ms.load(input, settings);
        } else {
            source = "computed";
            mom = KpmEngine.compute(input, settings);
        }
        double momentsSeconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("stencil=%s L=%d N=%d t=%.2f S=%d M=%d threads=%d B=%d depth=%d%n", Stencils.preferred().name(),
                size, input.sites(), t, mom.sampledSites(), moments, threads, block, depth);
        System.out.printf("moments (%s): %.2f s%n", source, momentsSeconds);
        List<FrequencyPair> pairs = new ArrayList<>();
        for (int u = 1; u <= 5; u++) {
            for (int v = 0; v < 20; v++) {
                pairs.add(new FrequencyPair(10 * u, PhysicalParameters.DEFAULT_OMEGA_MW + 10 * v));
            }
        }
        long t1 = System.nanoTime();
        KpmObservables one = KpmEvaluator.evaluate(mom, input);
        System.out.printf("evaluate 1 pair: %.2f s%n", (System.nanoTime() - t1) * 1e-9);
        KpmObservables many = null;
        for (int rep = 0; rep < 3; rep++) {
            long t2 = System.nanoTime();
            many = KpmEvaluator.evaluate(mom, input.withPairs(pairs));
            System.out.printf("evaluate %d pairs (5 ω_n × 20 ω_MW): %.3f s%n", pairs.size(), (System.nanoTime() - t2) * 1e-9);
        }
        sampler.interrupt();
        var p = one.pairs().get(0);
        System.out.printf("P_n = %.5f ± %.5f, P_n^GOE = %.5f ± %.5f, C(ω_n) = %.4f%n", p.pn(), p.pnError(), p.pnGoe(),
                p.pnGoeError(), p.correlatorC());
        var q = many.pairs().get(many.pairs().size() - 1);
        System.out.printf("last pair (%.0f, %.0f): P_n = %.6f ± %.6f%n", q.pair().omegaN(), q.pair().omegaMW(), q.pn(),
                q.pnError());
        System.out.printf("peak heap in use (sampled): %.0f MB; max heap %d MB%n", peak[0] / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
