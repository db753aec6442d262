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
                             CriticalScaling.PowerLaw width) {}

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
        List<CriticalScaling.Point> atCritical = points(size, tNearest, atT, omega);
        CriticalScaling.PowerLaw mu = CriticalScaling.selectRange(omega, column(atCritical, true),
                column(atCritical, false), Math.max(floor, fitLow), fitHigh, minPoints);

        List<CriticalScaling.Point> scan = new ArrayList<>();
        List<CriticalScaling.Peak> peaks = new ArrayList<>();
        CriticalScaling.PowerLaw width = null;
        if (scanRealizations > 0) {
            double[] t = hoppings.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[][] c = new double[omega.length][t.length];
            double[][] e = new double[omega.length][t.length];
            for (int i = 0; i < t.length; i++) {
                double ti = t[i];
                List<RealizationRecord> at = records.stream()
                        .filter(r -> r.t() == ti && r.realization() < scanRealizations).toList();
                List<CriticalScaling.Point> p = at.isEmpty() ? List.of() : points(size, ti, at, omega);
                scan.addAll(p);
                for (int u = 0; u < omega.length; u++) {
                    c[u][i] = p.isEmpty() ? Double.NaN : p.get(u).c();
                    e[u][i] = p.isEmpty() ? Double.NaN : p.get(u).cError();
                }
            }
            if (t.length >= 3) {
                for (int u = 0; u < omega.length; u++) {
                    peaks.add(CriticalScaling.peak(omega[u], t, c[u], e[u], PEAK_HALF_WINDOW));
                }
                width = CriticalScaling.widthLaw(peaks, Math.max(floor, fitLow), fitHigh);
            }
        }
        return new SizeResult(size, atT.size(), scanRealizations, tNearest, resolution, spacing, floor,
                Math.max(floor, fitLow), fitHigh, atCritical,
                scan, mu, peaks, width);
    }

    /** The points at one (L, t), one per ω_n, from the records of its realizations. */
    static List<CriticalScaling.Point> points(int size, double t, List<RealizationRecord> records, double[] omega) {
        List<CriticalScaling.Point> out = new ArrayList<>();
        for (double w : omega) {
            double[] k = new double[records.size()];
            double[] ke = new double[records.size()];
            double[] r = new double[records.size()];
            for (int i = 0; i < records.size(); i++) {
                PairRecord p = pairAt(records.get(i), w);
                k[i] = p.k();
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
    public CriticalScalingRecord record(String method, CriticalScalingRecord.Kpm kpm, double binWidth,
                                        Provenance provenance) {
        List<CriticalScalingRecord.Size> out = new ArrayList<>();
        for (SizeResult s : sizes) {
            out.add(new CriticalScalingRecord.Size(s.size(), s.realizations(), s.scanRealizations(), s.tNearest(),
                    s.energyResolution(), s.levelSpacing(), s.floor(), new double[]{s.fitLow(), s.fitHigh()},
                    fit(s.mu(), true), fit(s.width(), false)));
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

    /** μ = −slope (decreasing) or the slope itself, with the interval turned accordingly. */
    static CriticalScalingRecord.Fit fit(CriticalScaling.PowerLaw law, boolean negate) {
        if (law == null) {
            return null;
        }
        var l = law.line();
        double value = negate ? -l.slope() : l.slope();
        double[] interval = negate ? new double[]{-l.slopeHigh(), -l.slopeLow()} : new double[]{l.slopeLow(), l.slopeHigh()};
        return new CriticalScalingRecord.Fit(value, interval, new double[]{law.fitLow(), law.fitHigh()}, law.points(),
                l.chi2(), l.dof(), l.pValue(), law.acceptable(), law.excluded());
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
