package dnp.cli;

import dnp.analysis.FigureData;
import dnp.analysis.SizeSeries;
import dnp.analysis.Summary;
import dnp.cli.options.Converters;
import dnp.cli.options.FigureChoice;
import dnp.kernel.model.Convention;
import dnp.plot.Plot;
import dnp.plot.figures.ApproximationFigures;
import dnp.plot.figures.PaperFigures;
import dnp.plot.figures.SummaryOutput;
import dnp.sweep.records.Driver;
import dnp.sweep.FigurePreset;
import dnp.cli.options.MethodOptions;
import dnp.sweep.KpmSpec;
import dnp.sweep.records.Method;
import dnp.sweep.ModelSpec;
import dnp.sweep.SizesPreset;
import dnp.sweep.SweepRunner;
import dnp.sweep.SweepSpec;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Reproduce Fig. N (2–7) of the paper, or check an approximation against the exact values "
                + "(eq24: Eq. 24 against P_n; eq29: Eq. 29 against L and levels per resonance width): a resumable "
                + "sweep, the CSV behind the figure, PNG and SVG.",
                "Quick defaults finish in a couple of minutes on 2 cores; --paper-size uses the published sizes.",
                "'dnp figure sizes': the approach to the large-system limit, one resumable sweep per L."})
final class FigureCommand implements Callable<Integer> {
    /** The name of the figure of the approach to the large-system limit. */
    static final String SIZES = FigureChoice.SIZES_WORD;

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "N", description = {"figure number, 2 to 7; eq24 or eq29 (checks of Eq. 24 and Eq. 29); "
            + "'profile': the enhancement ε = P_n/P_n^thermal against ω_MW at t = 2, 6.5 and 20; or 'sizes': P_n(t) and C(ω_n = 1)(t) for "
            + "several L, dense up to L = " + SizesPreset.DENSE_UP_TO + " and KPM above: the approach to the "
            + "large-system limit (sizes, realizations and KPM settings of both versions: README)"})
    FigureChoice figure;
    @Option(names = "--paper-size", description = "the published sizes and numbers of realizations (hours on 2 cores)")
    boolean paperSize;
    @Option(names = "--convention", paramLabel = "C", description = "si (default) or paper")
    Convention convention = ModelSpec.DEFAULTS.convention();
    @Option(names = "--driver", paramLabel = "D", completionCandidates = dnp.cli.options.DriverNames.class,
            description = "eigen stage: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Driver driver = Driver.DEFAULT;
    @Mixin
    MethodOptions method;
    @Option(names = "--L", paramLabel = "L", description = "override the lattice size (sizes: a list)")
    Converters.Sizes sizes;
    @Option(names = "--realizations", paramLabel = "N", description = "override the number of realizations "
            + "(sizes: of every L)")
    Integer realizations;
    @Option(names = "--t", paramLabel = "LIST", description = "sizes: override the hoppings (2π·MHz)")
    Converters.Values hoppings;
    @Option(names = "--dense-up-to", paramLabel = "L", description = "sizes: the largest L computed by dense "
            + "diagonalization, KPM above (default " + SizesPreset.DENSE_UP_TO + ")")
    Integer denseUpTo;
    @Option(names = "--moment-cache", paramLabel = "DIR", description = "sizes: folder of the KPM moment files "
            + "(default OUT/moments); the run of the other convention can reuse them")
    Path momentCache;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default figures/figN[-paper][-CONVENTION], "
            + "figures/sizes[-paper][-CONVENTION])")
    Path out;
    @Option(names = "--force", description = "overwrite an existing figure (the sweep itself always resumes)")
    boolean force;
    @Option(names = "--parallel", paramLabel = "P", description = "realizations at once")
    Integer parallel;
    @Option(names = "--blas-threads", paramLabel = "B", description = "BLAS threads per realization")
    Integer blasThreads;
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (figure.sizes()) {
            return sizes();
        }
        for (String option : List.of("--t", "--dense-up-to", "--moment-cache")) {
            if (matched(option)) {
                throw new UserInputException(option + " applies to figure " + SIZES + " only");
            }
        }
        FigurePreset preset = figure.preset();
        Convention c = convention;
        ModelSpec model = method.applyTo(ModelSpec.DEFAULTS.withConvention(c).withDriver(driver));
        if (preset.needsEigenvectors() && model.method() != Method.DENSE) {
            throw new UserInputException("figure " + preset.name() + " needs the dense method: the binned K(ε, ε′) and "
                    + "the sampled GOE come from eigenvectors");
        }
        Integer size = null;
        if (sizes != null) {
            List<Integer> l = sizes.values();
            if (l.size() != 1) {
                throw new UserInputException("--L takes one size for figure " + preset.name() + " (several only for figure "
                        + SIZES + ")");
            }
            size = l.getFirst();
        }
        SweepSpec spec = preset.sweep(model, paperSize, size, realizations, seed);
        int l = spec.largestSize();
        String name = preset.isPaperFigure() ? "fig" + preset.name() : preset.name();
        Path dir = out != null ? out : defaultFolder(name, c);
        Path base = dir.resolve(name);
        refuseOverwrite(base);
        SweepRunner.Outcome outcome = SweepRunner.run(spec, dir.resolve("sweep"), 1, 1, parallel, blasThreads, quiet);
        Summary summary = Summary.read(List.of(dir.resolve("sweep")));
        SummaryOutput.write(summary, dir.resolve("tables"), false);
        List<Path> written = draw(preset.name(), summary, l, base);
        String sizeText = spec.sizes().size() == 1 ? String.valueOf(l) : spec.sizes().toString();
        System.err.println("dnp figure " + preset.name() + ": L = " + sizeText + ", " + spec.realizations()
                + " realization(s) per t (" + outcome.computed() + " computed, " + outcome.skipped() + " reused); wrote "
                + written.stream().map(p -> p + ".png/.svg").toList() + " and CSV tables in " + dir.resolve("tables"));
        return 0;
    }

    /**
     * The approach to the large-system limit: one resumable sweep per size (OUT/L&lt;size&gt;), dense up
     * to the dense limit and KPM above (moments in OUT/moments unless --moment-cache), then the
     * two-panel figure and the tables.
     */
    private int sizes() throws IOException {
        if (matched("--method")) {
            throw new UserInputException("figure " + SIZES + " chooses the method per size (dense up to --dense-up-to "
                    + SizesPreset.DENSE_UP_TO + ", kpm above): drop --method");
        }
        if (denseUpTo != null && denseUpTo < 0) {
            throw new UserInputException("--dense-up-to must be 0 or more, got " + denseUpTo);
        }
        Convention c = convention;
        ModelSpec model = ModelSpec.DEFAULTS.withConvention(c).withDriver(driver);
        SizesPreset preset = SizesPreset.of(paperSize);
        KpmSpec kpm = method.kpm(preset.kpm());
        List<SizesPreset.SizeSweep> sweeps = preset.sweeps(model, sizes != null ? sizes.values() : null,
                realizations, hoppings != null ? hoppings.values() : null, denseUpTo, kpm, seed);
        Path dir = out != null ? out : defaultFolder(SIZES, c);
        Path base = dir.resolve(SIZES);
        refuseOverwrite(base);
        // Site moments are kept in OUT/moments for every size; the vector estimator's only with --moment-cache.
        Path moments = momentCache != null ? momentCache
                : kpm.estimator() == dnp.kpm.Estimator.SITES ? dir.resolve(SweepRunner.MOMENTS) : null;
        List<SizeSeries.Curve> curves = new ArrayList<>();
        int computed = 0;
        int reused = 0;
        for (SizesPreset.SizeSweep sweep : sweeps) {
            Path folder = dir.resolve("L" + sweep.size());
            if (!quiet) {
                System.err.println("L = " + sweep.size() + " (" + sweep.method() + ", " + sweep.spec().realizations()
                        + " realization(s) × " + sweep.spec().hoppings().size() + " t) into " + folder);
            }
            SweepRunner.Outcome outcome = SweepRunner.run(sweep.spec(), folder, 1, 1, parallel, blasThreads, quiet,
                    moments);
            computed += outcome.computed();
            reused += outcome.skipped();
            Summary summary = Summary.read(List.of(folder));
            SummaryOutput.write(summary, dir.resolve("tables").resolve("L" + sweep.size()), false);
            curves.add(SizeSeries.of(summary, sweep.size()));
        }
        SummaryOutput.writeSizes(curves, dir.resolve("tables"));
        Plot.writeRow(base, PaperFigures.sizes(curves));
        System.err.println("dnp figure " + SIZES + ": L = " + sweeps.stream().map(w -> w.size() + " " + w.method())
                .toList() + " (" + computed + " realizations computed, " + reused + " reused); wrote " + base
                + ".png/.svg and CSV tables in " + dir.resolve("tables"));
        return 0;
    }

    private Path defaultFolder(String name, Convention c) {
        return Path.of("figures", name + (paperSize ? "-paper" : "") + (c == Convention.SI ? "" : "-" + c.label()));
    }

    private void refuseOverwrite(Path base) {
        if (Files.exists(base.resolveSibling(base.getFileName() + ".png")) && !force) {
            throw new UserInputException(base + ".png exists: use --force to redraw it (finished realizations are kept)");
        }
    }

    /** Whether the command line gave {@code option} (the mixin's options have non-null defaults). */
    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private List<Path> draw(String figure, Summary s, int l, Path base) throws IOException {
        List<Path> written = new ArrayList<>();
        switch (figure) {
            case "2" -> save(PaperFigures.densityOfStates(s, l), base, written);
            case "3" -> save(PaperFigures.polarization(s, List.of(0), "Fig. 3: nuclear polarization, L = " + l), base, written);
            case "4" -> {
                save(PaperFigures.polarizationPerPair(s, l, FigureData.pairsWhere(s, 20.0, null),
                        "Fig. 4 (left): ω_MW toward ω_e, ω_n = 20, L = " + l, true), base.resolveSibling("fig4-left"), written);
                save(PaperFigures.polarizationPerPair(s, l, FigureData.pairsWhere(s, null, 93860.0),
                        "Fig. 4 (right): several ω_n, ω_MW = 93860, L = " + l, false), base.resolveSibling("fig4-right"), written);
                // fig4.png: the left panel, so that every figure N has a figN.png
                save(PaperFigures.polarizationPerPair(s, l, FigureData.pairsWhere(s, 20.0, null),
                        "Fig. 4: P_n for ω_MW shifted toward ω_e, ω_n = 20, L = " + l, true), base, written);
            }
            case "5" -> save(PaperFigures.rates(s, l, 0), base, written);
            case "6" -> save(PaperFigures.integrand(s, l, 20, 93860), base, written);
            case "7" -> save(PaperFigures.correlator(s, l, FigureData.pairsWhere(s, null, 93860.0)), base, written);
            case "eq24" -> save(ApproximationFigures.eq24(s, l, 0), base, written);
            case "profile" -> save(PaperFigures.enhancementProfile(s, l, this.figure.preset().omegaN().getFirst()),
                    base, written);
            case "eq29" -> {
                save(ApproximationFigures.eq29Levels(s, 0), base, written);
                save(ApproximationFigures.eq29Sizes(s, nearestToCritical(s), 0), base.resolveSibling("eq29-L"), written);
                List<Integer> sizes = FigureData.sizes(s);
                save(ApproximationFigures.densityCorrelators(s, sizes.subList(Math.max(0, sizes.size() - 2), sizes.size()),
                        R_PANEL_MAX_OMEGA), base.resolveSibling("eq29-R"), written);
            }
            default -> throw new IllegalStateException("unreachable");
        }
        return written;
    }

    /** The R(ω) panel of eq29 spans a few level spacings of L ≤ 12. */
    private static final double R_PANEL_MAX_OMEGA = 3;

    /** The hopping of the summary closest to t_c. */
    private static double nearestToCritical(Summary s) {
        double tc = FigureData.criticalHopping(s);
        return s.byPoint().keySet().stream().map(Summary.SizeAndHopping::hopping)
                .min(java.util.Comparator.comparingDouble(t -> Math.abs(t - tc))).orElseThrow();
    }

    private static void save(Plot plot, Path base, List<Path> written) throws IOException {
        plot.write(base);
        written.add(base);
    }
}
