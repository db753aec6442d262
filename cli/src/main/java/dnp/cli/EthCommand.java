package dnp.cli;

import dnp.analysis.Stats;
import dnp.analysis.Table;
import dnp.cli.options.Converters;
import dnp.cli.options.ModelOptions;
import dnp.kernel.Realization;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.physics.LineBroadening;
import dnp.kernel.physics.ModelUnits;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;
import dnp.plot.figures.EthFigures;
import dnp.sweep.AtomicFiles;
import dnp.sweep.records.Method;
import dnp.sweep.ModelSpec;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.UserInputException;
import dnp.sweep.records.Documents;
import dnp.sweep.records.EthComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eth", mixinStandardHelpOptions = true,
        description = {"Nuclei in the ETH phase with a broadened nuclear line (Appendix D): P_n^ETH, the rates",
                "averaged over a Gaussian or Lorentzian line of the given widths around ω_n, against the exact",
                "P_n of Eq. 20 on the same realizations. Writes eth.csv, eth.json and eth.png/.svg."})
final class EthCommand implements Callable<Integer> {
    @Option(names = "--L", paramLabel = "L", description = "lattice size (default ${DEFAULT-VALUE})")
    int size = 8;
    @Option(names = "--t", paramLabel = "LIST", description = "hoppings t (2π·MHz), list and/or ranges (default ${DEFAULT-VALUE}: the ergodic side)")
    Converters.Values hoppings = Converters.Values.of(8.0, 10.0, 13.0, 16.0, 20.0, 30.0);
    @Option(names = "--realizations", paramLabel = "N", description = "realizations per t (default ${DEFAULT-VALUE})")
    int realizations = 4;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--line-shape", paramLabel = "LIST", split = ",",
            description = "gaussian and/or lorentzian (default ${DEFAULT-VALUE})")
    List<LineBroadening.Shape> shapes = List.of(LineBroadening.Shape.values());
    @Option(names = "--line-width", paramLabel = "LIST", split = ",",
            description = "widths σ (gaussian standard deviation) or γ (lorentzian half-width), 2π·MHz (default ${DEFAULT-VALUE})")
    List<Double> widths = List.of(0.05, 0.2, 1.0);
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("eth");
    @Option(names = "--force", description = "overwrite an earlier eth.csv in --out")
    boolean force;
    @Mixin
    ModelOptions model;

    private record Key(double t, int pair, LineBroadening.Shape shape, double width) {}

    @Override
    public Integer call() throws IOException {
        ModelSpec spec = model.spec();
        if (spec.method() != Method.DENSE) {
            throw new UserInputException("dnp eth needs the eigenstates: --method kpm is not supported");
        }
        if (realizations < 1) {
            throw new UserInputException("--realizations must be at least 1, got " + realizations);
        }
        if (Files.exists(out.resolve("eth.csv")) && !force) {
            throw new UserInputException(out.resolve("eth.csv") + " exists: use --force to overwrite it");
        }
        List<LineBroadening.Shape> shapeList = shapes.stream().distinct().toList();
        List<Double> tList = hoppings.values();
        Lattice lattice = new Lattice(size, spec.boundary());
        List<FrequencyPair> pairs = spec.pairs();
        ModelUnits units = ModelUnits.of(spec.physics(), spec.convention());
        // The Gaussian lines' quadratures, per pair and width (refused here if a line reaches ω ≤ 0).
        Map<Key, LineBroadening.Quadrature> lines = new LinkedHashMap<>();
        for (double width : widths) {
            if (!(width > 0) || Double.isInfinite(width)) {
                throw new UserInputException("--line-width must be positive, got " + width);
            }
            for (int k = 0; k < pairs.size(); k++) {
                if (shapeList.contains(LineBroadening.Shape.GAUSSIAN)) {
                    try {
                        lines.put(new Key(0, k, LineBroadening.Shape.GAUSSIAN, width),
                                LineBroadening.gaussian(pairs.get(k).omegaN(), width, units));
                    } catch (IllegalArgumentException ex) {
                        throw new UserInputException("--line-width: " + ex.getMessage());
                    }
                }
            }
        }
        Map<Key, List<Double>> eth = new LinkedHashMap<>();
        Map<Key, List<Double>> exact = new LinkedHashMap<>();
        for (double t : tList) {
            for (int r = 0; r < realizations; r++) {
                RealizationInput input = new RealizationInput(lattice, t,
                        Disorder.box(lattice.sites(), spec.width(), seed, r), spec.physics(), pairs, spec.analysis(),
                        spec.convention());
                // One diagonalization for the exact pairs and every Gaussian node.
                List<FrequencyPair> nodes = new ArrayList<>(pairs);
                Map<Key, Integer> first = new LinkedHashMap<>();
                lines.forEach((key, q) -> {
                    first.put(key, nodes.size());
                    for (double w : q.omega()) {
                        nodes.add(new FrequencyPair(w, pairs.get(key.pair()).omegaMW()));
                    }
                });
                RealizationResult result = Realization.compute(input.withPairs(nodes), spec.solver());
                for (int k = 0; k < pairs.size(); k++) {
                    double pn = result.pairs().get(k).pn();
                    for (LineBroadening.Shape shape : shapeList) {
                        for (double width : widths) {
                            exact.computeIfAbsent(new Key(t, k, shape, width), x -> new ArrayList<>()).add(pn);
                        }
                    }
                }
                for (var entry : lines.entrySet()) {
                    Key key = entry.getKey();
                    LineBroadening.Quadrature q = entry.getValue();
                    double[] num = new double[q.omega().length];
                    double[] den = new double[q.omega().length];
                    for (int i = 0; i < num.length; i++) {
                        PairResult p = result.pairs().get(first.get(key) + i);
                        num[i] = p.numerator();
                        den[i] = p.denominator();
                    }
                    eth.computeIfAbsent(new Key(t, key.pair(), key.shape(), key.width()), x -> new ArrayList<>())
                            .add(q.polarization(num, den));
                }
                // Lorentzian lines: Eq. 20 with the shortened T_2n, one diagonalization each.
                if (shapeList.contains(LineBroadening.Shape.LORENTZIAN)) {
                    for (double width : widths) {
                        double t2n = LineBroadening.lorentzianT2n(spec.physics(), spec.convention(), width);
                        RealizationResult broadened = Realization.compute(
                                input.withPhysics(spec.physics().withT2n(t2n)), spec.solver());
                        for (int k = 0; k < pairs.size(); k++) {
                            eth.computeIfAbsent(new Key(t, k, LineBroadening.Shape.LORENTZIAN, width),
                                    x -> new ArrayList<>()).add(broadened.pairs().get(k).pn());
                        }
                    }
                }
            }
        }
        Table csv = new Table("L", "t", "omegaN", "omegaMW", "convention", "shape", "width", "realizations",
                "PnETH_mean", "PnETH_std", "PnETH_sem", "Pn_mean", "Pn_std", "Pn_sem");
        List<EthComparison.Row> rows = new ArrayList<>();
        for (double t : tList) {
            for (int k = 0; k < pairs.size(); k++) {
                for (LineBroadening.Shape shape : shapeList) {
                    for (double width : widths) {
                        Key key = new Key(t, k, shape, width);
                        Stats e = Stats.of(eth.get(key));
                        Stats x = Stats.of(exact.get(key));
                        FrequencyPair p = pairs.get(k);
                        csv.row(size, t, p.omegaN(), p.omegaMW(), spec.convention().label(), shape.label(), width,
                                realizations, e.mean(), e.std(), e.sem(), x.mean(), x.std(), x.sem());
                        rows.add(new EthComparison.Row(t, p.omegaN(), p.omegaMW(), shape, width, e.mean(),
                                e.std(), e.sem(), x.mean(), x.std(), x.sem()));
                    }
                }
            }
        }
        Files.createDirectories(out);
        csv.write(out.resolve("eth.csv"));
        EthComparison document = new EthComparison(EthComparison.SCHEMA, size, spec.boundary(), spec.width(),
                spec.convention(), seed, realizations, spec.driver(), rows,
                ProvenanceCollector.collect());
        AtomicFiles.write(out.resolve("eth.json"), Documents.pretty(document));
        EthFigures.comparison(document).write(out.resolve("eth"));
        System.out.printf(Locale.ROOT, "dnp eth: L = %d, %d hoppings × %d realizations; results in %s%n", size,
                tList.size(), realizations, out);
        return 0;
    }
}
