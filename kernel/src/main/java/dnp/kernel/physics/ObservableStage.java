package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.RandomStream;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.Localization;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RateParts;
import dnp.kernel.result.RealizationResult;
import dnp.kernel.result.SiteDistribution;
import dnp.kernel.result.Timings;
import dnp.kernel.vector.SpectralKernels;
import dnp.kernel.vector.VectorizationProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * From one eigen decomposition to a {@link RealizationResult}. The eigenvectors are squared in
 * place into Q_jα = φ_αj², then {@link OverlapBlocks} forms O = QᵀQ block by block and feeds the
 * same blocks to two consumers: the {@link RateSumPass} (rate sums for every frequency pair, and the
 * O → 1/N sums) and the {@link OverlapStatisticsPass} (IPR, sum rule, binned K, K(ω), R(ω)).
 */
public final class ObservableStage {
    private ObservableStage() {}

    public static RealizationResult compute(RealizationInput input, EigenSolver solver, EigenDecomposition eigen,
                                            double buildSeconds, double eigenSeconds) {
        SpectralKernels kernels = VectorizationProvider.kernels();
        double[] lambda = eigen.eigenvalues();
        int n = lambda.length;
        ModelUnits units = ModelUnits.of(input.physics(), input.convention());
        AnalysisOptions analysis = input.analysis();
        FrequencyIndex freq = FrequencyIndex.of(input.pairs());
        double[][] bias = biases(input, lambda, units, freq);
        double halfWidth = input.energyGridHalfWidth();

        DenseMatrix q = eigen.vectors();
        double[] weights = MicrowaveWeights.squared(q); // Eq. B3 needs φ itself: before the squaring
        kernels.square(q.segment(), (long) n * n);
        double[] stageSeconds = new double[2];
        List<Supplier<? extends OverlapConsumer>> consumers = List.of(
                () -> new RateSumPass(kernels, lambda, units.t2n(), freq, bias),
                () -> new OverlapStatisticsPass(kernels, lambda, freq.omegaN(), analysis, halfWidth));
        List<OverlapConsumer> passes = OverlapBlocks.run(q, consumers, OverlapStrategy.DEFAULT,
                OverlapBlocks.passThreads(), stageSeconds);
        RateSumPass rates = (RateSumPass) passes.get(0);
        OverlapStatisticsPass statistics = (OverlapStatisticsPass) passes.get(1);

        long tExtras = System.nanoTime();
        SiteDistribution[] sites = new SiteDistribution[freq.pairs()];
        if (analysis.siteDistribution()) {
            for (int k = 0; k < sites.length; k++) {
                double[] perSite = SitePolarization.compute(q, lambda, bias[freq.pairBias()[k]],
                        freq.omegaN()[freq.pairOmega()[k]], units);
                sites[k] = SiteDistribution.of(perSite, analysis.siteHistogramBins());
            }
        }
        RateSums sampledGoe = analysis.sampledGoe()
                ? sampledGoeSums(input, solver, lambda, freq, bias, units, kernels) : null;
        double extrasSeconds = (System.nanoTime() - tExtras) * 1e-9;

        long tAssemble = System.nanoTime();
        Localization localization = LocalizationLength.estimate(input.lattice(), q, lambda,
                LocalizationLength.DEFAULT_WINDOW);
        RateSums anderson = rates.sums();
        RateSums uniform = rates.uniformOverlapSums();
        List<PairResult> pairs = new ArrayList<>();
        for (int k = 0; k < freq.pairs(); k++) {
            pairs.add(assemblePair(input, k, freq, anderson, uniform, sampledGoe, statistics, units, n, sites[k],
                    analysis));
        }
        return assemble(input, solver, lambda, statistics, pairs, localization, weights, analysis, halfWidth,
                new Timings(buildSeconds, eigenSeconds, stageSeconds[0],
                        stageSeconds[1] + (System.nanoTime() - tAssemble) * 1e-9, extrasSeconds));
    }

