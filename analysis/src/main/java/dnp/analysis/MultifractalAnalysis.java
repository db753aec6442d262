package dnp.analysis;

import dnp.sweep.records.MultifractalFits;
import dnp.sweep.records.Provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multifractal exponents at the transition from the central eigenstates of each realization
 * (docs/model.md, "Multifractal exponents"):
 *
 * <ul>
 *   <li>D_2 from I_2 ∝ L^(−D_2) (Eq. 32), for two averages over states and realizations: the mean,
 *       ln⟨I_2⟩, and the typical, ⟨ln I_2⟩. For each: local slopes between successive sizes,
 *       D_2(L_i, L_{i+1}) = −Δ ln I_2 / Δ ln L; a plain line through all sizes; and the line with a
 *       correction to scaling, ln I_2 = c − D_2 ln L + b L^(−y), for each given y (weighted least squares,
 *       with χ² and its p-value).</li>
 *   <li>μ from the energy-resolved overlap function of the window's pairs, C(ω) ∝ ω^(−μ) (Eq. 33), per
 *       size, fitted over ω ∈ [a·Δ_L, b·2t]: Δ_L the mean level spacing of the window, 2t the upper end
 *       of the critical range of Eq. 33. Every (a, b) of a grid is fitted to show the range's effect.</li>
 * </ul>
 *
 * All 95% intervals come from one bootstrap that resamples whole realizations, each size on its own.
 */
public final class MultifractalAnalysis {

    /**
     * One size's per-realization data.
     *
     * @param ipr         mean IPR of the central states, per realization
     * @param logIpr      mean ln IPR of the central states, per realization
     * @param spacing     mean level spacing of the window, per realization
     * @param pairSums    pairSums[realization][bin]: Σ N·O_αβ of the window's pairs in the bin
     * @param pairCounts  pairCounts[realization][bin]: pairs in the bin
     */
    public record SizeData(int size, double[] ipr, double[] logIpr, double[] spacing, double[][] pairSums,
                           long[][] pairCounts) {
        int realizations() {
            return ipr.length;
        }
    }

    /** Bins of the pair separation x = ω/Δ_L: bin k holds x ∈ [x_0·10^(k/B), x_0·10^((k+1)/B)). */
    public record Bins(double lowestEdge, int perDecade, int count) {
        /** Geometric centre of bin k. */
        public double centre(int k) {
            return lowestEdge * Math.pow(10, (k + 0.5) / perDecade);
        }
    }

    /** How I_2 is averaged over states and realizations. */
    public enum Average {
        /** ln of the mean I_2. */
        MEAN,
        /** mean of ln I_2 (the typical I_2). */
        TYPICAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A value with its 95% bootstrap interval. */
    public record Interval(double value, double low, double high) {}

    /** D_2 from the sizes {@code smaller} and {@code larger} alone. */
    public record LocalSlope(int smaller, int larger, Interval d2) {}

    /** The fit ln I_2 = c − D_2 ln L + b L^(−y) for one y. */
    public record CorrectedFit(double y, Interval d2, double amplitude, double chi2, int dof, double pValue) {}

    /** Every D_2 estimate of one average. */
    public record D2(Average average, Interval plain, List<LocalSlope> localSlopes, List<CorrectedFit> corrected) {}

    /** μ of one size over ω ∈ [lowSpacings·Δ_L, highTwoT·2t]. */
    public record MuFit(int size, double lowSpacings, double highTwoT, double omegaLow, double omegaHigh, int bins,
                        Interval mu) {}

    /** The fit settings: hopping t, the default μ range, the range grid, the correction exponents. */
    public record Settings(double hopping, double lowSpacings, double highTwoT, double[] lowGrid, double[] highGrid,
                           double[] correctionExponents, int bootstrap, long seed) {}

    private final List<SizeData> data;
    private final Bins bins;
    private final Settings settings;
    private final double[] meanSpacing;
    private final List<D2> d2;
    private final List<MuFit> mu;
    private final List<MuFit> muRanges;

