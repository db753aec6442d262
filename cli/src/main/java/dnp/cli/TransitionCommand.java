package dnp.cli;

import dnp.analysis.Crossings;
import dnp.analysis.ScalingTables;
import dnp.analysis.Literature;
import dnp.analysis.TransitionAnalysis;
import dnp.cli.options.Converters;
import dnp.kernel.model.BoundaryCondition;
import dnp.plot.figures.AnalysisFigures;
import dnp.plot.figures.PaperFigures;
import dnp.kpm.LanczosWindow;
import dnp.sweep.AtomicFiles;
import dnp.sweep.records.Driver;
import dnp.sweep.ModelSpec;
import dnp.sweep.Parallelism;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.records.Documents;
import dnp.sweep.records.SpectrumLines.GapRatioLine;
import dnp.sweep.records.SweepMode;
import dnp.sweep.records.SweepParameters;
import dnp.sweep.SpectrumRecords;
import dnp.sweep.TransitionPreset;
import dnp.sweep.Shard;
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

@Command(name = "transition", mixinStandardHelpOptions = true,
        description = {"Locate the Anderson transition from level statistics: the mean gap ratio ⟨r⟩ in a central",
                "window against w/t for several L (eigenvalues only), the crossings of successive sizes with",
                "bootstrap intervals, and the estimate of w/t_c. Resumable like dnp sweep."})
