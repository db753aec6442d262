package dnp.analysis;

import dnp.sweep.records.CriticalScalingRecord;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.Provenance;
import dnp.sweep.records.RealizationRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The critical-scaling check of {@code dnp critical} from its realization records: per lattice size,
 * C(ω_n) at the grid's t closest to t_c with the μ fit of Eq. 33, and (where the t grid was scanned)
 * the peak of C(ω_n) against t at each ω_n with the width law of Eq. 34. Every formula and choice is
 * in {@link CriticalScaling}.
 *
 * @param omega     ω_n grid, ascending
 * @param minPoints fewest ω_n of a μ fit
 */
public record CriticalAnalysis(double w, double tc, List<Double> hoppings, double[] omega, int minPoints,
                               List<SizeResult> sizes) {

    /**
     * One lattice size.
     *
     * @param fitLow           lowest ω_n either fit may use: the floor or the requested bound, the larger
     * @param fitHigh          highest ω_n either fit may use
     * @param atCritical       C(ω_n) at tNearest over all its realizations
     * @param scan             C(ω_n) at every t over the scan realizations (empty without a scan)
     * @param mu               the power law C ∝ ω_n^slope at tNearest (μ = −slope), or null
     * @param peaks            the peak at each ω_n (empty without a scan)
     * @param width            δt ∝ ω_n^slope through the bracketed peaks in the fit range, or null
     */
    public record SizeResult(int size, int realizations, int scanRealizations, double tNearest,
                             double energyResolution, double levelSpacing, double floor, double fitLow, double fitHigh,
                             List<CriticalScaling.Point> atCritical, List<CriticalScaling.Point> scan,
                             CriticalScaling.PowerLaw mu, List<CriticalScaling.Peak> peaks,
                             CriticalScaling.PowerLaw width, Correlated muCorrelated, Correlated widthCorrelated) {}

    /**
     * The standard error of a fitted slope from replicates of the data that keep every correlation
     * between the points of the fit — between ω_n (one realization's K at every ω_n comes from the same
     * vectors and the same disorder) and between t (the same disorder and the same vectors at every t):
     * with three or more realizations the delete-one-realization jackknife of the whole fit, which also
     * holds the disorder; otherwise, where the records carry the vector estimator's per-group noise
     * ({@code KErrorTerms}), the linearized spread Σ_(r,g) [(s(K + δK_rg) − s(K − δK_rg))/2]² with each
     * group's noise added at every ω_n and t at once, which holds the noise of the vectors (the disorder
     * of a single realization is then the object, not a source of error). The fit's range and weights
     * stay those of the fit itself.
     *
     * @param error the standard error of the slope
     * @param dof   its degrees of freedom (realizations − 1, or the (realization, group) terms)
     * @param by    {@code realizations} or {@code vector-groups}
     */
    public record Correlated(double error, int dof, String by) {
        /** The 95% interval around {@code value}, Student's t with {@link #dof} degrees of freedom. */
        public double[] interval(double value) {
            double half = StudentT.quantile(0.975, dof) * error;
            return new double[]{value - half, value + half};
        }
    }

    /** A slope recomputed from records with K read by {@code k}; NaN where the fit cannot be made. */
    interface Refit {
        double slope(List<RealizationRecord> records, java.util.function.ToDoubleBiFunction<RealizationRecord, PairRecord> k);
    }

    /** Replicates of {@code records} for {@link Correlated} (null when there is nothing to replicate). */
    static Correlated correlated(List<RealizationRecord> records, Refit refit) {
        java.util.function.ToDoubleBiFunction<RealizationRecord, PairRecord> plain = (r, p) -> p.k();
        double base = refit.slope(records, plain);
        if (!Double.isFinite(base)) {
            return null;
        }
        List<Long> realizations = records.stream().map(RealizationRecord::realization).distinct().sorted().toList();
        int n = realizations.size();
        if (n >= 3) {
            double[] slopes = new double[n];
            for (int i = 0; i < n; i++) {
                long drop = realizations.get(i);
                slopes[i] = refit.slope(records.stream().filter(r -> r.realization() != drop).toList(), plain);
                if (!Double.isFinite(slopes[i])) {
                    return null;
                }
            }
            double mean = Arrays.stream(slopes).average().orElseThrow();
            double ss = Arrays.stream(slopes).map(x -> (x - mean) * (x - mean)).sum();
            return new Correlated(Math.sqrt((n - 1.0) / n * ss), n - 1, "realizations");
        }
        boolean terms = records.stream().allMatch(r -> r.pairs().stream().allMatch(p -> p.kErrorTerms() != null));
        if (!terms) {
            return null;
        }
        int groups = records.getFirst().pairs().getFirst().kErrorTerms().length;
        double var = 0;
        int count = 0;
        for (long realization : realizations) {
            for (int g = 0; g < groups; g++) {
                int group = g;
                double plus = refit.slope(records, (r, p) -> p.k()
                        + (r.realization() == realization ? p.kErrorTerms()[group] : 0));
                double minus = refit.slope(records, (r, p) -> p.k()
                        - (r.realization() == realization ? p.kErrorTerms()[group] : 0));
                if (!Double.isFinite(plus) || !Double.isFinite(minus)) {
                    return null;
                }
                var += Math.pow((plus - minus) / 2, 2);
                count++;
            }
        }
        return new Correlated(Math.sqrt(var), count, "vector-groups");
    }

    /** Grid points on each side of the largest C used for the parabola of a peak. */
    public static final int PEAK_HALF_WINDOW = 2;

    /**
     * The analysis of one size from its records (any mix of t and realizations): the μ fit at
     * {@code tNearest} from all realizations there, the peaks from realizations below
     * {@code scanRealizations} at every t of {@code hoppings}. {@code fitLow}/{@code fitHigh} bound the
     * ω_n of both fits besides the floor.
     */
    public static SizeResult size(int size, List<RealizationRecord> records, double[] omega, List<Double> hoppings,
                                  double tNearest, int scanRealizations, double binWidth, double fitLow,
                                  double fitHigh, int minPoints) {
        List<RealizationRecord> atT = records.stream().filter(r -> r.t() == tNearest).toList();
        if (atT.isEmpty()) {
            throw new IllegalArgumentException("no realization of L = " + size + " at t = " + tNearest);
        }
        double resolution = atT.stream().mapToDouble(r -> r.kpm() != null ? r.kpm().energyResolution() : binWidth)
                .average().orElseThrow();
        // Mean level spacing: the bandwidth 2a over N levels.
        double spacing = atT.stream().mapToDouble(r -> 2 * r.dos().halfWidth() / r.sites()).average().orElseThrow();
        double floor = CriticalScaling.resolvedFloor(resolution, spacing);
        List<CriticalScaling.Point> atCritical = points(size, tNearest, atT, omega, (r, p) -> p.k());
        CriticalScaling.PowerLaw mu = CriticalScaling.selectRange(omega, column(atCritical, true),
                column(atCritical, false), Math.max(floor, fitLow), fitHigh, minPoints);
        Correlated muCorrelated = mu == null ? null : correlated(atT, (recs, k) -> {
            List<CriticalScaling.Point> p = points(size, tNearest, recs, omega, k);
            CriticalScaling.PowerLaw law = CriticalScaling.powerLaw(omega, column(p, true), column(p, false),
                    mu.fitLow(), mu.fitHigh());
            return law == null ? Double.NaN : law.slope();
        });

        List<CriticalScaling.Point> scan = new ArrayList<>();
        List<CriticalScaling.Peak> peaks = new ArrayList<>();
        CriticalScaling.PowerLaw width = null;
        Correlated widthCorrelated = null;
        double low = Math.max(floor, fitLow);
        if (scanRealizations > 0) {
            double[] t = hoppings.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            List<RealizationRecord> scanned = records.stream().filter(r -> r.realization() < scanRealizations).toList();
            peaks = scanPeaks(size, scanned, omega, t, (r, p) -> p.k(), scan);
            if (t.length >= 3) {
                width = CriticalScaling.widthLaw(peaks, low, fitHigh);
                if (width != null) {
                    widthCorrelated = correlated(scanned, (recs, k) -> {
                        CriticalScaling.PowerLaw law = CriticalScaling.widthLaw(
                                scanPeaks(size, recs, omega, t, k, new ArrayList<>()), low, fitHigh);
                        return law == null ? Double.NaN : law.slope();
                    });
                }
            } else {
                peaks = new ArrayList<>();
            }
        }
        return new SizeResult(size, atT.size(), scanRealizations, tNearest, resolution, spacing, floor,
                low, fitHigh, atCritical, scan, mu, peaks, width, muCorrelated, widthCorrelated);
    }

    /**
     * The peak at each ω_n of C against the grid t, from the scan realizations' records (K read by
     * {@code k}); the points are added to {@code scan}. No peaks with fewer than three t.
     */
    static List<CriticalScaling.Peak> scanPeaks(int size, List<RealizationRecord> records, double[] omega, double[] t,
                                                java.util.function.ToDoubleBiFunction<RealizationRecord, PairRecord> k,
                                                List<CriticalScaling.Point> scan) {
        double[][] c = new double[omega.length][t.length];
        double[][] e = new double[omega.length][t.length];
        for (int i = 0; i < t.length; i++) {
            double ti = t[i];
            List<RealizationRecord> at = records.stream().filter(r -> r.t() == ti).toList();
            List<CriticalScaling.Point> p = at.isEmpty() ? List.of() : points(size, ti, at, omega, k);
            scan.addAll(p);
            for (int u = 0; u < omega.length; u++) {
                c[u][i] = p.isEmpty() ? Double.NaN : p.get(u).c();
                e[u][i] = p.isEmpty() ? Double.NaN : p.get(u).cError();
            }
        }
        List<CriticalScaling.Peak> peaks = new ArrayList<>();
        if (t.length >= 3) {
            for (int u = 0; u < omega.length; u++) {
                peaks.add(CriticalScaling.peak(omega[u], t, c[u], e[u], PEAK_HALF_WINDOW));
            }
        }
        return peaks;
    }

    /** The points at one (L, t), one per ω_n, from the records of its realizations, K read by {@code kOf}. */
    static List<CriticalScaling.Point> points(int size, double t, List<RealizationRecord> records, double[] omega,
                                              java.util.function.ToDoubleBiFunction<RealizationRecord, PairRecord> kOf) {
        List<CriticalScaling.Point> out = new ArrayList<>();
        for (double w : omega) {
            double[] k = new double[records.size()];
            double[] ke = new double[records.size()];
            double[] r = new double[records.size()];
            for (int i = 0; i < records.size(); i++) {
                PairRecord p = pairAt(records.get(i), w);
                k[i] = kOf.applyAsDouble(records.get(i), p);
                ke[i] = p.kError() == null ? Double.NaN : p.kError();
                r[i] = p.r();
            }
            out.add(CriticalScaling.aggregate(size, t, w, k, ke, r));
        }
        return out;
    }

    private static PairRecord pairAt(RealizationRecord record, double omega) {
        for (PairRecord p : record.pairs()) {
            if (Math.abs(p.omegaN() - omega) <= 1e-12 * omega) {
                return p;
            }
        }
        throw new IllegalArgumentException("realization " + record.key() + " has no ω_n = " + omega);
    }

    static double[] column(List<CriticalScaling.Point> points, boolean value) {
        return points.stream().mapToDouble(p -> value ? p.c() : p.cError()).toArray();
    }

    /** The size with the given L, or null. */
    public SizeResult size(int size) {
        return sizes.stream().filter(s -> s.size() == size).findFirst().orElse(null);
    }

    /** C at tNearest, one row per (L, ω_n); {@code resolved}: ω_n ≥ floor; {@code in_fit}: inside the μ fit's range. */
    public Table criticalTable() {
        Table table = new Table("L", "t", "w_over_t", "omega_n", "realizations", "K_mean", "K_err", "R_mean", "C",
                "C_err", "resolved", "in_fit");
        for (SizeResult s : sizes) {
            for (CriticalScaling.Point p : s.atCritical()) {
                boolean inFit = s.mu() != null && p.omega() >= s.mu().fitLow() && p.omega() <= s.mu().fitHigh();
                table.row(s.size(), p.t(), w / p.t(), p.omega(), p.realizations(), p.k(), p.kError(), p.r(), p.c(),
                        p.cError(), p.omega() >= s.floor(), inFit);
            }
        }
        return table;
    }

    /** −d log C/d log ω_n between neighbouring ω_n at tNearest: flat where C is a power law. */
    public Table localSlopeTable() {
        Table table = new Table("L", "omega_low", "omega_high", "omega_mid", "local_mu", "local_mu_err");
        for (SizeResult s : sizes) {
            List<CriticalScaling.Point> p = s.atCritical();
            for (int i = 0; i + 1 < p.size(); i++) {
                double dx = Math.log(p.get(i + 1).omega() / p.get(i).omega());
                double slope = -Math.log(p.get(i + 1).c() / p.get(i).c()) / dx;
                double ea = p.get(i).cError() / p.get(i).c();
                double eb = p.get(i + 1).cError() / p.get(i + 1).c();
                table.row(s.size(), p.get(i).omega(), p.get(i + 1).omega(),
                        Math.sqrt(p.get(i).omega() * p.get(i + 1).omega()), slope, Math.sqrt(ea * ea + eb * eb) / dx);
            }
        }
        return table;
    }

    /** C at every t of the scans, one row per (L, t, ω_n). */
    public Table scanTable() {
        Table table = new Table("L", "t", "w_over_t", "omega_n", "realizations", "K_mean", "K_err", "R_mean", "C",
                "C_err");
        for (SizeResult s : sizes) {
            for (CriticalScaling.Point p : s.scan()) {
                table.row(s.size(), p.t(), w / p.t(), p.omega(), p.realizations(), p.k(), p.kError(), p.r(), p.c(),
                        p.cError());
            }
        }
        return table;
    }

    /** The peaks of the scans, one row per (L, ω_n). */
    public Table peakTable() {
        Table table = new Table("L", "omega_n", "t_peak", "t_peak_err", "width", "width_err", "C_max", "bracketed",
                "resolved", "parabola_points");
        for (SizeResult s : sizes) {
            for (CriticalScaling.Peak p : s.peaks()) {
                table.row(s.size(), p.omega(), p.tPeak(), p.tPeakError(), p.width(), p.widthError(), p.height(),
                        p.bracketed(), p.omega() >= s.floor(), p.points());
            }
        }
        return table;
    }

    /** The fits and settings as written to critical.json. */
    public CriticalScalingRecord record(dnp.sweep.records.Method method, CriticalScalingRecord.Kpm kpm, double binWidth,
                                        Provenance provenance) {
        List<CriticalScalingRecord.Size> out = new ArrayList<>();
        for (SizeResult s : sizes) {
            out.add(new CriticalScalingRecord.Size(s.size(), s.realizations(), s.scanRealizations(), s.tNearest(),
                    s.energyResolution(), s.levelSpacing(), s.floor(), new double[]{s.fitLow(), s.fitHigh()},
                    fit(s.mu(), true, s.muCorrelated()), fit(s.width(), false, s.widthCorrelated())));
        }
        var literature = new CriticalScalingRecord.LiteratureValues(
                new double[]{Literature.CRITICAL_D2_LOW, Literature.CRITICAL_D2_HIGH},
                new double[]{Literature.muFromD2(Literature.CRITICAL_D2_HIGH), Literature.muFromD2(Literature.CRITICAL_D2_LOW)},
                Literature.PAPER_MU, Literature.CRITICAL_NU, Literature.widthExponent(), Literature.CRITICAL_D2_SOURCE);
        String fits = String.format(Locale.ROOT, "C = K̄/R̄ over realizations; σ_K̄ from the site sample "
                + "(√Σσ²/n; with ≥ 3 realizations the larger of that and their standard error); weighted least squares "
                + "in log–log, 95%% intervals with Student's t where χ²/dof > 1; resolved: ω_n ≥ max(%s·π·a/M, %s·2a/N); "
                + "μ over the longest run of ≥ %d resolved ω_n with p ≥ %s; peak width from a parabola in log C "
                + "through the largest C and %d neighbours each side", number(CriticalScaling.RESOLUTION_FACTOR),
                number(CriticalScaling.SPACING_FACTOR), minPoints, number(CriticalScaling.MIN_P),
                PEAK_HALF_WINDOW);
        return new CriticalScalingRecord(CriticalScalingRecord.SCHEMA, w, tc, Literature.CRITICAL_RATIO, hoppings,
                Arrays.stream(omega).boxed().toList(), method, kpm, binWidth, out, literature, fits, provenance);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * μ = −slope (decreasing) or the slope itself, with the interval turned accordingly; with the
     * interval from correlated replicates where there is one.
     */
    static CriticalScalingRecord.Fit fit(CriticalScaling.PowerLaw law, boolean negate, Correlated correlated) {
        if (law == null) {
            return null;
        }
        var l = law.line();
        double value = negate ? -l.slope() : l.slope();
        double[] interval = negate ? new double[]{-l.slopeHigh(), -l.slopeLow()} : new double[]{l.slopeLow(), l.slopeHigh()};
        CriticalScalingRecord.Correlated c = correlated == null ? null : new CriticalScalingRecord.Correlated(
                correlated.error(), correlated.interval(value), correlated.dof(), correlated.by());
        return new CriticalScalingRecord.Fit(value, interval, new double[]{law.fitLow(), law.fitHigh()}, law.points(),
                l.chi2(), l.dof(), l.pValue(), law.acceptable(), law.excluded(), c);
    }

    /** Records grouped by lattice size. */
    public static TreeMap<Integer, List<RealizationRecord>> bySize(List<RealizationRecord> records) {
        TreeMap<Integer, List<RealizationRecord>> out = new TreeMap<>();
        for (RealizationRecord r : records) {
            out.computeIfAbsent(r.size(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