    private MultifractalAnalysis(List<SizeData> data, Bins bins, Settings settings) {
        this.data = List.copyOf(data);
        this.bins = bins;
        this.settings = settings;
        this.meanSpacing = data.stream().mapToDouble(d -> Stats.of(d.spacing()).mean()).toArray();
        double[] central = estimates(null);
        int count = central.length;
        double[][] samples = new double[count][settings.bootstrap()];
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int b = 0; b < settings.bootstrap(); b++) {
            int[][] picks = new int[data.size()][];
            for (int s = 0; s < data.size(); s++) {
                picks[s] = Crossings.draw(random, data.get(s).realizations());
            }
            double[] e = estimates(picks);
            for (int i = 0; i < count; i++) {
                samples[i][b] = e[i];
            }
        }
        Interval[] intervals = new Interval[count];
        for (int i = 0; i < count; i++) {
            intervals[i] = interval(central[i], samples[i]);
        }
        // Unpack in the order estimates() writes.
        int at = 0;
        List<D2> d2List = new ArrayList<>();
        for (Average average : Average.values()) {
            double[] logI = logAverages(average, null);
            double[] sigma = logSigmas(average);
            Interval plain = intervals[at++];
            List<LocalSlope> slopes = new ArrayList<>();
            for (int s = 0; s + 1 < data.size(); s++) {
                slopes.add(new LocalSlope(data.get(s).size(), data.get(s + 1).size(), intervals[at++]));
            }
            List<CorrectedFit> corrected = new ArrayList<>();
            for (double y : settings.correctionExponents()) {
                double[] fit = correctedFit(logI, sigma, y);
                Interval d = intervals[at++];
                if (fit == null) {
                    corrected.add(new CorrectedFit(y, d, Double.NaN, Double.NaN, 0, Double.NaN));
                } else {
                    int dof = data.size() - 3;
                    corrected.add(new CorrectedFit(y, d, fit[2], fit[3], dof,
                            dof > 0 ? ChiSquare.survival(fit[3], dof) : Double.NaN));
                }
            }
            d2List.add(new D2(average, plain, List.copyOf(slopes), List.copyOf(corrected)));
        }
        List<MuFit> muList = new ArrayList<>();
        List<MuFit> rangeList = new ArrayList<>();
        for (int s = 0; s < data.size(); s++) {
            muList.add(muFit(s, settings.lowSpacings(), settings.highTwoT(), intervals[at++]));
            for (double lo : settings.lowGrid()) {
                for (double hi : settings.highGrid()) {
                    rangeList.add(muFit(s, lo, hi, intervals[at++]));
                }
            }
        }
        this.d2 = List.copyOf(d2List);
        this.mu = List.copyOf(muList);
        this.muRanges = List.copyOf(rangeList);
    }

    /**
     * The analysis of the given sizes (ascending, at least two, each with at least two realizations).
     *
     * @throws IllegalArgumentException if the data cannot support it
     */
    public static MultifractalAnalysis of(List<SizeData> data, Bins bins, Settings settings) {
        if (data.size() < 2) {
            throw new IllegalArgumentException("at least two sizes are needed for D_2");
        }
        for (SizeData d : data) {
            if (d.realizations() < 2) {
                throw new IllegalArgumentException("L = " + d.size() + " has fewer than two realizations");
            }
        }
        return new MultifractalAnalysis(data, bins, settings);
    }

    public List<SizeData> data() {
        return data;
    }

    public Bins bins() {
        return bins;
    }

    public Settings settings() {
        return settings;
    }

    /** Mean level spacing Δ_L of the window per size, over all realizations. */
    public double meanSpacing(int sizeIndex) {
        return meanSpacing[sizeIndex];
    }

    /** D_2 of the mean and of the typical average. */
    public List<D2> d2() {
        return d2;
    }

    public D2 d2(Average average) {
        return d2.get(average.ordinal());
    }

    /** μ per size over the default range. */
    public List<MuFit> mu() {
        return mu;
    }

