package dnp.cli;

import dnp.cli.plot.Plot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Reproduce Fig. N (2–7) of the paper: a resumable sweep, the CSV behind the figure, PNG and SVG.",
                "Quick defaults finish in a couple of minutes on 2 cores; --paper-size uses the published sizes."})
final class FigureCommand implements Callable<Integer> {
    /** Hoppings of the P_n(t) figures, 2π·MHz, around t_c ≈ 6.5 on a log axis. */
    static final List<Double> HOPPINGS = List.of(1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 12.0, 15.0, 20.0,
            30.0, 40.0, 60.0);

    @Parameters(paramLabel = "N", description = "figure number, 2 to 7")
    int figure;
    @Option(names = "--paper-size", description = "the published sizes and numbers of realizations (hours on 2 cores)")
    boolean paperSize;
    @Option(names = "--convention", paramLabel = "C", description = "si (default) or paper")
    String convention = "si";
    @Option(names = "--driver", paramLabel = "D", description = "eigen stage: dsyevd (default), dsyevr or reference")
    String driver = "dsyevd";
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

    /** Published size and realizations (docs/model.md#parameters-table-i), and the quick defaults. */
    record Preset(int quickSize, int quickRealizations, int paperSize, int paperRealizations, List<Double> hoppings,
                  List<Double> omegaN, List<Double> omegaMW, int energyBins) {}

    static Preset preset(int figure) {
        return switch (figure) {
            // DOS figures: fewer, wider energy bins and more realizations for smooth histograms.
            case 2 -> new Preset(8, 24, 8, 100, List.of(1.0, 5.0, 8.0, 14.0), List.of(20.0), List.of(93860.0), 40);
            case 3, 5 -> new Preset(10, 8, 18, 60, HOPPINGS, List.of(20.0), List.of(93860.0), 64);
            case 4 -> new Preset(10, 8, 18, 60, HOPPINGS, List.of(5.0, 10.0, 20.0, 30.0, 40.0),
                    List.of(93860.0, 93870.0, 93880.0, 93890.0), 64);
            case 6 -> new Preset(8, 24, 8, 100, List.of(2.0, 6.5, 20.0, 50.0), List.of(20.0), List.of(93860.0), 40);
            case 7 -> new Preset(10, 8, 20, 10, HOPPINGS, List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(93860.0), 64);
            default -> throw new CliException("figure " + figure + " is not one of the paper's figures 2–7");
        };
    }

    @Override
    public Integer call() throws IOException {
        Preset preset = preset(figure);
        ModelOptions model = new ModelOptions();
        model.convention = convention;
        model.driver = driver;
        model.omegaN = preset.omegaN();
        model.omegaMW = preset.omegaMW();
        model.energyBins = preset.energyBins();
        int l = size != null ? size : paperSize ? preset.paperSize() : preset.quickSize();
        int r = realizations != null ? realizations : paperSize ? preset.paperRealizations() : preset.quickRealizations();
        Path dir = out != null ? out : Path.of("figures", "fig" + figure + (paperSize ? "-paper" : "")
                + (convention.equals("si") ? "" : "-" + convention));
        Path base = dir.resolve("fig" + figure);
        if (Files.exists(base.resolveSibling("fig" + figure + ".png")) && !force) {
            throw new CliException(base + ".png exists: use --force to redraw it (finished realizations are kept)");
        }
        SweepPlan plan = new SweepPlan(List.of(l), preset.hoppings(), r, 0, seed, model);
        SweepRunner.Outcome outcome = SweepRunner.run(plan, dir.resolve("sweep"), 1, 1, parallel, blasThreads, quiet);
        Summary summary = Summary.read(List.of(dir.resolve("sweep")));
        SummarizeCommand.write(summary, dir.resolve("tables"), false);
        List<Path> written = draw(summary, l, base);
        System.err.println("dnp figure " + figure + ": L = " + l + ", " + r + " realization(s) per t ("
                + outcome.computed() + " computed, " + outcome.skipped() + " reused); wrote "
                + written.stream().map(p -> p + ".png/.svg").toList() + " and CSV tables in " + dir.resolve("tables"));
        return 0;
    }

    private List<Path> draw(Summary s, int l, Path base) throws IOException {
        List<Path> written = new ArrayList<>();
        switch (figure) {
            case 2 -> save(Figures.densityOfStates(s, l), base, written);
            case 3 -> save(Figures.polarization(s, List.of(0), "Fig. 3: nuclear polarization, L = " + l), base, written);
            case 4 -> {
                save(Figures.polarizationPerPair(s, l, Figures.pairsWhere(s, 20.0, null),
                        "Fig. 4 (left): ω_MW toward ω_e, ω_n = 20, L = " + l, true), base.resolveSibling("fig4-left"), written);
                save(Figures.polarizationPerPair(s, l, Figures.pairsWhere(s, null, 93860.0),
                        "Fig. 4 (right): several ω_n, ω_MW = 93860, L = " + l, false), base.resolveSibling("fig4-right"), written);
                // fig4.png: the left panel, so that every figure N has a figN.png
                save(Figures.polarizationPerPair(s, l, Figures.pairsWhere(s, 20.0, null),
                        "Fig. 4: P_n for ω_MW shifted toward ω_e, ω_n = 20, L = " + l, true), base, written);
            }
            case 5 -> save(Figures.rates(s, l, 0), base, written);
            case 6 -> save(Figures.integrand(s, l, 20, 93860), base, written);
            case 7 -> save(Figures.correlator(s, l, Figures.pairsWhere(s, null, 93860.0)), base, written);
            default -> throw new IllegalStateException("unreachable");
        }
        return written;
    }

    private static void save(Plot plot, Path base, List<Path> written) throws IOException {
        plot.write(base);
        written.add(base);
    }
}
