package dnp.cli;

import dnp.analysis.CriticalAnalysis;
import dnp.analysis.CriticalScaling;
import dnp.analysis.Literature;
import dnp.cli.options.Converters;
import dnp.cli.options.MethodOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.plot.figures.CriticalFigures;
import dnp.plot.figures.PaperFigures;
import dnp.sweep.AtomicFiles;
import dnp.sweep.KpmSpec;
import dnp.sweep.records.Method;
import dnp.sweep.ModelSpec;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.SweepRunner;
import dnp.sweep.SweepSpec;
import dnp.sweep.SweepStore;
import dnp.sweep.UserInputException;
import dnp.sweep.records.CriticalScalingRecord;
import dnp.sweep.records.Documents;
import dnp.sweep.records.RealizationRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "critical", mixinStandardHelpOptions = true,
        description = {"Critical scaling of C(ω_n) at large L (KPM by default): C(ω_n) at the t closest to t_c",
                "against ω_n with the fitted μ of C ∝ ω_n^(−μ) (Eq. 33), and the peak of C(ω_n) against t with its",
                "width δt against ω_n (Eq. 34, δt ∝ ω_n^(1/(dν))). Each size is a resumable sweep folder; the",
                "moments are cached, so other ω_n or fit settings cost no stencil work."})