    /** μ per size and per range of the grid. */
    public List<MuFit> muRanges() {
        return muRanges;
    }

    /** μ of the largest size over the default range: the headline value. */
    public MuFit muLargest() {
        return mu.getLast();
    }

    /** ln⟨I_2⟩ or ⟨ln I_2⟩ per size, over all realizations or a resample. */
    public double[] logAverages(Average average, int[][] picks) {
        double[] out = new double[data.size()];
        for (int s = 0; s < out.length; s++) {
            int[] pick = picks == null ? null : picks[s];
            SizeData d = data.get(s);
            out[s] = average == Average.MEAN ? Math.log(Stats.mean(d.ipr(), pick)) : Stats.mean(d.logIpr(), pick);
        }
        return out;
    }

    /** Standard errors of ln⟨I_2⟩ (sem/mean) or of ⟨ln I_2⟩ per size: the weights of the corrected fit. */
    public double[] logSigmas(Average average) {
        double[] out = new double[data.size()];
        for (int s = 0; s < out.length; s++) {
            SizeData d = data.get(s);
            if (average == Average.MEAN) {
                Stats st = Stats.of(d.ipr());
                out[s] = st.sem() / st.mean();
            } else {
                out[s] = Stats.of(d.logIpr()).sem();
            }
        }
        return out;
    }

    /** C(x) per bin of one size, Σ N·O / Σ pairs over all realizations or a resample (NaN: no pairs). */
    public double[] correlator(int sizeIndex, int[] pick) {
        SizeData d = data.get(sizeIndex);
        double[] out = new double[bins.count()];
        for (int k = 0; k < out.length; k++) {
            double sum = 0;
            long count = 0;
            int n = pick == null ? d.realizations() : pick.length;
            for (int i = 0; i < n; i++) {
                int r = pick == null ? i : pick[i];
                sum += d.pairSums()[r][k];
                count += d.pairCounts()[r][k];
            }
            out[k] = count > 0 ? sum / count : Double.NaN;
        }
        return out;
    }

    /** Pairs per bin of one size over all realizations. */
    public long[] pairCounts(int sizeIndex) {
        SizeData d = data.get(sizeIndex);
        long[] out = new long[bins.count()];
        for (long[] row : d.pairCounts()) {
            for (int k = 0; k < out.length; k++) {
                out[k] += row[k];
            }
        }
        return out;
    }

    /** Bins whose centre lies in ω ∈ [lowSpacings·Δ_L, highTwoT·2t] for one size. */
    public int[] fitBins(int sizeIndex, double lowSpacings, double highTwoT) {
        double xLow = lowSpacings;
        double xHigh = highTwoT * 2 * settings.hopping() / meanSpacing[sizeIndex];
        long[] counts = pairCounts(sizeIndex);
        List<Integer> in = new ArrayList<>();
        for (int k = 0; k < bins.count(); k++) {
            double x = bins.centre(k);
            if (x >= xLow && x <= xHigh && counts[k] > 0) {
                in.add(k);
            }
        }
        return in.stream().mapToInt(Integer::intValue).toArray();
    }

