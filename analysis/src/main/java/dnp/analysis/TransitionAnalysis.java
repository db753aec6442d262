package dnp.analysis;

import dnp.sweep.records.EigenStage;
import dnp.sweep.records.Provenance;
import dnp.sweep.records.SpectrumLines.GapRatioLine;
import dnp.sweep.records.TransitionEstimate;
import dnp.sweep.SweepTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Anderson transition from level statistics: per size, ⟨r⟩ of every realization on a grid of w/t
 * (one disorder per realization serves every t), the crossings of successive sizes with bootstrap
 * intervals ({@link Crossings}), and the finite-size-scaling estimate of w/t_c from all sizes
 * ({@link FiniteSizeScaling}), which is the headline of estimate.json.
 *
 * @param ratios     the grid of w/t, ascending
 * @param hoppings   t = w/(w/t) for each grid point
 * @param curves     one per size, ascending L
 * @param crossings  of sizes i and i + 1
 * @param bootstrap  resamples behind each interval
 * @param sources    where each size's levels came from, per grid point (as {@link #curves}; empty if not known)
 */
public record TransitionAnalysis(double[] ratios, List<Double> hoppings, List<Crossings.Curve> curves,
                                 List<Crossings.Crossing> crossings, int bootstrap, ScalingResult scaling,
                                 List<Sources> sources) {

    /**
     * Expansion orders (n_R, n_I, m_ψ, m_φ) tried by default, lowest first: without and with the
     * irrelevant correction (Slevin and Ohtsuki's form, {@link FiniteSizeScaling}).
     */
    public static final List<FiniteSizeScaling.Order> DEFAULT_ORDERS = List.of(
            new FiniteSizeScaling.Order(2, 0, 1, 0), new FiniteSizeScaling.Order(3, 0, 1, 0),
            new FiniteSizeScaling.Order(3, 0, 2, 0), new FiniteSizeScaling.Order(2, 1, 1, 0),
            new FiniteSizeScaling.Order(3, 1, 1, 0), new FiniteSizeScaling.Order(3, 1, 2, 0),
            new FiniteSizeScaling.Order(3, 1, 2, 1));

    /** The scaling analysis: every order's fit, the chosen one and its bootstrap (null if none chosen). */
    public record ScalingResult(FiniteSizeScaling scaling, FiniteSizeScaling.Selection selection,
                                FiniteSizeScaling.Bootstrap bootstrap, List<String> skipped) {}

    /** One size's values[realization][grid point] from its sweep records (NaN where missing). */
    public static Crossings.Curve curve(int size, List<Double> hoppings, int realizations,
                                        Map<String, GapRatioLine> records) {
        double[][] values = new double[realizations][hoppings.size()];
        for (int k = 0; k < realizations; k++) {
            for (int i = 0; i < hoppings.size(); i++) {
                GapRatioLine rec = records.get(SweepTask.key(size, hoppings.get(i), k));
                values[k][i] = rec == null ? Double.NaN : rec.gapRatio();
            }
        }
        return new Crossings.Curve(size, values);
    }

    /**
     * Where the levels of one size came from at each grid point: the routines of its lines, the Lanczos
     * windows among them taken from dense eigenvalues, and lines that do not say (written before lines did).
     */
    public record Sources(int size, List<Point> points) {
        public record Point(java.util.SortedSet<EigenStage> eigenvalues, int lines, int fromDense, int unrecorded) {
            /** The routines joined by "+" ("unrecorded" for none), for a table cell. */
            public String label() {
                return eigenvalues.isEmpty() ? "unrecorded" : String.join("+", eigenvalues.stream()
                        .map(EigenStage::label).toList());
            }
        }

        /** Read from one size's sweep lines (realizations 0 … realizations − 1 at each t of the grid). */
        public static Sources of(int size, List<Double> hoppings, int realizations, Map<String, GapRatioLine> records) {
            List<Point> points = new ArrayList<>();
            for (double t : hoppings) {
                java.util.SortedSet<EigenStage> stages = new java.util.TreeSet<>();
                int lines = 0;
                int fromDense = 0;
                int unrecorded = 0;
                for (int k = 0; k < realizations; k++) {
                    GapRatioLine rec = records.get(SweepTask.key(size, t, k));
                    if (rec == null) {
                        continue;
                    }
                    lines++;
                    if (rec.eigenvalues() == null) {
                        unrecorded++;
                    } else {
                        stages.add(rec.eigenvalues());
                    }
                    if (rec.lanczosFallback() != null) {
                        fromDense++;
                    }
                }
                points.add(new Point(stages, lines, fromDense, unrecorded));
            }
            return new Sources(size, points);
        }
    }

    /** Crossings of successive sizes, each with {@code bootstrap} resamples drawn from {@code seed}. */
    public static TransitionAnalysis of(double[] ratios, List<Double> hoppings, List<Crossings.Curve> curves,
                                        int bootstrap, long seed) {
        return of(ratios, hoppings, curves, List.of(), bootstrap, seed, DEFAULT_ORDERS, bootstrap);
    }

    /**
     * Crossings of successive sizes, and the finite-size-scaling fit over the given orders with
     * {@code scalingBootstrap} resamples (0: no scaling fit). Orders the data cannot support (more
     * parameters than points) are skipped and named.
     */
    public static TransitionAnalysis of(double[] ratios, List<Double> hoppings, List<Crossings.Curve> curves,
                                        List<Sources> sources, int bootstrap, long seed,
                                        List<FiniteSizeScaling.Order> orders, int scalingBootstrap) {
        List<Crossings.Crossing> crossings = new ArrayList<>();
        for (int i = 0; i + 1 < curves.size(); i++) {
            crossings.add(Crossings.find(ratios, curves.get(i), curves.get(i + 1), bootstrap, seed));
        }
        ScalingResult scaling = null;
        if (scalingBootstrap > 0 && curves.size() >= 2) {
            FiniteSizeScaling fss = FiniteSizeScaling.of(ratios, curves);
            List<FiniteSizeScaling.Fit> fits = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (FiniteSizeScaling.Order order : orders) {
                try {
                    fits.add(fss.fit(order));
                } catch (IllegalArgumentException | IllegalStateException notEnough) {
                    skipped.add(order + ": " + notEnough.getMessage());
                }
            }
            if (!fits.isEmpty()) {
                FiniteSizeScaling.Selection selection = OrderSelection.select(fits);
                FiniteSizeScaling.Bootstrap boot = selection.stable() == null ? null
                        : fss.bootstrap(selection.stable(), scalingBootstrap, seed);
                scaling = new ScalingResult(fss, selection, boot, skipped);
            }
        }
        return new TransitionAnalysis(ratios, hoppings, curves, crossings, bootstrap, scaling, List.copyOf(sources));
    }

    /**
     * ⟨r⟩ mean and standard error per size and grid point, with the routines that computed the levels and
     * the Lanczos windows taken from dense eigenvalues (both empty where the lines were not given).
     */
    public Table table() {
        Table table = new Table("L", "ratio", "t", "realizations", "r_mean", "r_sem", "eigenvalues",
                "windows_from_dense");
        for (int c = 0; c < curves.size(); c++) {
            Crossings.Curve curve = curves.get(c);
            for (int i = 0; i < ratios.length; i++) {
                Stats s = pointStats(curve, i);
                Sources.Point p = sources.isEmpty() ? null : sources.get(c).points().get(i);
                table.row(curve.size(), ratios[i], hoppings.get(i), s.count(), s.mean(), s.sem(),
                        p == null ? "" : p.label(), p == null ? "" : p.fromDense());
            }
        }
        return table;
    }

    /** Where the levels came from, over every size and grid point. */
    public TransitionEstimate.Levels levels() {
        java.util.SortedSet<EigenStage> stages = new java.util.TreeSet<>();
        int lines = 0;
        int fromDense = 0;
        int unrecorded = 0;
        for (Sources s : sources) {
            for (Sources.Point p : s.points()) {
                stages.addAll(p.eigenvalues());
                lines += p.lines();
                fromDense += p.fromDense();
                unrecorded += p.unrecorded();
            }
        }
        return new TransitionEstimate.Levels(List.copyOf(stages), lines, fromDense, unrecorded);
    }

    /** Statistics over realizations of one size at grid point i. */
    public static Stats pointStats(Crossings.Curve curve, int i) {
        double[] column = new double[curve.values().length];
        for (int k = 0; k < column.length; k++) {
            column[k] = curve.values()[k][i];
        }
        return Stats.of(column);
    }

    public Table crossingTable() {
        Table table = new Table("L_small", "L_large", "crossing", "ci_low", "ci_high", "bootstrap_without_crossing");
        for (Crossings.Crossing c : crossings) {
            table.row(c.smaller(), c.larger(), c.x(), c.low(), c.high(), c.bootstrapMissing());
        }
        return table;
    }

    /** The crossing of the two largest sizes, or null with fewer than two sizes. */
    public Crossings.Crossing best() {
        return crossings.isEmpty() ? null : crossings.getLast();
    }

    /**
     * The estimate of w/t_c as written to estimate.json: the finite-size-scaling fit as the headline, the
     * crossing of the two largest sizes under its own name.
     */
    public TransitionEstimate estimate(Provenance provenance) {
        Crossings.Crossing best = best();
        TransitionEstimate.Crossing crossing = best == null ? null : new TransitionEstimate.Crossing(best.x(),
                new double[]{best.low(), best.high()}, new int[]{best.smaller(), best.larger()}, bootstrap,
                best.bootstrapMissing(), "crossing of the mean gap ratio of the two largest sizes; 95% bootstrap "
                        + "interval over realizations (" + bootstrap + " resamples)");
        TransitionEstimate.Scaling fit = scalingEstimate();
        return new TransitionEstimate(TransitionEstimate.SCHEMA, fit == null ? Double.NaN : fit.wOverTc(),
                fit == null ? null : fit.wOverTcCi95(), headlineMethod(fit), Literature.CRITICAL_RATIO,
                Literature.CRITICAL_RATIO_SOURCE, fit, crossing, levels(), provenance);
    }

    /** Where the headline comes from, or why there is none. */
    private String headlineMethod(TransitionEstimate.Scaling fit) {
        if (fit != null) {
            return "finite-size scaling of all sizes (Slevin and Ohtsuki), order " + fit.order() + "; 95% bootstrap "
                    + "interval over realizations (" + fit.bootstrap() + " resamples, " + fit.bootstrapFailed()
                    + " left out)";
        }
        String why = scaling != null ? scaling.selection().reason()
                : curves.size() < 2 ? "fewer than two sizes" : "the scaling fit was not run or no order could be fitted";
        return "no finite-size-scaling estimate: " + why + "; the crossing of the two largest sizes is under "
                + "\"crossing\"";
    }

    /** The chosen scaling fit with its bootstrap intervals, or null. */
    public TransitionEstimate.Scaling scalingEstimate() {
        if (scaling == null || scaling.bootstrap() == null) {
            return null;
        }
        FiniteSizeScaling.Fit f = scaling.selection().stable();
        FiniteSizeScaling.Bootstrap b = scaling.bootstrap();
        boolean irrelevant = f.order().irrelevant() > 0;
        List<String> tried = new ArrayList<>();
        for (FiniteSizeScaling.Fit g : scaling.selection().fits()) {
            tried.add(String.format(java.util.Locale.ROOT, "%s: w/t_c = %.4f ± %.4f, nu = %.3f ± %.3f, chi2/dof = "
                    + "%.1f/%d, p = %.3g, %s", g.order(), g.xc(), g.xcError(), g.nu(), g.nuError(), g.chi2(), g.dof(),
                    g.pValue(), g.termination().label()));
        }
        tried.addAll(scaling.skipped());
        return new TransitionEstimate.Scaling(f.order().toString(), f.xc(), new double[]{b.xc().low(), b.xc().high()},
                f.nu(), new double[]{b.nu().low(), b.nu().high()}, irrelevant ? f.y() : null,
                irrelevant ? new double[]{b.y().low(), b.y().high()} : null, f.chi2(), f.dof(), f.pValue(),
                f.termination().label(), b.samples(), b.failed(), b.notConverged(), scaling.selection().reason(), tried,
                Literature.CRITICAL_NU, Literature.CRITICAL_NU_SOURCE);
    }
}