    /** P_α = P_B(ε_α) (Eq. 11) per distinct ω_MW. */
    private static double[][] biases(RealizationInput input, double[] lambda, ModelUnits units, FrequencyIndex freq) {
        double[][] bias = new double[freq.omegaMW().length][];
        for (int v = 0; v < bias.length; v++) {
            bias[v] = ElectronPolarization.biases(lambda, input.physics(), units, freq.omegaMW()[v]);
        }
        return bias;
    }

    private static PairResult assemblePair(RealizationInput input, int k, FrequencyIndex freq, RateSums anderson,
                                           RateSums uniform, RateSums sampledGoe, OverlapStatisticsPass statistics,
                                           ModelUnits units, int n, SiteDistribution sites, AnalysisOptions analysis) {
        int u = freq.pairOmega()[k];
        double omegaN = freq.omegaN()[u];
        var andersonRates = NuclearPolarization.evaluate(anderson.forPair(k, freq), omegaN, n, input.physics(), units);
        var goe = NuclearPolarization.evaluate(uniform.forPair(k, freq), omegaN, n, input.physics(), units);
        double pnSampled = sampledGoe == null ? Double.NaN
                : NuclearPolarization.evaluate(sampledGoe.forPair(k, freq), omegaN, n, input.physics(), units).pn();
        double delta = analysis.correlatorBinWidth();
        double kOmega = statistics.omegaNK[u] / (n * delta);
        double rOmega = statistics.omegaNCount[u] / ((double) n * n * delta);
        RateParts rates = andersonRates.rates();
        return new PairResult(input.pairs().get(k), andersonRates.pn(), goe.pn(), pnSampled, rates, goe.rates(),
                andersonRates.numerator(), andersonRates.denominator(), kOmega, rOmega,
                rOmega > 0 ? kOmega / rOmega : Double.NaN, sites);
    }

    private static RealizationResult assemble(RealizationInput input, EigenSolver solver, double[] lambda,
                                              OverlapStatisticsPass pass, List<PairResult> pairs,
                                              Localization localization, double[] weights,
                                              AnalysisOptions analysis, double halfWidth, Timings timings) {
        int n = lambda.length;
        int bins = analysis.energyBins();
        double energyWidth = 2 * halfWidth / bins;
        int[] counts = pass.energyBinCounts();
        double[] dos = new double[bins];
        double[][] binned = pass.binnedCorrelator();
        double[] self = pass.binnedSelfOverlaps();
        for (int a = 0; a < bins; a++) {
            dos[a] = counts[a] / (n * energyWidth);
            self[a] /= n * energyWidth * energyWidth;
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
                self, new CorrelatorSpectrum(delta, omega, k, r), List.copyOf(pairs), localization, weights, timings);
    }

    /**
     * Rate sums with the eigenvectors of a random GOE matrix paired, in ascending order, with the
     * Anderson energies (the sampled variant of Eq. 23). The GOE matrix G comes from
     * {@link RandomStream} (purpose GOE) of the realization's (seed, index), or for disorder given as
     * values of a seed from their content ({@link dnp.kernel.model.Disorder#contentSeed()}): for j = 0…N−1, i = j…N−1 in that order, g ~ N(0, 1),
     * G_ij = G_ji = g (i = j) or g/√2 (i ≠ j). Only the rate sums consume its overlaps.
     */
    private static RateSums sampledGoeSums(RealizationInput input, EigenSolver solver, double[] lambda,
                                           FrequencyIndex freq, double[][] bias, ModelUnits units,
                                           SpectralKernels kernels) {
        int n = lambda.length;
        // Generated disorder: the realization's (seed, index); given values: a seed from their content.
        boolean generated = input.disorder().seed() >= 0;
        long seed = generated ? input.disorder().seed() : input.disorder().contentSeed();
        long realization = generated ? Math.max(0, input.disorder().realization()) : 0;
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
            List<OverlapConsumer> passes = OverlapBlocks.run(q,
                    List.of(() -> new RateSumPass(kernels, lambda, units.t2n(), freq, bias)), OverlapStrategy.DEFAULT,
                    OverlapBlocks.passThreads(), new double[2]);
            return ((RateSumPass) passes.getFirst()).sums();
        }
    }
}