final class CriticalCommand implements Callable<Integer> {
    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes (default ${DEFAULT-VALUE})")
    Converters.Sizes sizes = Converters.Sizes.of(32, 48, 64);
    @Option(names = "--realizations", paramLabel = "LIST", split = ",",
            description = "realizations at the t closest to t_c: one value, or one per L (default ${DEFAULT-VALUE})")
    List<Integer> realizations = List.of(4, 2, 2);
    @Option(names = "--scan-realizations", paramLabel = "LIST", split = ",",
            description = "realizations at every t of the grid (0: no t scan at that L): one value, or one per L, "
                    + "each at most its --realizations (default ${DEFAULT-VALUE})")
    List<Integer> scanRealizations = List.of(4, 1, 0);
    @Option(names = "--t", paramLabel = "LIST", description = "t grid around t_c, 2π·MHz (default ${DEFAULT-VALUE})")
    Converters.Values hoppings = Converters.Values.of(3.5, 4.5, 5.5, 6.0, 6.5, 7.0, 8.0, 9.0, 11.0);
    @Option(names = "--omega-n", paramLabel = "LIST", split = ",", converter = Converters.OmegaNValue.class,
            description = "ω_n, 2π·MHz, comma-separated, as on every command (default: --omega-n-log "
                    + DEFAULT_OMEGA_N_LOG + ")")
    List<Double> omegaN;
    @Option(names = "--omega-n-log", paramLabel = "LO:HI:N", description = "ω_n, 2π·MHz: N values evenly spaced "
            + "in log from LO to HI, rounded to 4 digits (default " + DEFAULT_OMEGA_N_LOG + " unless --omega-n is given)")
    Converters.LogGrid omegaNLog;
    @Option(names = "--fit-omega", paramLabel = "LO:HI",
            description = "ω_n window of the μ and width fits besides the resolution floor, 2π·MHz (default: "
                    + "up to the t closest to t_c, as Eq. 33–34 hold for ω_n < t)")
    Converters.Span fitOmega;
    @Option(names = "--min-points", paramLabel = "N", description = "fewest ω_n of a μ fit (default ${DEFAULT-VALUE})")
    int minPoints = 4;
    @Option(names = "--bin-width", paramLabel = "F",
            description = "width of the ω bin of K, R, C centred on each ω_n, 2π·MHz (default ${DEFAULT-VALUE})")
    double binWidth = 0.05;
    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE})")
    double width = ModelSpec.DEFAULTS.width();
    @Option(names = "--bc", paramLabel = "BC", description = "boundary conditions: periodic or open (default ${DEFAULT-VALUE})")
    BoundaryCondition boundary = ModelSpec.DEFAULTS.boundary();
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--moment-cache", paramLabel = "DIR", description = "kpm: folder of the moment files (default OUT/moments)")
    Path momentCache;
    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("critical");
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;
    @Mixin
    MethodOptions method = MethodOptions.defaultingTo(Method.KPM);

    @Override
    public Integer call() throws IOException {
        List<Integer> sizeList = sizes.values();
        int[] perSize = perSize("--realizations", realizations, sizeList.size(), 1);
        int[] perSizeScan = perSize("--scan-realizations", scanRealizations, sizeList.size(), 0);
        for (int s = 0; s < perSize.length; s++) {
            if (perSizeScan[s] > perSize[s]) {
                throw new UserInputException("--scan-realizations " + perSizeScan[s] + " exceeds --realizations "
                        + perSize[s] + " at L = " + sizeList.get(s));
            }
        }
        List<Double> grid = hoppings.values().stream().sorted().toList();
        for (double t : grid) {
            if (!(t > 0)) {
                throw new UserInputException("--t: hopping must be positive, got " + t);
            }
        }
        double[] omega = omega();
        if (!(binWidth > 0) || binWidth >= 2 * omega[0]) {
            throw new UserInputException("--bin-width must be positive and below twice the smallest ω_n ("
                    + PaperFigures.fmt(2 * omega[0]) + "), got " + binWidth);
        }
        double[] range = fitOmega == null ? null : new double[]{fitOmega.low(), fitOmega.high()};
        if (minPoints < 3) {
            throw new UserInputException("--min-points must be at least 3, got " + minPoints);
        }
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new UserInputException("--w must be positive, got " + width);
        }
        double tc = width / Literature.CRITICAL_RATIO;
        double tNearest = CriticalScaling.closest(grid.stream().mapToDouble(Double::doubleValue).toArray(), tc);
        if (range == null) {
            // Eq. 33 holds for ω_n ≪ 2t, and the paper states Eq. 34 for ω_n < t.
            range = new double[]{0, tNearest};
        }
        List<Double> omegaList = Arrays.stream(omega).boxed().toList();
        ModelSpec model = method.applyTo(ModelSpec.DEFAULTS.withWidth(width)
                .withBoundary(boundary)
                .withFrequencies(omegaList, ModelSpec.DEFAULTS.omegaMW())
                .withAnalysis(ModelSpec.DEFAULTS.analysis().withCorrelatorBinWidth(binWidth)
                        .withCorrelatorMaxOmega(2 * omega[omega.length - 1])));
        if (model.method() == Method.DENSE) {
            // Dense C(ω_n) has no site errors: its error bars come from the spread over realizations.
            for (int r : perSize) {
                if (r < 2) {
                    throw new UserInputException("--method dense needs at least 2 --realizations per L for error bars");
                }
            }
        }
        Path cache = momentCache != null ? momentCache : out.resolve("moments");

        List<CriticalAnalysis.SizeResult> results = new ArrayList<>();
        for (int s = 0; s < sizeList.size(); s++) {
            int size = sizeList.get(s);
            List<RealizationRecord> records = new ArrayList<>();
            if (perSizeScan[s] > 0) {
                // Every t of the grid for the first scan realizations …
                SweepSpec scan = new SweepSpec(List.of(size), grid, perSizeScan[s], 0, seed, model);
                records.addAll(run(scan, out.resolve("L" + size), cache));
            }
            if (perSize[s] > perSizeScan[s]) {
                // … and the t nearest t_c for the rest.
                SweepSpec atTc = new SweepSpec(List.of(size), List.of(tNearest), perSize[s] - perSizeScan[s],
                        perSizeScan[s], seed, model);
                records.addAll(run(atTc, out.resolve("L" + size + "-tc"), cache));
            }
            results.add(CriticalAnalysis.size(size, records, omega, grid, tNearest, perSizeScan[s], binWidth,
                    range[0], range[1], minPoints));
        }
        CriticalAnalysis analysis = new CriticalAnalysis(width, tc, grid, omega, minPoints, results);
        Files.createDirectories(out);
        analysis.criticalTable().write(out.resolve("critical.csv"));
        analysis.localSlopeTable().write(out.resolve("local-slopes.csv"));
        analysis.scanTable().write(out.resolve("scan.csv"));
        analysis.peakTable().write(out.resolve("peaks.csv"));
        KpmSpec k = model.kpm();
        boolean sites = k.estimator() == dnp.kpm.Estimator.SITES;
        var kpm = model.method() == Method.KPM ? new CriticalScalingRecord.Kpm(k.moments(), k.estimator(),
                sites ? k.sites() : null, sites ? null : k.vectors(), k.kernel()) : null;
        AtomicFiles.write(out.resolve("critical.json"), Documents.pretty(analysis.record(model.method(), kpm,
                binWidth, ProvenanceCollector.collect())));
        CriticalFigures.correlatorAtCriticality(analysis).write(out.resolve("critical-tc"));
        for (CriticalAnalysis.SizeResult r : results) {
            if (!r.scan().isEmpty()) {
                CriticalFigures.correlatorAgainstT(analysis, r).write(out.resolve("critical-t-L" + r.size()));
            }
        }
        if (results.stream().anyMatch(r -> !r.peaks().isEmpty())) {
            CriticalFigures.peakWidth(analysis).write(out.resolve("peak-width"));
        }
        for (CriticalAnalysis.SizeResult r : results) {
            System.out.println(summary(r));
        }
        System.out.printf(Locale.ROOT, "literature: μ = 1 − D_2/3 = %.3f–%.3f (paper %.2f); 1/(dν) = %.3f; results in %s%n",
                Literature.muFromD2(Literature.CRITICAL_D2_HIGH), Literature.muFromD2(Literature.CRITICAL_D2_LOW),
                Literature.PAPER_MU, Literature.widthExponent(), out);
        return 0;
    }

    private List<RealizationRecord> run(SweepSpec spec, Path dir, Path cache) throws IOException {
        SweepRunner.run(spec, dir, 1, 1, null, null, quiet, cache);
        return new ArrayList<>(SweepStore.readRecords(dir, RealizationRecord.class).values());
    }

    static String summary(CriticalAnalysis.SizeResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "L = %d (t = %s, %d realizations; resolved "
                + "ω_n ≥ %.3g): ", r.size(), PaperFigures.fmt(r.tNearest()), r.realizations(), r.floor()));
        if (r.mu() == null) {
            sb.append("too few resolved ω_n for μ");
        } else {
            var l = r.mu().line();
            sb.append(String.format(Locale.ROOT, "μ = %.3f (95%% %.3f–%.3f) over ω_n ∈ [%s, %s], %d points, "
                            + "χ²/dof = %.1f/%d%s", -l.slope(), -l.slopeHigh(), -l.slopeLow(),
                    PaperFigures.fmt(r.mu().fitLow()), PaperFigures.fmt(r.mu().fitHigh()), r.mu().points(), l.chi2(),
                    l.dof(), r.mu().acceptable() ? "" : " (no range passes the χ² test)"));
            sb.append(leftOut(r.mu()));
        }
        if (r.width() != null) {
            var l = r.width().line();
            sb.append(String.format(Locale.ROOT, "; peak width exponent %.3f (95%% %.3f–%.3f) from %d peaks",
                    l.slope(), l.slopeLow(), l.slopeHigh(), r.width().points()));
            sb.append(leftOut(r.width()));
        } else if (r.scanRealizations() > 0) {
            sb.append("; too few bracketed peaks for the width exponent");
        }
        return sb.toString();
    }

    /** ", k left out" where points of the fit window could not enter the fit (see critical.json's "excluded"). */
    private static String leftOut(dnp.analysis.CriticalScaling.PowerLaw law) {
        return law.excluded() == 0 ? "" : String.format(Locale.ROOT, " (%d of the window left out: C, width or error "
                + "not positive, or a peak not bracketed)", law.excluded());
    }

    /** One value for every size, or one per size, each from {@code min} to 100 000. */
    static int[] perSize(String option, List<Integer> values, int sizes, int min) {
        if (values.size() != 1 && values.size() != sizes) {
            throw new UserInputException(option + " needs one value or one per L (" + sizes + "), got " + values.size());
        }
        int[] out = new int[sizes];
        for (int s = 0; s < sizes; s++) {
            int v = values.get(values.size() == 1 ? 0 : s);
            if (v < min || v > 100_000) {
                throw new UserInputException(option + ": " + v + " is not a whole number from " + min + " to 100000");
            }
            out[s] = v;
        }
        return out;
    }

    /** The log grid of ω_n unless --omega-n lists them. */
    static final String DEFAULT_OMEGA_N_LOG = "0.1:10:13";

    /** ω_n ascending: the --omega-n list or the --omega-n-log grid (one of them), each positive and distinct. */
    double[] omega() {
        if (omegaN != null && omegaNLog != null) {
            throw new UserInputException("--omega-n and --omega-n-log both give ω_n: use one of them");
        }
        double[] values;
        if (omegaN != null) {
            values = omegaN.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        } else {
            Converters.LogGrid grid = omegaNLog != null ? omegaNLog : Converters.logGrid(DEFAULT_OMEGA_N_LOG);
            values = CriticalScaling.logGrid(grid.low(), grid.high(), grid.points());
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || (i > 0 && values[i] == values[i - 1])) {
                throw new UserInputException("--omega-n: values must be positive and distinct, got "
                        + Arrays.toString(values));
            }
        }
        return values;
    }
}
