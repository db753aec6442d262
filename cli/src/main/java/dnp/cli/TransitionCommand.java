package dnp.cli;

import dnp.cli.plot.Plot;
import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.io.Json;
import dnp.kernel.io.JsonWriter;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.physics.SpectralStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "transition", mixinStandardHelpOptions = true,
        description = {"Locate the Anderson transition from level statistics: the mean gap ratio ⟨r⟩ in a central",
                "window against w/t for several L (eigenvalues only), the crossings of successive sizes with",
                "bootstrap intervals, and the estimate of w/t_c. Resumable like dnp sweep."})
final class TransitionCommand implements Callable<Integer> {
    /** Poisson (localized) and GOE (metallic) values of ⟨r⟩. */
    static final double POISSON = 2 * Math.log(2) - 1;
    static final double GOE = 0.5307;

    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes (default ${DEFAULT-VALUE})")
    String sizes = "6,8,10,12";
    @Option(names = "--ratio", paramLabel = "LIST", description = "grid of w/t (default ${DEFAULT-VALUE})")
    String ratios = "12,14,15,16,16.5,17,18,20,22";
    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE})")
    double width = 108;
    @Option(names = "--bc", paramLabel = "BC", description = "periodic (default) or open")
    String boundary = "periodic";
    @Option(names = "--realizations", paramLabel = "N", description = "realizations per (L, w/t) (default: about --levels gap ratios per point)")
    Integer realizations;
    @Option(names = "--levels", paramLabel = "N", description = "gap ratios to gather per (L, w/t) when --realizations is not given (default ${DEFAULT-VALUE})")
    int levels = 24000;
    @Option(names = "--gap-fraction", paramLabel = "F", description = "central fraction of the levels used (default ${DEFAULT-VALUE})")
    double gapFraction = 0.1;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--bootstrap", paramLabel = "N", description = "bootstrap resamples of the crossings (default ${DEFAULT-VALUE})")
    int bootstrap = 1000;
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("transition");
    @Option(names = "--parallel", paramLabel = "P", description = "realizations at once")
    Integer parallel;
    @Option(names = "--blas-threads", paramLabel = "B", description = "BLAS threads per realization")
    Integer blasThreads;
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<Integer> sizeList = Grid.parseSizes(sizes);
        List<Double> ratioList = Grid.parse("--ratio", ratios).stream().sorted().toList();
        for (double x : ratioList) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new CliException("--ratio: w/t must be positive, got " + x);
            }
        }
        if (bootstrap < 10) {
            throw new CliException("--bootstrap must be at least 10, got " + bootstrap);
        }
        if (levels < 1) {
            throw new CliException("--levels must be at least 1, got " + levels);
        }
        ModelOptions model = new ModelOptions();
        model.width = width;
        model.boundary = boundary;
        model.gapFraction = gapFraction;
        model.driver = "dsyevd";
        model.validate();
        double[] x = ratioList.stream().mapToDouble(Double::doubleValue).toArray();
        List<Double> hoppings = ratioList.stream().map(r -> width / r).toList();
        List<Crossings.Curve> curves = new ArrayList<>();
        Csv table = new Csv("L", "ratio", "t", "realizations", "r_mean", "r_sem");
        for (int size : sizeList) {
            int n = size * size * size;
            int r = realizations != null ? realizations
                    : Math.max(10, (int) Math.ceil(levels / Math.max(1.0, gapFraction * n)));
            SweepPlan plan = new SweepPlan(List.of(size), hoppings, r, 0, seed, model);
            Map<String, Object> parameters = new LinkedHashMap<>(plan.parameters());
            parameters.put("mode", "transition: eigenvalues only, gap ratio");
            Path dir = out.resolve("L" + size);
            EigenSolver solver = model.solver();
            SweepRunner.run(plan, parameters, dir, 1, 1, parallel, blasThreads, quiet, task -> {
                Lattice lattice = new Lattice(task.size(), model.boundary());
                double[] lambda;
                try (DenseMatrix m = AndersonHamiltonian.build(lattice, task.hopping(),
                        Disorder.box(lattice.sites(), width, seed, task.realization()))) {
                    lambda = solver.eigenvalues(m);
                }
                var gap = SpectralStatistics.gapRatio(lambda, gapFraction);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("key", task.key());
                record.put("L", task.size());
                record.put("t", task.hopping());
                record.put("realization", task.realization());
                record.put("gapRatio", gap.mean());
                record.put("gapRatioCount", gap.count());
                return record;
            });
            double[][] values = new double[r][x.length];
            Map<String, Map<String, Object>> records = SweepStore.readRecords(dir);
            for (int k = 0; k < r; k++) {
                for (int i = 0; i < x.length; i++) {
                    Map<String, Object> rec = records.get(SweepPlan.Task.key(size, hoppings.get(i), k));
                    values[k][i] = rec == null ? Double.NaN : Json.number(rec.get("gapRatio"));
                }
            }
            Crossings.Curve curve = new Crossings.Curve(size, values);
            curves.add(curve);
            for (int i = 0; i < x.length; i++) {
                List<Double> column = new ArrayList<>();
                for (double[] row : values) {
                    column.add(row[i]);
                }
                Stats s = Stats.of(column);
                table.row(size, x[i], hoppings.get(i), s.count(), s.mean(), s.sem());
            }
        }
        table.write(out.resolve("transition.csv"));

        Csv crossingTable = new Csv("L_small", "L_large", "crossing", "ci_low", "ci_high", "bootstrap_without_crossing");
        List<Crossings.Crossing> crossings = new ArrayList<>();
        for (int i = 0; i + 1 < curves.size(); i++) {
            Crossings.Crossing c = Crossings.find(x, curves.get(i), curves.get(i + 1), bootstrap, seed);
            crossings.add(c);
            crossingTable.row(c.smaller(), c.larger(), c.x(), c.low(), c.high(), c.bootstrapMissing());
        }
        crossingTable.write(out.resolve("crossings.csv"));
        Map<String, Object> estimate = new LinkedHashMap<>();
        Crossings.Crossing best = crossings.isEmpty() ? null : crossings.getLast();
        estimate.put("wOverTc", best == null ? Double.NaN : best.x());
        estimate.put("ci95", best == null ? null : new double[]{best.low(), best.high()});
        estimate.put("fromSizes", best == null ? null : new int[]{best.smaller(), best.larger()});
        estimate.put("method", "crossing of the mean gap ratio of the two largest sizes; 95% bootstrap interval "
                + "over realizations (" + bootstrap + " resamples)");
        estimate.put("literature", Figures.CRITICAL_RATIO);
        estimate.put("literatureReference", "Rodriguez, Vasquez, Slevin, Römer, PRB 84, 134209 (2011): 16.530 (16.524–16.536)");
        Map<String, Object> provenance = Provenance.collect();
        estimate.put("provenance", provenance);
        AtomicFiles.write(out.resolve("estimate.json"), JsonWriter.pretty(estimate));
        plot(curves, x, crossings).write(out.resolve("transition"));
        if (best == null || Double.isNaN(best.x())) {
            System.out.println("no crossing found on the w/t grid: widen --ratio or add realizations");
        } else {
            System.out.printf(Locale.ROOT, "w/t_c = %.3f (95%% interval %.3f–%.3f) from the crossing of L = %d and %d; "
                            + "literature 16.530; tables and plot in %s%n", best.x(), best.low(), best.high(),
                    best.smaller(), best.larger(), out);
        }
        return 0;
    }

    private Plot plot(List<Crossings.Curve> curves, double[] x, List<Crossings.Crossing> crossings) {
        Plot plot = new Plot("Level statistics across the Anderson transition", "disorder / hopping  w/t",
                "mean gap ratio ⟨r⟩").note("central " + Math.round(100 * gapFraction) + "% of levels, w = "
                + Figures.fmt(width) + ", " + boundary + " boundaries; error bars: standard error")
                .horizontalLine(GOE, "GOE 0.5307").horizontalLine(POISSON, "Poisson 0.3863");
        for (Crossings.Curve c : curves) {
            double[][] v = c.values();
            double[] mean = c.mean();
            double[] sem = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                List<Double> column = new ArrayList<>();
                for (double[] row : v) {
                    column.add(row[i]);
                }
                sem[i] = Stats.of(column).sem();
            }
            plot.series("L = " + c.size(), x, mean, sem, Plot.Style.LINE_MARKERS);
        }
        for (Crossings.Crossing c : crossings) {
            if (!Double.isNaN(c.x())) {
                plot.verticalLine(c.x(), c.smaller() + "/" + c.larger());
            }
        }
        return plot;
    }
}
