package dnp.cli;

import dnp.analysis.FigureData;
import dnp.analysis.Summary;
import dnp.kernel.model.Convention;
import dnp.plot.Plot;
import dnp.plot.figures.ApproximationFigures;
import dnp.plot.figures.PaperFigures;
import dnp.plot.figures.SummaryOutput;
import dnp.sweep.Driver;
import dnp.sweep.FigurePreset;
import dnp.cli.options.MethodOptions;
import dnp.sweep.Method;
import dnp.sweep.ModelSpec;
import dnp.sweep.SweepRunner;
import dnp.sweep.SweepSpec;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
                "Quick defaults finish in a couple of minutes on 2 cores; --paper-size uses the published sizes."})
final class FigureCommand implements Callable<Integer> {
    @Parameters(paramLabel = "N", description = "figure number, 2 to 7, or eq24, eq29")
    String figure;
    @Option(names = "--paper-size", description = "the published sizes and numbers of realizations (hours on 2 cores)")
    boolean paperSize;
    @Option(names = "--convention", paramLabel = "C", description = "si (default) or paper")
    String convention = ModelSpec.DEFAULTS.convention().label();
    @Option(names = "--driver", paramLabel = "D", completionCandidates = dnp.cli.options.DriverNames.class,
            description = "eigen stage: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String driver = Driver.DEFAULT.label();
    @Mixin
    MethodOptions method;
    @Option(names = "--L", paramLabel = "L", description = "override the lattice size")
    Integer size;
    @Option(names = "--realizations", paramLabel = "N", description = "override the number of realizations")
    Integer realizations;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default figures/figN[-paper][-CONVENTION])")
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
        FigurePreset preset = FigurePreset.of(figure);
        Convention c = Convention.parse(convention);
        ModelSpec model = method.applyTo(ModelSpec.DEFAULTS.withConvention(c).withDriver(Driver.parse(driver)));
        if (!preset.isPaperFigure() && model.method() != Method.DENSE) {
            throw new UserInputException("figure " + figure + " needs the dense method: the binned K(ε, ε′) and the "
                    + "sampled GOE come from eigenvectors");
        }
        SweepSpec spec = preset.sweep(model, paperSize, size, realizations, seed);
        int l = spec.largestSize();
        String name = preset.isPaperFigure() ? "fig" + figure : figure;
        Path dir = out != null ? out : Path.of("figures", name + (paperSize ? "-paper" : "")
                + (c == Convention.SI ? "" : "-" + c.label()));
        Path base = dir.resolve(name);
        if (Files.exists(base.resolveSibling(name + ".png")) && !force) {
            throw new UserInputException(base + ".png exists: use --force to redraw it (finished realizations are kept)");
        }
        SweepRunner.Outcome outcome = SweepRunner.run(spec, dir.resolve("sweep"), 1, 1, parallel, blasThreads, quiet);
        Summary summary = Summary.read(List.of(dir.resolve("sweep")));
        SummaryOutput.write(summary, dir.resolve("tables"), false);
        List<Path> written = draw(summary, l, base);
        String sizes = spec.sizes().size() == 1 ? String.valueOf(l) : spec.sizes().toString();
        System.err.println("dnp figure " + figure + ": L = " + sizes + ", " + spec.realizations() + " realization(s) per t ("
                + outcome.computed() + " computed, " + outcome.skipped() + " reused); wrote "
                + written.stream().map(p -> p + ".png/.svg").toList() + " and CSV tables in " + dir.resolve("tables"));
        return 0;
    }

    private List<Path> draw(Summary s, int l, Path base) throws IOException {
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
