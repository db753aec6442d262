package dnp.cli;

import dnp.analysis.Literature;
import dnp.analysis.MultifractalAnalysis;
import dnp.cli.options.Converters;
import dnp.plot.figures.AnalysisFigures;
import dnp.plot.figures.PaperFigures;
import dnp.sweep.AtomicFiles;
import dnp.sweep.ModelSpec;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.records.Documents;
import dnp.sweep.records.SpectrumLines.CentralStatesLine;
import dnp.sweep.records.SweepMode;
import dnp.sweep.records.SweepParameters;
import dnp.sweep.SpectrumRecords;
import dnp.sweep.SweepRunner;
import dnp.sweep.SweepSpec;
import dnp.sweep.SweepStore;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "multifractal", mixinStandardHelpOptions = true,
        description = {"Multifractal exponents at the transition from the central eigenstates: D_2 from I_2 ∝ L^(−D_2)",
                "(Eq. 32; mean and typical averages, local slopes, fits with a correction L^(−y)) and μ from the",
                "energy-resolved C(ω) ∝ ω^(−μ) of the central pairs (Eq. 33) over ω ∈ [a·Δ_L, b·2t], with bootstrap",
                "intervals and a table of μ against the fit range. Resumable like dnp sweep."})
final class MultifractalCommand implements Callable<Integer> {
    /** Lower ends of the μ fit range tried in mu-range.csv, in level spacings Δ_L. */
    static final double[] LOW_GRID = {1, 2, 4, 8, 16};
    /** Upper ends of the μ fit range tried in mu-range.csv, in units of 2t. */
    static final double[] HIGH_GRID = {0.1, 0.25, 0.5, 1};

    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes (default ${DEFAULT-VALUE})")
    Converters.Sizes sizes = Converters.Sizes.of(6, 8, 10, 12, 14);
    @Option(names = "--ratio", paramLabel = "X", description = "w/t at which to measure (default: the critical ${DEFAULT-VALUE})")
    double ratio = Literature.CRITICAL_RATIO;
    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE})")
    double width = ModelSpec.DEFAULTS.width();
    @Option(names = "--window", paramLabel = "F", description = "fraction of the eigenstates around the band centre "
            + "whose IPR gives D_2 (default ${DEFAULT-VALUE})")
    double window = 0.05;
    @Option(names = "--mu-window", paramLabel = "F", description = "fraction of the eigenstates around the band centre "
            + "computed, whose pairs give C(ω) and μ; at least --window (default ${DEFAULT-VALUE})")
    double muWindow = 0.2;
    @Option(names = "--mu-range", paramLabel = "A:B", description = "μ fit range ω ∈ [A·Δ_L, B·2t], Δ_L the mean "
            + "level spacing of the window (default ${DEFAULT-VALUE})")
    Converters.PositivePair muRange = new Converters.PositivePair(4, 0.25);
    @Option(names = "--correction-exponent", paramLabel = "LIST", description = "exponents y of the correction "
            + "b·L^(−y) in the D_2 fits (default ${DEFAULT-VALUE})")
    Converters.Values correctionExponents = Converters.Values.of(1.0, 2.0, 3.0);
    @Option(names = "--realizations", paramLabel = "N", description = "realizations per L (default ${DEFAULT-VALUE})")
    int realizations = 12;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--bootstrap", paramLabel = "N", description = "bootstrap resamples (default ${DEFAULT-VALUE})")
    int bootstrap = 1000;
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("multifractal");
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<Integer> sizeList = sizes.values();
        if (sizeList.size() < 2) {
            throw new UserInputException("--L needs at least two sizes to fit D_2");
        }
        if (!(window > 0 && window <= 1)) {
            throw new UserInputException("--window must be in (0, 1], got " + window);
        }
        if (!(muWindow >= window && muWindow <= 1)) {
            throw new UserInputException("--mu-window must be in [--window, 1], got " + muWindow);
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new UserInputException("--ratio must be positive, got " + ratio);
        }
        if (realizations < 2) {
            throw new UserInputException("--realizations must be at least 2, got " + realizations);
        }
        double lo = muRange.first();
        double hi = muRange.second();
        double[] exponents = correctionExponents.values().stream()
                .mapToDouble(Double::doubleValue).toArray();
        for (double y : exponents) {
            if (!(y > 0) || Double.isInfinite(y)) {
                throw new UserInputException("--correction-exponent: y must be positive, got " + y);
            }
        }
        if (bootstrap < 10) {
            throw new UserInputException("--bootstrap must be at least 10, got " + bootstrap);
        }
        double hopping = width / ratio;
        ModelSpec model = ModelSpec.DEFAULTS.withWidth(width);

        List<MultifractalAnalysis.SizeData> data = new ArrayList<>();
        for (int size : sizeList) {
            int n = size * size * size;
            int computed = Math.min(n, Math.max(4, (int) Math.round(muWindow * n)));
            int states = Math.min(computed, Math.max(4, (int) Math.round(window * n)));
            int il = Math.max(1, (n - computed) / 2 + 1);
            int iu = Math.min(n, il + computed - 1);
            int count = iu - il + 1;
            int central = Math.min(states, count);
            SweepSpec spec = new SweepSpec(List.of(size), List.of(hopping), realizations, 0, seed, model);
            SweepParameters parameters = spec.parameters().withMode(new SweepMode.CentralStates(il, iu, central));
            Path dir = out.resolve("states-L" + size);
            SweepRunner.run(spec, parameters, dir, 1, 1, null, null, quiet,
                    task -> SpectrumRecords.centralStates(spec, task, il, iu, central));
            var lines = SweepStore.readRecords(dir, CentralStatesLine.class).values().stream()
                    .sorted(java.util.Comparator.comparingLong(CentralStatesLine::realization)).toList();
            data.add(new MultifractalAnalysis.SizeData(size,
                    lines.stream().mapToDouble(CentralStatesLine::ipr).toArray(),
                    lines.stream().mapToDouble(CentralStatesLine::logIpr).toArray(),
                    lines.stream().mapToDouble(CentralStatesLine::spacing).toArray(),
                    lines.stream().map(CentralStatesLine::pairOverlapSums).toArray(double[][]::new),
                    lines.stream().map(CentralStatesLine::pairCounts).toArray(long[][]::new)));
        }
        var bins = new MultifractalAnalysis.Bins(SpectrumRecords.PAIR_LOWEST_EDGE, SpectrumRecords.PAIR_BINS_PER_DECADE,
                SpectrumRecords.PAIR_BINS);
        var settings = new MultifractalAnalysis.Settings(hopping, lo, hi, LOW_GRID, HIGH_GRID, exponents, bootstrap, seed);
        MultifractalAnalysis analysis = MultifractalAnalysis.of(data, bins, settings);
        if (!Double.isFinite(analysis.muLargest().mu().value())) {
            System.err.printf(Locale.ROOT, "note: --mu-range %s holds fewer than three ω bins with pairs at L = %d; "
                    + "μ is not fitted there%n", muRange, sizeList.getLast());
        }
        analysis.iprTable().write(out.resolve("ipr.csv"));
        analysis.d2Table().write(out.resolve("d2.csv"));
        analysis.correlatorTable().write(out.resolve("correlator.csv"));
        analysis.muRangeTable().write(out.resolve("mu-range.csv"));
        AtomicFiles.write(out.resolve("fits.json"), Documents.pretty(analysis.fits(ratio, window, muWindow,
                ProvenanceCollector.collect())));
        AnalysisFigures.iprScaling(analysis, ratio).write(out.resolve("ipr-scaling"));
        AnalysisFigures.correlatorAtTransition(analysis, ratio).write(out.resolve("correlator-tc"));
        for (var d : analysis.d2()) {
            System.out.printf(Locale.ROOT, "D_2 (%s) = %.3f (95%% %.3f–%.3f) from L = %s; local slopes", d.average().label(),
                    d.plain().value(), d.plain().low(), d.plain().high(), sizeList);
            for (var l : d.localSlopes()) {
                System.out.printf(Locale.ROOT, " %d–%d: %.3f", l.smaller(), l.larger(), l.d2().value());
            }
            for (var c : d.corrected()) {
                System.out.printf(Locale.ROOT, "; with L^(−%s): %.3f (95%% %.3f–%.3f, p = %.2g)", PaperFigures.fmt(c.y()),
                        c.d2().value(), c.d2().low(), c.d2().high(), c.pValue());
            }
            System.out.println();
        }
        var mu = analysis.muLargest();
        System.out.printf(Locale.ROOT, "μ = %.3f (95%% %.3f–%.3f) at L = %d over ω ∈ [%s Δ_L, %s·2t] = [%.3g, %.3g] "
                        + "(%d bins); 1 − D_2/3 = %.3f; reference D_2 ≈ %s, μ ≈ %.2f; results in %s%n", mu.mu().value(),
                mu.mu().low(), mu.mu().high(), mu.size(), PaperFigures.fmt(lo), PaperFigures.fmt(hi), mu.omegaLow(),
                mu.omegaHigh(), mu.bins(), 1 - analysis.d2(MultifractalAnalysis.Average.MEAN).plain().value() / 3,
                PaperFigures.fmt(Literature.D2), Literature.MU_FROM_D2, out);
        return 0;
    }
}