final class TransitionCommand implements Callable<Integer> {
    @Option(names = "--preset", paramLabel = "NAME", description = "quick (default: L = 8–16, minutes) or precise "
            + "(L = 12–20, about an hour on 2 cores, resumable; BENCHMARKS.md gives the time of each); --L, --ratio, --levels, --eigenvalues "
            + "and --energy-window override its values")
    TransitionPreset preset = TransitionPreset.QUICK;
    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes (default: the preset's)")
    Converters.Sizes sizes;
    @Option(names = "--ratio", paramLabel = "LIST", description = "grid of w/t (default: the preset's)")
    Converters.Values ratios;
    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE})")
    double width = ModelSpec.DEFAULTS.width();
    @Option(names = "--bc", paramLabel = "BC", description = "periodic (default) or open")
    BoundaryCondition boundary = ModelSpec.DEFAULTS.boundary();
    @Option(names = "--realizations", paramLabel = "N", description = "realizations per (L, w/t) (default: about --levels gap ratios per point)")
    Integer realizations;
    @Option(names = "--levels", paramLabel = "N", description = "gap ratios to gather per (L, w/t) when --realizations "
            + "is not given (default: the preset's)")
    Integer levels;
    @Option(names = "--gap-fraction", paramLabel = "F", description = "central fraction of the levels used with "
            + "--eigenvalues dense (default 0.2)")
    Double gapFraction;
    @Option(names = "--eigenvalues", paramLabel = "HOW", description = "dense (LAPACK, the central --gap-fraction "
            + "of the levels) or lanczos (two Lanczos recursions on the matrix-free stencil, the levels with "
            + "|λ − c| ≤ --energy-window·t around the centre c; no N² matrix) (default: the preset's)")
    TransitionPreset.Eigenvalues eigenvalues;
    @Option(names = "--energy-window", paramLabel = "E", description = "half-width of the Lanczos window in units "
            + "of t (default " + LanczosWindow.DEFAULT_WINDOW + ", about 20%% of the levels near w/t_c)")
    Double energyWindow;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--bootstrap", paramLabel = "N", description = "bootstrap resamples of the crossings (default ${DEFAULT-VALUE})")
    int bootstrap = 1000;
    @Option(names = "--scaling-bootstrap", paramLabel = "N", description = "bootstrap resamples of the "
            + "finite-size-scaling fit; 0 skips the fit (default ${DEFAULT-VALUE})")
    int scalingBootstrap = 1000;
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("transition");
    @Option(names = "--parallel", paramLabel = "P", description = "realizations at once")
    Integer parallel;
    @Option(names = "--blas-threads", paramLabel = "B", description = "BLAS threads per realization")
    Integer blasThreads;
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;
    @Option(names = "--shard", paramLabel = "I/N", converter = Converters.ShardConverter.class, description = "compute only shard I of N of every size (job "
            + "arrays; shards may share --out) and stop; a run without --shard then finds every realization done "
            + "and analyses")
    Shard shard = Shard.WHOLE;
    @Option(names = "--dry-run", description = "print the sweeps (sizes, realizations, diagonalizations) and run nothing")
    boolean dryRun;

    /**
     * The sweeps this command runs: the preset's values, overridden by the options given;
     * {@code realizationsGiven} when --realizations fixed them (then {@code levels} set nothing).
     */
    record Plan(TransitionPreset preset, List<Integer> sizes, List<Double> ratios, int levels, double gapFraction,
                List<Integer> realizations, TransitionPreset.Eigenvalues eigenvalues, double energyWindow,
                boolean realizationsGiven) {

        /**
         * What --dry-run prints: the grid and the levels, then per size the spectra and the gap ratios per
         * point they give (about: a Lanczos window holds about {@code gapFraction} of the levels).
         */
        List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "preset %s: w/t = %s, %s, %s", preset.name(), ratios, levelsLabel(),
                    realizationsGiven ? "--realizations fixed per point" : "about " + levels + " gap ratios per point"));
            for (int i = 0; i < sizes.size(); i++) {
                int size = sizes.get(i);
                int r = realizations.get(i);
                lines.add(String.format(Locale.ROOT, "L = %d: N = %d, %d realizations × %d w/t = %d spectra "
                                + "(eigenvalues only), about %d gap ratios per point", size, size * size * size, r,
                        ratios.size(), r * ratios.size(), (long) r * Math.round(gapFraction * size * size * size)));
            }
            lines.add(String.format(Locale.ROOT, "total %d spectra; nothing run", diagonalizations()));
            return lines;
        }

        /** What the levels are, for the manifest, the plot and the dry run. */
        String levelsLabel() {
            return eigenvalues == TransitionPreset.Eigenvalues.DENSE
                    ? "central " + Math.round(100 * gapFraction) + "% of levels (dense)"
                    : "levels with |λ − c| ≤ " + PaperFigures.fmt(energyWindow) + " t (Lanczos)";
        }

        long diagonalizations() {
            long total = 0;
            for (int r : realizations) {
                total += (long) r * ratios.size();
            }
            return total;
        }
    }

    Plan plan() {
        TransitionPreset base = preset;
        List<Integer> sizeList = sizes != null ? sizes.values() : base.sizes();
        if (sizeList.size() < 2) {
            throw new UserInputException("--L needs at least two sizes: the transition is where their ⟨r⟩ curves cross");
        }
        List<Double> ratioList = (ratios != null ? ratios.values() : base.ratios()).stream().sorted()
                .toList();
        for (double x : ratioList) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new UserInputException("--ratio: w/t must be positive, got " + x);
            }
        }
        int levelCount = levels != null ? levels : base.levels();
        if (levelCount < 1) {
            throw new UserInputException("--levels must be at least 1, got " + levelCount);
        }
        TransitionPreset.Eigenvalues how = eigenvalues != null ? eigenvalues : base.eigenvalues();
        if (gapFraction != null && how == TransitionPreset.Eigenvalues.LANCZOS) {
            throw new UserInputException("--gap-fraction applies to --eigenvalues dense; the Lanczos levels are those "
                    + "of --energy-window");
        }
        double fraction = how == TransitionPreset.Eigenvalues.LANCZOS ? TransitionPreset.LANCZOS_FRACTION
                : gapFraction != null ? gapFraction
                : base.eigenvalues() == TransitionPreset.Eigenvalues.DENSE ? base.gapFraction()
                : TransitionPreset.DENSE_FRACTION;
        if (!(fraction > 0 && fraction <= 1)) {
            throw new UserInputException("--gap-fraction must be in (0, 1], got " + fraction);
        }
        if (realizations != null && realizations < 1) {
            throw new UserInputException("--realizations must be at least 1, got " + realizations);
        }
        double window = energyWindow != null ? energyWindow : LanczosWindow.DEFAULT_WINDOW;
        if (!(window > 0) || Double.isInfinite(window)) {
            throw new UserInputException("--energy-window must be positive, got " + window);
        }
        if (energyWindow != null && how != TransitionPreset.Eigenvalues.LANCZOS) {
            throw new UserInputException("--energy-window applies to --eigenvalues lanczos only");
        }
        List<Integer> perSize = sizeList.stream()
                .map(size -> realizations != null ? realizations
                        : TransitionPreset.realizations(size, levelCount, fraction)).toList();
        return new Plan(base, sizeList, ratioList, levelCount, fraction, perSize, how, window, realizations != null);
    }

    @Override
    public Integer call() throws IOException {
        Plan plan = plan();
        List<Integer> sizeList = plan.sizes();
        List<Double> ratioList = plan.ratios();
        double gapFraction = plan.gapFraction();
        if (bootstrap < 10) {
            throw new UserInputException("--bootstrap must be at least 10, got " + bootstrap);
        }
        if (scalingBootstrap < 0) {
            throw new UserInputException("--scaling-bootstrap must be 0 or more, got " + scalingBootstrap);
        }
        if (dryRun) {
            plan.describe().forEach(System.out::println);
            return 0;
        }
        ModelSpec model = ModelSpec.DEFAULTS.withWidth(width).withBoundary(boundary)
                .withDriver(Driver.DSYEVD)
                .withAnalysis(ModelSpec.DEFAULTS.analysis().withGapRatioFraction(gapFraction));
        double[] x = ratioList.stream().mapToDouble(Double::doubleValue).toArray();
        List<Double> hoppings = ratioList.stream().map(r -> width / r).toList();
        List<Crossings.Curve> curves = new ArrayList<>();
        List<TransitionAnalysis.Sources> sources = new ArrayList<>();
        for (int i = 0; i < sizeList.size(); i++) {
            int size = sizeList.get(i);
            int r = plan.realizations().get(i);
            SweepSpec spec = new SweepSpec(List.of(size), hoppings, r, 0, seed, model);
            boolean lanczos = plan.eigenvalues() == TransitionPreset.Eigenvalues.LANCZOS;
            SweepParameters parameters = spec.parameters().withMode(lanczos
                    ? new SweepMode.LanczosGapRatio(plan.energyWindow()) : new SweepMode.DenseGapRatio());
            Path dir = out.resolve("L" + size);
            double window = plan.energyWindow();
            // The Lanczos route needs a few N-vectors and no BLAS: one realization per core at every L.
            Integer realizationsAtOnce = parallel != null || !lanczos ? parallel : Integer.valueOf(Parallelism.cores());
            Integer blas = blasThreads != null || !lanczos ? blasThreads : Integer.valueOf(1);
            SweepRunner.run(spec, parameters, dir, shard.index(), shard.count(), realizationsAtOnce, blas, quiet,
                    task -> lanczos ? SpectrumRecords.gapRatioLanczos(spec, task, window)
                            : SpectrumRecords.gapRatio(spec, task, gapFraction));
            if (shard.count() > 1) {
                continue;
            }
            var records = SweepStore.readRecords(dir, GapRatioLine.class);
            curves.add(TransitionAnalysis.curve(size, hoppings, r, records));
            sources.add(TransitionAnalysis.Sources.of(size, hoppings, r, records));
        }
        if (shard.count() > 1) {
            System.out.printf(Locale.ROOT, "shard %d/%d of every size done in %s; run without --shard to analyse%n",
                    shard.index(), shard.count(), out);
            return 0;
        }
        TransitionAnalysis analysis = TransitionAnalysis.of(x, hoppings, curves, sources, bootstrap, seed,
                TransitionAnalysis.DEFAULT_ORDERS, scalingBootstrap);
        analysis.table().write(out.resolve("transition.csv"));
        analysis.crossingTable().write(out.resolve("crossings.csv"));
        if (analysis.scaling() != null) {
            var scaling = analysis.scaling();
            ScalingTables.fitTable(scaling.selection()).write(out.resolve("scaling-fits.csv"));
            var fit = scaling.selection().stable();
            if (fit != null) {
                ScalingTables.collapseTable(fit, scaling.scaling().data()).write(out.resolve("collapse.csv"));
                ScalingTables.bootstrapTable(scaling.bootstrap()).write(out.resolve("scaling-bootstrap.csv"));
                AnalysisFigures.collapse(analysis).write(out.resolve("collapse"));
            }
        }
        AtomicFiles.write(out.resolve("estimate.json"),
                Documents.pretty(analysis.estimate(ProvenanceCollector.collect())));
        AnalysisFigures.transition(analysis, plan.levelsLabel(), width, boundary).write(out.resolve("transition"));
        var scaling = analysis.scalingEstimate();
        if (scaling != null) {
            System.out.printf(Locale.ROOT, "w/t_c = %.3f (95%% %.3f–%.3f) from finite-size scaling (order %s), ν = %.3f "
                            + "(95%% %.3f–%.3f; literature %.3f), χ²/dof = %.1f/%d, p = %.3g; %d of %d bootstrap refits "
                            + "left out%n", scaling.wOverTc(), scaling.wOverTcCi95()[0], scaling.wOverTcCi95()[1],
                    scaling.order(), scaling.nu(), scaling.nuCi95()[0], scaling.nuCi95()[1], Literature.CRITICAL_NU,
                    scaling.chi2(), scaling.dof(), scaling.pValue(), scaling.bootstrapFailed(), scaling.bootstrap());
        } else if (analysis.scaling() != null) {
            System.out.println("no finite-size-scaling estimate: " + analysis.scaling().selection().reason());
        }
        var levels = analysis.levels();
        if (levels.windowsFromDense() > 0) {
            System.out.printf(Locale.ROOT, "%d of %d Lanczos windows were taken from dense eigenvalues (their recursions "
                    + "did not agree): column windows_from_dense of transition.csv, levels in estimate.json%n",
                    levels.windowsFromDense(), levels.lines());
        }
        Crossings.Crossing best = analysis.best();
        if (Double.isNaN(best.x())) {
            System.out.println("the curves of the two largest sizes do not cross on the w/t grid: widen --ratio or "
                    + "add realizations");
        } else {
            System.out.printf(Locale.ROOT, "crossing of L = %d and %d: w/t = %.3f (95%% interval %.3f–%.3f; %d of %d "
                            + "resamples without a crossing); literature w/t_c = %.3f; tables and plot in %s%n",
                    best.smaller(), best.larger(), best.x(), best.low(), best.high(), best.bootstrapMissing(),
                    best.bootstrapSamples(), Literature.CRITICAL_RATIO, out);
        }
        return 0;
    }
}
