package dnp.cli;

import dnp.cli.plot.Plot;
import dnp.kernel.Realization;
import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.io.Json;
import dnp.kernel.io.JsonWriter;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

@Command(name = "multifractal", mixinStandardHelpOptions = true,
        description = {"Multifractal scaling at the transition: the IPR of the central eigenstates against L",
                "(Eq. 32, I_2 ∝ L^(−D_2)) and C(ω) against ω (Eq. 33, C ∝ ω^(−μ)), with fitted exponents and",
                "bootstrap intervals. Resumable like dnp sweep."})
final class MultifractalCommand implements Callable<Integer> {
    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes for the IPR (default ${DEFAULT-VALUE})")
    String sizes = "6,8,10,12,14";
    @Option(names = "--ratio", paramLabel = "X", description = "w/t at which to measure (default: the critical ${DEFAULT-VALUE})")
    double ratio = Figures.CRITICAL_RATIO;
    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE})")
    double width = 108;
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

    record Fit(double slope, double intercept) {}

    /** Least-squares line y = slope·x + intercept. */
    static Fit line(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new Fit(slope, my - slope * mx);
    }

    @Override
    public Integer call() throws IOException {
        List<Integer> sizeList = Grid.parseSizes(sizes);
        if (sizeList.size() < 2) {
            throw new CliException("--L needs at least two sizes to fit D_2");
        }
        if (!(window > 0 && window <= 1)) {
            throw new CliException("--window must be in (0, 1], got " + window);
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new CliException("--ratio must be positive, got " + ratio);
        }
        String[] range = fitOmega.split(":");
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(range[0]);
            hi = Double.parseDouble(range[1]);
        } catch (RuntimeException ex) {
            throw new CliException("--fit-omega '" + fitOmega + "' must be LO:HI");
        }
        if (!(lo > 0 && hi > lo)) {
            throw new CliException("--fit-omega needs 0 < LO < HI, got " + fitOmega);
        }
        double hopping = width / ratio;
        ModelOptions model = new ModelOptions();
        model.width = width;
        model.omegaN = List.of(1.0);
        model.maxOmega = Math.max(20, 2 * hi);
        model.validate();
        LapackEigenSolver solver = new LapackEigenSolver(LapackEigenSolver.Driver.DSYEVR);

        // I_2 of the central eigenstates against L.
        double[][] perRealization = new double[sizeList.size()][];
        Csv iprTable = new Csv("L", "realizations", "states_per_realization", "ipr_mean", "ipr_sem");
        for (int s = 0; s < sizeList.size(); s++) {
            int size = sizeList.get(s);
            int n = size * size * size;
            int states = Math.max(4, (int) Math.round(window * n));
            int il = Math.max(1, (n - states) / 2 + 1);
            int iu = Math.min(n, il + states - 1);
            SweepPlan plan = new SweepPlan(List.of(size), List.of(hopping), realizations, 0, seed, model);
            Map<String, Object> parameters = new LinkedHashMap<>(plan.parameters());
            parameters.put("mode", "multifractal: IPR of eigenstates " + il + "…" + iu);
            Path dir = out.resolve("ipr-L" + size);
            SweepRunner.run(plan, parameters, dir, 1, 1, null, null, quiet, task -> {
                Lattice lattice = new Lattice(task.size(), model.boundary());
                LapackEigenSolver.Window w;
                try (DenseMatrix m = AndersonHamiltonian.build(lattice, task.hopping(),
                        Disorder.box(lattice.sites(), width, seed, task.realization()))) {
                    w = solver.window(m, il, iu);
                }
                double sum = 0;
                for (double[] phi : w.vectors()) {
                    for (double p : phi) {
                        sum += p * p * p * p;
                    }
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("key", task.key());
                record.put("L", task.size());
                record.put("t", task.hopping());
                record.put("realization", task.realization());
                record.put("ipr", sum / w.vectors().length);
                return record;
            });
            double[] values = SweepStore.readRecords(dir).values().stream()
                    .mapToDouble(r -> Json.number(r.get("ipr"))).toArray();
            perRealization[s] = values;
            Stats st = Stats.of(java.util.Arrays.stream(values).boxed().toList());
            iprTable.row(size, values.length, iu - il + 1, st.mean(), st.sem());
        }
        iprTable.write(out.resolve("ipr.csv"));
        double[] logL = sizeList.stream().mapToDouble(Math::log).toArray();
        double d2 = -line(logL, logMeans(perRealization, null)).slope();
        SplittableRandom random = new SplittableRandom(seed);
        double[] d2Samples = new double[bootstrap];
        for (int b = 0; b < bootstrap; b++) {
            d2Samples[b] = -line(logL, logMeans(perRealization, random)).slope();
        }
        java.util.Arrays.sort(d2Samples);

        // C(ω) = K̄/R̄ at the transition, one size, averages first.
        RealizationInput base = RealizationInput.defaults(correlatorSize, hopping, seed, 0)
                .withAnalysis(model.analysis());
        int bins = -1;
        double[][] k = new double[correlatorRealizations][];
        double[][] r = new double[correlatorRealizations][];
        double[] omega = null;
        for (int i = 0; i < correlatorRealizations; i++) {
            Lattice lattice = base.lattice();
            var result = Realization.compute(new RealizationInput(lattice, hopping,
                    Disorder.box(lattice.sites(), width, seed, i), base.physics(), base.pairs(), base.analysis(),
                    base.convention()));
            k[i] = result.spectrum().k();
            r[i] = result.spectrum().r();
            omega = result.spectrum().omega();
            bins = omega.length;
        }
        double[] c = new double[bins];
        Csv correlatorTable = new Csv("omega", "K_mean", "R_mean", "C_of_means");
        for (int b = 0; b < bins; b++) {
            double km = 0;
            double rm = 0;
            for (int i = 0; i < correlatorRealizations; i++) {
                km += k[i][b] / correlatorRealizations;
                rm += r[i][b] / correlatorRealizations;
            }
            c[b] = rm > 0 ? km / rm : Double.NaN;
            correlatorTable.row(omega[b], km, rm, c[b]);
        }
        correlatorTable.write(out.resolve("correlator.csv"));
        double mu = -muFit(omega, k, r, lo, hi, null).slope();
        double[] muSamples = new double[bootstrap];
        for (int b = 0; b < bootstrap; b++) {
            muSamples[b] = -muFit(omega, k, r, lo, hi, random).slope();
        }
        java.util.Arrays.sort(muSamples);

        Map<String, Object> fits = new LinkedHashMap<>();
        fits.put("ratio", ratio);
        fits.put("t", hopping);
        fits.put("D2", d2);
        fits.put("D2_ci95", new double[]{Crossings.quantile(d2Samples, 0.025), Crossings.quantile(d2Samples, 0.975)});
        fits.put("D2_literature", 1.44);
        fits.put("D2_sizes", sizeList);
        fits.put("mu", mu);
        fits.put("mu_ci95", new double[]{Crossings.quantile(muSamples, 0.025), Crossings.quantile(muSamples, 0.975)});
        fits.put("mu_fitRange", new double[]{lo, hi});
        fits.put("mu_size", correlatorSize);
        fits.put("mu_from_D2", 1 - d2 / 3);
        fits.put("mu_literature", 0.52);
        fits.put("method", "least squares of log I_2 against log L (Eq. 32) and of log C against log ω (Eq. 33); "
                + "95% bootstrap intervals over realizations (" + bootstrap + " resamples)");
        fits.put("provenance", Provenance.collect());
        AtomicFiles.write(out.resolve("fits.json"), JsonWriter.pretty(fits));

        double[] sizesX = sizeList.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] iprMeans = new double[sizesX.length];
        double[] iprErrors = new double[sizesX.length];
        double[] fitLine = new double[sizesX.length];
        Fit iprFit = line(logL, logMeans(perRealization, null));
        for (int s = 0; s < sizesX.length; s++) {
            Stats st = Stats.of(java.util.Arrays.stream(perRealization[s]).boxed().toList());
            iprMeans[s] = st.mean();
            iprErrors[s] = st.sem();
            fitLine[s] = Math.exp(iprFit.intercept() + iprFit.slope() * logL[s]);
        }
        new Plot("IPR of central eigenstates at w/t = " + Figures.fmt(ratio), "linear size L", "I_2")
                .logX(true).logY(true).note(String.format(Locale.ROOT, "D_2 = %.2f (95%% %.2f–%.2f); literature 1.44",
                        d2, Crossings.quantile(d2Samples, 0.025), Crossings.quantile(d2Samples, 0.975)))
                .series("⟨I_2⟩", sizesX, iprMeans, iprErrors, Plot.Style.MARKERS)
                .series("fit L^(−D_2)", sizesX, fitLine, null, Plot.Style.LINE)
                .write(out.resolve("ipr-scaling"));
        new Plot("C(ω) at w/t = " + Figures.fmt(ratio) + ", L = " + correlatorSize, "ω (2π·MHz)", "C(ω) = K̄/R̄")
                .logX(true).logY(true).note(String.format(Locale.ROOT, "μ = %.2f (95%% %.2f–%.2f) over ω ∈ [%s, %s]; 1 − D_2/3 = %.2f",
                        mu, Crossings.quantile(muSamples, 0.025), Crossings.quantile(muSamples, 0.975),
                        Figures.fmt(lo), Figures.fmt(hi), 1 - d2 / 3))
                .verticalLine(lo, "fit").verticalLine(hi, "")
                .series("C(ω)", omega, c, null, Plot.Style.LINE_MARKERS)
                .write(out.resolve("correlator-tc"));
        System.out.printf(Locale.ROOT, "D_2 = %.3f (95%% %.3f–%.3f) from L = %s; μ = %.3f (95%% %.3f–%.3f) over ω ∈ [%s, %s] "
                        + "at L = %d; results in %s%n", d2, Crossings.quantile(d2Samples, 0.025),
                Crossings.quantile(d2Samples, 0.975), sizeList, mu, Crossings.quantile(muSamples, 0.025),
                Crossings.quantile(muSamples, 0.975), Figures.fmt(lo), Figures.fmt(hi), correlatorSize, out);
        return 0;
    }

    /** log of the mean I_2 per size, over all realizations or a bootstrap resample of them. */
    private static double[] logMeans(double[][] perRealization, SplittableRandom random) {
        double[] out = new double[perRealization.length];
        for (int s = 0; s < out.length; s++) {
            double[] v = perRealization[s];
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += v[random == null ? i : random.nextInt(v.length)];
            }
            out[s] = Math.log(sum / v.length);
        }
        return out;
    }

    /** Fit of log C̄ against log ω on bins inside [lo, hi], C̄ = K̄/R̄ over all or resampled realizations. */
    private static Fit muFit(double[] omega, double[][] k, double[][] r, double lo, double hi, SplittableRandom random) {
        int n = k.length;
        int[] pick = new int[n];
        for (int i = 0; i < n; i++) {
            pick[i] = random == null ? i : random.nextInt(n);
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int b = 0; b < omega.length; b++) {
            if (omega[b] < lo || omega[b] > hi) {
                continue;
            }
            double km = 0;
            double rm = 0;
            for (int i : pick) {
                km += k[i][b];
                rm += r[i][b];
            }
            if (km > 0 && rm > 0) {
                x.add(Math.log(omega[b]));
                y.add(Math.log(km / rm));
            }
        }
        if (x.size() < 2) {
            throw new CliException("--fit-omega " + lo + ":" + hi + " holds fewer than two ω bins with data");
        }
        return line(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
