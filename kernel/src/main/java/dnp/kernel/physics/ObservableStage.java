package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.RandomStream;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RateParts;
import dnp.kernel.result.RealizationResult;
import dnp.kernel.result.SiteDistribution;
import dnp.kernel.result.Timings;
import dnp.kernel.vector.SpectralKernels;
import dnp.kernel.vector.VectorizationProvider;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * From one eigen decomposition to a {@link RealizationResult}. The eigenvectors are squared in
 * place into Q_jα = φ_αj², then O = QᵀQ is formed in column blocks of width {@link #BLOCK} by
 * dgemm (an N×B buffer, never a second N² matrix), and each block is consumed by an
 * {@link OverlapPass}.
 */
public final class ObservableStage {
    private ObservableStage() {}

    /** Columns of O formed per block: wide enough for dgemm to run near its peak. */
    static final int BLOCK = 512;
    /** Fixed number of partial passes, whatever the number of threads, so that sums are reproducible. */
    static final int LANES = 4;

    /** Java threads of the observable pass; the system property dnp.passThreads overrides (default: cores). */
    static int passThreads() {
        return Integer.getInteger("dnp.passThreads", Runtime.getRuntime().availableProcessors());
    }

    public static RealizationResult compute(RealizationInput input, EigenSolver solver, EigenDecomposition eigen,
                                            double buildSeconds, double eigenSeconds) {
        SpectralKernels kernels = VectorizationProvider.kernels();
        double[] lambda = eigen.eigenvalues();
        int n = lambda.length;
        ModelUnits units = ModelUnits.of(input.physics(), input.convention());
        AnalysisOptions analysis = input.analysis();
        FrequencyIndex freq = FrequencyIndex.of(input.pairs());
        double[][] bias = new double[freq.omegaMW.length][];
        for (int v = 0; v < bias.length; v++) {
            bias[v] = ElectronPolarization.biases(lambda, input.physics(), units, freq.omegaMW[v]);
        }
        double halfWidth = input.energyGridHalfWidth();

        DenseMatrix q = eigen.vectors();
        kernels.square(q.segment(), (long) n * n);
        double[] stageSeconds = new double[2];
        OverlapPass pass = runBlocks(q, () -> new OverlapPass(kernels, lambda, units.t2n(), freq.omegaN, bias,
                freq.pairOmega, freq.pairBias, true, analysis, halfWidth), OverlapStrategy.DEFAULT, passThreads(),
                stageSeconds);

        long tExtras = System.nanoTime();
        SiteDistribution[] sites = new SiteDistribution[freq.pairOmega.length];
        if (analysis.siteDistribution()) {
            for (int k = 0; k < sites.length; k++) {
                double[] perSite = SitePolarization.compute(q, lambda, bias[freq.pairBias[k]],
                        freq.omegaN[freq.pairOmega[k]], units);
                sites[k] = SiteDistribution.of(perSite, analysis.siteHistogramBins());
            }
        }
        double[] sampledGoe = null;
        if (analysis.sampledGoe()) {
            sampledGoe = sampledGoeSums(input, solver, lambda, freq, bias, units, kernels, halfWidth);
        }
        double extrasSeconds = (System.nanoTime() - tExtras) * 1e-9;

        long tAssemble = System.nanoTime();
        List<PairResult> pairs = new ArrayList<>();
        for (int k = 0; k < freq.pairOmega.length; k++) {
            pairs.add(assemblePair(input, k, freq, pass, bias, units, n, sampledGoe, sites[k], analysis));
        }
        RealizationResult result = assemble(input, solver, lambda, pass, pairs, analysis, halfWidth,
                new Timings(buildSeconds, eigenSeconds, stageSeconds[0],
                        stageSeconds[1] + (System.nanoTime() - tAssemble) * 1e-9, extrasSeconds));
        return result;
    }

    /**
     * Forms O block by block — for columns [b0, b0 + B) only the rows α ≥ b0, since O is symmetric —
     * and feeds the columns to {@link #LANES} passes (column β to pass β mod LANES, each in
     * ascending β), which run on up to {@code threads} Java threads and are then added in lane order:
     * the sums do not depend on the number of threads. Returns the merged pass and
     * {seconds forming O, seconds in the passes}.
     */
    static OverlapPass runBlocks(DenseMatrix q, Supplier<OverlapPass> passes, OverlapStrategy strategy,
                                 int threads, double[] seconds) {
        int n = q.order();
        int width = Math.min(BLOCK, Math.max(1, n));
        OverlapPass[] lanes = new OverlapPass[LANES];
        double[][] columns = new double[LANES][n];
        for (int l = 0; l < LANES; l++) {
            lanes[l] = passes.get();
        }
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(Math.min(threads, LANES), r -> {
            Thread t = new Thread(r, "dnp-overlap-pass");
            t.setDaemon(true);
            return t;
        }) : null;
        try (Arena arena = Arena.ofShared()) { // read by the pass threads
            MemorySegment block = arena.allocate(8L * n * width, DenseMatrix.ALIGNMENT);
            for (int b0 = 0; b0 < n; b0 += width) {
                int cols = Math.min(width, n - b0);
                int rows = n - b0;
                int first = b0;
                long t = System.nanoTime();
                strategy.lowerBlock(q, b0, cols, block);
                long t2 = System.nanoTime();
                seconds[0] += (t2 - t) * 1e-9;
                List<Callable<Void>> work = new ArrayList<>();
                for (int l = 0; l < LANES; l++) {
                    int lane = l;
                    work.add(() -> {
                        double[] column = columns[lane];
                        for (int c = Math.floorMod(lane - first, LANES); c < cols; c += LANES) {
                            MemorySegment.copy(block, ValueLayout.JAVA_DOUBLE, 8L * rows * c, column, first, rows);
                            lanes[lane].accept(first + c, column);
                        }
                        return null;
                    });
                }
                if (pool == null) {
                    for (Callable<Void> w : work) {
                        w.call();
                    }
                } else {
                    for (Future<Void> f : pool.invokeAll(work)) {
                        f.get();
                    }
                }
                seconds[1] += (System.nanoTime() - t2) * 1e-9;
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        } catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
        } catch (Exception ex) {
            throw ex instanceof RuntimeException re ? re : new IllegalStateException(ex);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        for (int l = 1; l < LANES; l++) {
            lanes[0].add(lanes[l]);
        }
        return lanes[0];
    }

    private static PairResult assemblePair(RealizationInput input, int k, FrequencyIndex freq, OverlapPass pass,
                                           double[][] bias, ModelUnits units, int n, double[] sampledGoe,
                                           SiteDistribution sites, AnalysisOptions analysis) {
        int u = freq.pairOmega[k];
        int v = freq.pairBias[k];
        double omegaN = freq.omegaN[u];
        var anderson = NuclearPolarization.evaluate(
                new NuclearPolarization.OverlapSums(pass.s0[u], pass.s1[k], pass.s2[k], pass.sp[v]),
                omegaN, n, input.physics(), units);
        // O_αβ → 1/N: the same sums over ℓ alone, divided by N; Σ_αβ P_α P_β / N = (Σ P)²/N.
        double pSum = 0;
        for (double p : bias[v]) {
            pSum += p;
        }
        var goe = NuclearPolarization.evaluate(
                new NuclearPolarization.OverlapSums(pass.s0Goe[u] / n, pass.s1Goe[k] / n, pass.s2Goe[k] / n,
                        pSum * pSum / n),
                omegaN, n, input.physics(), units);
        double pnSampled = Double.NaN;
        if (sampledGoe != null) {
            int pairs = freq.pairOmega.length;
            var sampled = NuclearPolarization.evaluate(new NuclearPolarization.OverlapSums(
                    sampledGoe[u], sampledGoe[freq.omegaN.length + k], sampledGoe[freq.omegaN.length + pairs + k],
                    sampledGoe[freq.omegaN.length + 2 * pairs + v]), omegaN, n, input.physics(), units);
            pnSampled = sampled.pn();
        }
        double delta = analysis.correlatorBinWidth();
        double kOmega = pass.omegaNK[u] / (n * delta);
        double rOmega = pass.omegaNCount[u] / ((double) n * n * delta);
        RateParts rates = anderson.rates();
        return new PairResult(input.pairs().get(k), anderson.pn(), goe.pn(), pnSampled, rates, goe.rates(),
                anderson.numerator(), anderson.denominator(), kOmega, rOmega,
                rOmega > 0 ? kOmega / rOmega : Double.NaN, sites);
    }

    private static RealizationResult assemble(RealizationInput input, EigenSolver solver, double[] lambda,
                                              OverlapPass pass, List<PairResult> pairs, AnalysisOptions analysis,
                                              double halfWidth, Timings timings) {
        int n = lambda.length;
        int bins = analysis.energyBins();
        double energyWidth = 2 * halfWidth / bins;
        int[] counts = pass.energyBinCounts();
        double[] dos = new double[bins];
        double[][] binned = pass.binnedCorrelator();
        for (int a = 0; a < bins; a++) {
            dos[a] = counts[a] / (n * energyWidth);
            for (int b = 0; b < bins; b++) {
                binned[a][b] /= n * energyWidth * energyWidth;
            }
        }
        double delta = analysis.correlatorBinWidth();
        int omegaBins = pass.spectrumK.length;
        double[] omega = new double[omegaBins];
        double[] k = new double[omegaBins];
        double[] r = new double[omegaBins];
        for (int b = 0; b < omegaBins; b++) {
            omega[b] = b * delta;
            k[b] = pass.spectrumK[b] / (n * delta);
            r[b] = pass.spectrumCount[b] / ((double) n * n * delta);
        }
        var gap = SpectralStatistics.gapRatio(lambda, analysis.gapRatioFraction());
        return new RealizationResult(input, solver.name(), lambda.clone(), pass.trace / n,
                SpectralStatistics.secondMoment(lambda), gap.mean(), gap.count(), pass.total, halfWidth, dos, binned,
                new CorrelatorSpectrum(delta, omega, k, r), List.copyOf(pairs), timings);
    }

    /**
     * Rate sums with the eigenvectors of a random GOE matrix paired, in ascending order, with the
     * Anderson energies. The GOE matrix G comes from {@link RandomStream} (purpose GOE): for
     * j = 0…N−1, i = j…N−1 in that order, g ~ N(0, 1), G_ij = G_ji = g (i = j) or g/√2 (i ≠ j).
     * Returns [S0 per ω_n, S1 per pair, S2 per pair, SP per ω_MW].
     */
    private static double[] sampledGoeSums(RealizationInput input, EigenSolver solver, double[] lambda,
                                           FrequencyIndex freq, double[][] bias, ModelUnits units,
                                           SpectralKernels kernels, double halfWidth) {
        int n = lambda.length;
        long seed = Math.max(0, input.disorder().seed());
        long realization = Math.max(0, input.disorder().realization());
        RandomStream random = new RandomStream(seed, realization, RandomStream.GOE);
        DenseMatrix g = DenseMatrix.zeros(n);
        double offDiagonal = 1 / Math.sqrt(2);
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double x = random.nextGaussian();
                double value = i == j ? x : x * offDiagonal;
                g.set(i, j, value);
                g.set(j, i, value);
            }
        }
        try (EigenDecomposition goe = solver.decompose(g)) {
            DenseMatrix q = goe.vectors();
            kernels.square(q.segment(), (long) n * n);
            OverlapPass pass = runBlocks(q, () -> new OverlapPass(kernels, lambda, units.t2n(), freq.omegaN, bias,
                    freq.pairOmega, freq.pairBias, false, input.analysis(), halfWidth), OverlapStrategy.DEFAULT,
                    passThreads(), new double[2]);
            int u = freq.omegaN.length;
            int pairs = freq.pairOmega.length;
            double[] out = new double[u + 2 * pairs + bias.length];
            System.arraycopy(pass.s0, 0, out, 0, u);
            System.arraycopy(pass.s1, 0, out, u, pairs);
            System.arraycopy(pass.s2, 0, out, u + pairs, pairs);
            System.arraycopy(pass.sp, 0, out, u + 2 * pairs, bias.length);
            return out;
        }
    }

    /** Distinct ω_n and ω_MW values and, per pair, their indices. */
    record FrequencyIndex(double[] omegaN, double[] omegaMW, int[] pairOmega, int[] pairBias) {
        static FrequencyIndex of(List<FrequencyPair> pairs) {
            Map<Double, Integer> omegaN = new LinkedHashMap<>();
            Map<Double, Integer> omegaMW = new LinkedHashMap<>();
            int[] pairOmega = new int[pairs.size()];
            int[] pairBias = new int[pairs.size()];
            for (int k = 0; k < pairs.size(); k++) {
                FrequencyPair p = pairs.get(k);
                pairOmega[k] = omegaN.computeIfAbsent(p.omegaN(), x -> omegaN.size());
                pairBias[k] = omegaMW.computeIfAbsent(p.omegaMW(), x -> omegaMW.size());
            }
            return new FrequencyIndex(omegaN.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    omegaMW.keySet().stream().mapToDouble(Double::doubleValue).toArray(), pairOmega, pairBias);
        }
    }
}