    /** −slope of ln C against ln x over the given bins; NaN with fewer than three usable bins. */
    static double muSlope(double[] c, Bins bins, int[] fitBins) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int k : fitBins) {
            if (c[k] > 0) {
                x.add(Math.log(bins.centre(k)));
                y.add(Math.log(c[k]));
            }
        }
        if (x.size() < 3) {
            return Double.NaN;
        }
        return -LinearFit.of(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray()).slope();
    }

    /**
     * The weighted least-squares fit ln I_2 = c − D_2 ln L + b L^(−y): {c, D_2, b, χ²}, or null with
     * fewer than three sizes or a degenerate design.
     */
    double[] correctedFit(double[] logI, double[] sigma, double y) {
        int n = logI.length;
        if (n < 3) {
            return null;
        }
        for (double sd : sigma) {
            if (!(sd > 0) || !Double.isFinite(sd)) {
                return null;
            }
        }
        double[][] a = new double[n][3];
        for (int s = 0; s < n; s++) {
            double size = data.get(s).size();
            a[s][0] = 1;
            a[s][1] = -Math.log(size);
            a[s][2] = Math.pow(size, -y);
        }
        LeastSquares.Solution fit = LeastSquares.fit(a, logI, sigma);
        if (fit == null) {
            return null;
        }
        double[] c = fit.coefficients();
        double chi2 = fit.chi2();
        return new double[]{c[0], c[1], c[2], chi2};
    }

    /** Every estimate in a fixed order, from all realizations (picks null) or a resample. */
    private double[] estimates(int[][] picks) {
        List<Double> out = new ArrayList<>();
        double[] logL = data.stream().mapToDouble(d -> Math.log(d.size())).toArray();
        for (Average average : Average.values()) {
            double[] logI = logAverages(average, picks);
            out.add(-LinearFit.of(logL, logI).slope());
            for (int s = 0; s + 1 < logI.length; s++) {
                out.add(-(logI[s + 1] - logI[s]) / (logL[s + 1] - logL[s]));
            }
            double[] sigma = logSigmas(average);
            for (double y : settings.correctionExponents()) {
                double[] fit = correctedFit(logI, sigma, y);
                out.add(fit == null ? Double.NaN : fit[1]);
            }
        }
        for (int s = 0; s < data.size(); s++) {
            double[] c = correlator(s, picks == null ? null : picks[s]);
            out.add(muSlope(c, bins, fitBins(s, settings.lowSpacings(), settings.highTwoT())));
            for (double lo : settings.lowGrid()) {
                for (double hi : settings.highGrid()) {
                    out.add(muSlope(c, bins, fitBins(s, lo, hi)));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private MuFit muFit(int s, double lo, double hi, Interval mu) {
        return new MuFit(data.get(s).size(), lo, hi, lo * meanSpacing[s], hi * 2 * settings.hopping(),
                fitBins(s, lo, hi).length, mu);
    }

    /** The central value with the 2.5% and 97.5% quantiles of the finite bootstrap samples. */
    private static Interval interval(double value, double[] samples) {
        double[] finite = Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
        if (!Double.isFinite(value) || finite.length < samples.length / 2 || finite.length == 0) {
            return new Interval(value, Double.NaN, Double.NaN);
        }
        return new Interval(value, Crossings.quantile(finite, 0.025), Crossings.quantile(finite, 0.975));
    }

    /** Per size: realizations, states, ⟨I_2⟩ and ⟨ln I_2⟩ with their errors, Δ_L. */
    public Table iprTable() {
        Table table = new Table("L", "realizations", "ipr_mean", "ipr_sem", "log_ipr_mean", "log_ipr_sem",
                "level_spacing");
        for (int s = 0; s < data.size(); s++) {
            SizeData d = data.get(s);
            Stats ipr = Stats.of(d.ipr());
            Stats log = Stats.of(d.logIpr());
            table.row(d.size(), d.realizations(), ipr.mean(), ipr.sem(), log.mean(), log.sem(), meanSpacing[s]);
        }
        return table;
    }

    /** Every D_2 estimate: plain, local slopes and corrected fits, for both averages. */
    public Table d2Table() {
        Table table = new Table("average", "estimate", "sizes", "y", "D2", "D2_low95", "D2_high95", "chi2", "dof",
                "p_value");
        String all = data.getFirst().size() + "-" + data.getLast().size();
        for (D2 d : d2) {
            table.row(d.average().label(), "plain", all, "", d.plain().value(), d.plain().low(), d.plain().high(), "",
                    "", "");
            for (LocalSlope l : d.localSlopes()) {
                table.row(d.average().label(), "local", l.smaller() + "-" + l.larger(), "", l.d2().value(),
                        l.d2().low(), l.d2().high(), "", "", "");
            }
            for (CorrectedFit c : d.corrected()) {
                table.row(d.average().label(), "corrected", all, c.y(), c.d2().value(), c.d2().low(), c.d2().high(),
                        c.chi2(), c.dof(), c.pValue());
            }
        }
        return table;
    }

    /** C(ω) per size and bin: x = ω/Δ_L, ω, C and the pairs behind it. */
    public Table correlatorTable() {
        Table table = new Table("L", "x_spacings", "omega", "C", "pairs");
        for (int s = 0; s < data.size(); s++) {
            double[] c = correlator(s, null);
            long[] counts = pairCounts(s);
            for (int k = 0; k < bins.count(); k++) {
                if (counts[k] > 0) {
                    table.row(data.get(s).size(), bins.centre(k), bins.centre(k) * meanSpacing[s], c[k], counts[k]);
                }
            }
        }
        return table;
    }

    /** μ per size and fit range. */
    public Table muRangeTable() {
        Table table = new Table("L", "low_spacings", "high_2t", "omega_low", "omega_high", "bins", "mu", "mu_low95",
                "mu_high95");
        for (MuFit m : muRanges) {
            table.row(m.size(), m.lowSpacings(), m.highTwoT(), m.omegaLow(), m.omegaHigh(), m.bins(), m.mu().value(),
                    m.mu().low(), m.mu().high());
        }
        return table;
    }

    /** The fits as written to fits.json. */
    public MultifractalFits fits(double ratio, double window, double muWindow, Provenance provenance) {
        List<MultifractalFits.D2Estimate> d2Out = new ArrayList<>();
        for (D2 d : d2) {
            List<MultifractalFits.LocalSlope> slopes = d.localSlopes().stream()
                    .map(l -> new MultifractalFits.LocalSlope(l.smaller(), l.larger(), l.d2().value(),
                            new double[]{l.d2().low(), l.d2().high()})).toList();
            List<MultifractalFits.CorrectedFit> corrected = d.corrected().stream()
                    .map(c -> new MultifractalFits.CorrectedFit(c.y(), c.d2().value(),
                            new double[]{c.d2().low(), c.d2().high()}, c.chi2(), c.dof(), c.pValue())).toList();
            d2Out.add(new MultifractalFits.D2Estimate(d.average().label(), d.plain().value(),
                    new double[]{d.plain().low(), d.plain().high()}, slopes, corrected));
        }
        List<MultifractalFits.MuEstimate> muOut = mu.stream().map(MultifractalAnalysis::muRecord).toList();
        double d2Mean = d2(Average.MEAN).plain().value();
        return new MultifractalFits(MultifractalFits.SCHEMA, ratio, settings.hopping(),
                data.stream().map(SizeData::size).toList(), window, muWindow, d2Out, muOut, muRecord(muLargest()),
                Literature.muFromD2(d2Mean), new MultifractalFits.Reference(Literature.D2, Literature.D2_SOURCE),
                new MultifractalFits.Reference(Literature.MU_FROM_D2, Literature.MU_SOURCE),
                new MultifractalFits.Reference(Literature.PAPER_D2, Literature.PAPER_D2_SOURCE),
                "D_2: I_2 ∝ L^(−D_2) (Eq. 32) for the mean ln⟨I_2⟩ and typical ⟨ln I_2⟩ averages; local slopes between "
                        + "successive sizes, a line through all sizes, and weighted fits with a correction b·L^(−y). "
                        + "μ: C(ω) ∝ ω^(−μ) (Eq. 33) from the overlaps of the window's pairs, fitted over ω ∈ [a·Δ_L, "
                        + "b·2t]; 95% intervals from " + settings.bootstrap() + " bootstrap resamples of realizations",
                provenance);
    }

    private static MultifractalFits.MuEstimate muRecord(MuFit m) {
        return new MultifractalFits.MuEstimate(m.size(), m.mu().value(), new double[]{m.mu().low(), m.mu().high()},
                m.lowSpacings(), m.highTwoT(), new double[]{m.omegaLow(), m.omegaHigh()}, m.bins());
    }
}
