package dnp.cli;

import dnp.analysis.Literature;
import dnp.analysis.MultifractalAnalysis;
import dnp.analysis.Stats;
import dnp.analysis.Table;
import dnp.cli.options.Grid;
import dnp.kernel.Realization;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.RealizationResult;
import dnp.plot.figures.AnalysisFigures;
import dnp.plot.figures.PaperFigures;
import dnp.sweep.AtomicFiles;
import dnp.sweep.ModelSpec;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.records.Documents;
import dnp.sweep.records.SpectrumLines.IprLine;
import dnp.sweep.records.SweepParameters;
import dnp.sweep.SpectrumRecords;
import dnp.sweep.SweepRunner;
import dnp.sweep.SweepSpec;
import dnp.sweep.SweepStore;
import dnp.sweep.SweepTask;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "multifractal", mixinStandardHelpOptions = true,
        description = {"Multifractal scaling at the transition: the IPR of the central eigenstates against L",
                "(Eq. 32, I_2 ∝ L^(−D_2)) and C(ω) against ω (Eq. 33, C ∝ ω^(−μ)), with fitted exponents and",
                "bootstrap intervals. Resumable like dnp sweep."})
final class MultifractalCommand implements Callable<Integer> {
    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes for the IPR (default ${DEFAULT-VALUE})")
    String sizes = "6,8,10,12,14";
    @Option(names = "--ratio", paramLabel = "X", description = "w/t at which to measure (default: the critical ${DEFAULT-VALUE})")
    double ratio = Literature.CRITICAL_RATIO;
    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE})")
    double width = ModelSpec.DEFAULTS.width();
    @Option(names = "--window", paramLabel = "F", description = "fraction of the eigenstates around the band centre (default ${DEFAULT-VALUE})")
    double window = 0.05;
    @Option(names = "--realizations", paramLabel = "N", description = "realizations per L (default ${DEFAULT-VALUE})")
    int realizations = 12;
    @Option(names = "--correlator-L", paramLabel = "L", description = "size of the C(ω) measurement (default ${DEFAULT-VALUE})")
    int correlatorSize = 12;
    @Option(names = "--correlator-realizations", paramLabel = "N", description = "realizations for C(ω) (default ${DEFAULT-VALUE})")
    int correlatorRealizations = 6;
    @Option(names = "--fit-omega", paramLabel = "LO:HI", description = "ω range of the C(ω) power-law fit, 2π·MHz (default ${DEFAULT-VALUE})")
    String fitOmega = "0.5:8";
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
        List<Integer> sizeList = Grid.parseSizes(sizes);
        if (sizeList.size() < 2) {
            throw new UserInputException("--L needs at least two sizes to fit D_2");
        }
        if (!(window > 0 && window <= 1)) {
            throw new UserInputException("--window must be in (0, 1], got " + window);
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new UserInputException("--ratio must be positive, got " + ratio);
        }
        String[] range = fitOmega.split(":");
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(range[0]);
            hi = Double.parseDouble(range[1]);
        } catch (RuntimeException ex) {
            throw new UserInputException("--fit-omega '" + fitOmega + "' must be LO:HI");
        }
        if (!(lo > 0 && hi > lo)) {
            throw new UserInputException("--fit-omega needs 0 < LO < HI, got " + fitOmega);
        }
        if (bootstrap < 10) {
            throw new UserInputException("--bootstrap must be at least 10, got " + bootstrap);
        }
        double hopping = width / ratio;
        ModelSpec model = ModelSpec.DEFAULTS.withWidth(width).withFrequencies(List.of(1.0), ModelSpec.DEFAULTS.omegaMW())
                .withAnalysis(ModelSpec.DEFAULTS.analysis().withCorrelatorMaxOmega(Math.max(20, 2 * hi)));

        // I_2 of the central eigenstates against L.
        double[][] perRealization = new double[sizeList.size()][];
        Table iprTable = new Table("L", "realizations", "states_per_realization", "ipr_mean", "ipr_sem");
        for (int s = 0; s < sizeList.size(); s++) {
            int size = sizeList.get(s);
            int n = size * size * size;
            int states = Math.max(4, (int) Math.round(window * n));
            int il = Math.max(1, (n - states) / 2 + 1);
            int iu = Math.min(n, il + states - 1);
            SweepSpec spec = new SweepSpec(List.of(size), List.of(hopping), realizations, 0, seed, model);
            SweepParameters parameters = spec.parameters().withMode("multifractal: IPR of eigenstates " + il + "…" + iu);
            Path dir = out.resolve("ipr-L" + size);
            SweepRunner.run(spec, parameters, dir, 1, 1, null, null, quiet,
                    task -> SpectrumRecords.centralIpr(spec, task, il, iu));
            double[] values = SweepStore.readRecords(dir, IprLine.class).values().stream()
                    .mapToDouble(IprLine::ipr).toArray();
            perRealization[s] = values;
            Stats st = Stats.of(values);
            iprTable.row(size, values.length, iu - il + 1, st.mean(), st.sem());
        }
        iprTable.write(out.resolve("ipr.csv"));

        // K(ω) and R(ω) of each realization at the transition, one size.
        SweepSpec correlatorSpec = new SweepSpec(List.of(correlatorSize), List.of(hopping), correlatorRealizations, 0,
                seed, ModelSpec.DEFAULTS.withWidth(width).withAnalysis(model.analysis()));
        double[][] k = new double[correlatorRealizations][];
        double[][] r = new double[correlatorRealizations][];
        double[] omega = null;
        for (SweepTask task : correlatorSpec.tasks()) {
            RealizationInput input = correlatorSpec.input(task);
            RealizationResult result = Realization.compute(input);
            k[task.realization()] = result.spectrum().k();
            r[task.realization()] = result.spectrum().r();
            omega = result.spectrum().omega();
        }
        MultifractalAnalysis analysis = MultifractalAnalysis.of(sizeList, perRealization, omega, k, r, lo, hi,
                bootstrap, seed);
        analysis.correlatorTable().write(out.resolve("correlator.csv"));
        AtomicFiles.write(out.resolve("fits.json"), Documents.pretty(analysis.fits(ratio, hopping, correlatorSize,
                bootstrap, ProvenanceCollector.collect())));
        AnalysisFigures.iprScaling(analysis, ratio).write(out.resolve("ipr-scaling"));
        AnalysisFigures.correlatorAtTransition(analysis, ratio, correlatorSize).write(out.resolve("correlator-tc"));
        var d2 = analysis.d2();
        var mu = analysis.mu();
        System.out.printf(Locale.ROOT, "D_2 = %.3f (95%% %.3f–%.3f) from L = %s; μ = %.3f (95%% %.3f–%.3f) over ω ∈ [%s, %s] "
                        + "at L = %d; results in %s%n", d2.value(), d2.low(), d2.high(), sizeList, mu.value(), mu.low(),
                mu.high(), PaperFigures.fmt(lo), PaperFigures.fmt(hi), correlatorSize, out);
        return 0;
    }
}
