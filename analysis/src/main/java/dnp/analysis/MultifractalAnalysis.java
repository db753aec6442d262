package dnp.analysis;

import dnp.sweep.records.MultifractalFits;
import dnp.sweep.records.Provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

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

    /**
     * A value with its 95% bootstrap interval.
     *
     * @param failed resamples whose estimate is not finite (no fit, too few bins): left out of the interval,
     *               which is NaN when they are half of the resamples or more
     */
    public record Interval(double value, double low, double high, int failed) {}

    /** D_2 from the sizes {@code smaller} and {@code larger} alone. */
    public record LocalSlope(int smaller, int larger, Interval d2) {}

    /**
     * The fit ln I_2 = c − D_2 ln L + b L^(−y) for one y.
     *
     * @param refused why there is no fit (then D_2, b, χ² are NaN), or null
     */
    public record CorrectedFit(double y, Interval d2, double amplitude, double chi2, int dof, double pValue,
                               String refused) {}

    /**
     * The weighted fit ln I_2 = c − D_2 ln L + b L^(−y) of one data set, or {@code refused} saying why there
     * is none (its numbers then NaN).
     */
    record Corrected(double c, double d2, double amplitude, double chi2, String refused) {
        static Corrected refusal(String why) {
            return new Corrected(Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
        }
    }

    /** The D_2 estimates of one average from one data set: the line through all sizes, the local slopes, the corrected fits (one per y). */
    private record D2Values(double plain, double[] local, Corrected[] corrected) {}

    /** μ of one size from one data set: over the default range, and over ranges[lo][hi] of the grid. */
    private record MuValues(double standard, double[][] ranges) {}

    /** Every estimate of one data set: all realizations, or one bootstrap resample. */
    private record Estimates(Map<Average, D2Values> d2, List<MuValues> mu) {}

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
        Estimates central = estimates(null);
        List<Estimates> samples = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int b = 0; b < settings.bootstrap(); b++) {
            int[][] picks = new int[data.size()][];
            for (int s = 0; s < data.size(); s++) {
                picks[s] = Crossings.draw(random, data.get(s).realizations());
            }
            samples.add(estimates(picks));
        }
        List<D2> d2List = new ArrayList<>();
        int dof = data.size() - 3;
        for (Average average : Average.values()) {
            D2Values c = central.d2().get(average);
            Interval plain = interval(c.plain(), samples, e -> e.d2().get(average).plain());
            List<LocalSlope> slopes = new ArrayList<>();
            for (int s = 0; s + 1 < data.size(); s++) {
                int at = s;
                slopes.add(new LocalSlope(data.get(s).size(), data.get(s + 1).size(),
                        interval(c.local()[at], samples, e -> e.d2().get(average).local()[at])));
            }
            List<CorrectedFit> corrected = new ArrayList<>();
            double[] exponents = settings.correctionExponents();
            for (int j = 0; j < exponents.length; j++) {
                int at = j;
                Corrected fit = c.corrected()[j];
                Interval d = interval(fit.d2(), samples, e -> e.d2().get(average).corrected()[at].d2());
                corrected.add(fit.refused() != null
                        ? new CorrectedFit(exponents[j], d, Double.NaN, Double.NaN, 0, Double.NaN, fit.refused())
                        : new CorrectedFit(exponents[j], d, fit.amplitude(), fit.chi2(), dof,
                        dof > 0 ? ChiSquare.survival(fit.chi2(), dof) : Double.NaN, null));
            }
            d2List.add(new D2(average, plain, List.copyOf(slopes), List.copyOf(corrected)));
        }
        List<MuFit> muList = new ArrayList<>();
        List<MuFit> rangeList = new ArrayList<>();
        for (int s = 0; s < data.size(); s++) {
            int size = s;
            MuValues m = central.mu().get(s);
            muList.add(muFit(s, settings.lowSpacings(), settings.highTwoT(),
                    interval(m.standard(), samples, e -> e.mu().get(size).standard())));
            for (int lo = 0; lo < settings.lowGrid().length; lo++) {
                for (int hi = 0; hi < settings.highGrid().length; hi++) {
                    int l = lo;
                    int h = hi;
                    rangeList.add(muFit(s, settings.lowGrid()[lo], settings.highGrid()[hi],
                            interval(m.ranges()[lo][hi], samples, e -> e.mu().get(size).ranges()[l][h])));
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
     * The weighted least-squares fit ln I_2 = c − D_2 ln L + b L^(−y) ({@link LeastSquares}) with the
     * standard errors σ of ln I_2 per size; refused with fewer than three sizes, with a σ that is not
     * positive and finite (no weight is made up for it), or with a degenerate design.
     */
    Corrected correctedFit(double[] logI, double[] sigma, double y) {
        int n = logI.length;
        if (n < 3) {
            return Corrected.refusal("a corrected fit needs at least three sizes, got " + n);
        }
        for (int s = 0; s < n; s++) {
            if (!(sigma[s] > 0) || !Double.isFinite(sigma[s])) {
                return Corrected.refusal("L = " + data.get(s).size() + ": the standard error of ln I_2 is " + sigma[s]
                        + ", not positive and finite, so the size has no weight");
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
            return Corrected.refusal("the design (1, ln L, L^(−y)) is degenerate for y = " + y);
        }
        return new Corrected(fit.coefficient(0), fit.coefficient(1), fit.coefficient(2), fit.chi2(), null);
    }

    /** Every estimate from all realizations (picks null) or a resample. */
    private Estimates estimates(int[][] picks) {
        Map<Average, D2Values> d2Values = new EnumMap<>(Average.class);
        double[] logL = data.stream().mapToDouble(d -> Math.log(d.size())).toArray();
        for (Average average : Average.values()) {
            double[] logI = logAverages(average, picks);
            double[] local = new double[logI.length - 1];
            for (int s = 0; s + 1 < logI.length; s++) {
                local[s] = -(logI[s + 1] - logI[s]) / (logL[s + 1] - logL[s]);
            }
            double[] sigma = logSigmas(average);
            Corrected[] corrected = Arrays.stream(settings.correctionExponents())
                    .mapToObj(y -> correctedFit(logI, sigma, y)).toArray(Corrected[]::new);
            d2Values.put(average, new D2Values(-LinearFit.of(logL, logI).slope(), local, corrected));
        }
        List<MuValues> muValues = new ArrayList<>();
        for (int s = 0; s < data.size(); s++) {
            double[] c = correlator(s, picks == null ? null : picks[s]);
            double[][] ranges = new double[settings.lowGrid().length][settings.highGrid().length];
            for (int lo = 0; lo < ranges.length; lo++) {
                for (int hi = 0; hi < ranges[lo].length; hi++) {
                    ranges[lo][hi] = muSlope(c, bins, fitBins(s, settings.lowGrid()[lo], settings.highGrid()[hi]));
                }
            }
            muValues.add(new MuValues(muSlope(c, bins, fitBins(s, settings.lowSpacings(), settings.highTwoT())),
                    ranges));
        }
        return new Estimates(d2Values, muValues);
    }

    private MuFit muFit(int s, double lo, double hi, Interval mu) {
        return new MuFit(data.get(s).size(), lo, hi, lo * meanSpacing[s], hi * 2 * settings.hopping(),
                fitBins(s, lo, hi).length, mu);
    }

    /**
     * The central value with the 2.5% and 97.5% quantiles of the finite bootstrap estimates {@code pick}
     * of the resamples; the non-finite ones are counted as failed.
     */
    private static Interval interval(double value, List<Estimates> samples, ToDoubleFunction<Estimates> pick) {
        double[] finite = samples.stream().mapToDouble(pick).filter(Double::isFinite).sorted().toArray();
        int failed = samples.size() - finite.length;
        if (!Double.isFinite(value) || finite.length < samples.size() / 2 || finite.length == 0) {
            return new Interval(value, Double.NaN, Double.NaN, failed);
        }
        return new Interval(value, Crossings.quantile(finite, 0.025), Crossings.quantile(finite, 0.975), failed);
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
        Table table = new Table("average", "estimate", "sizes", "y", "D2", "D2_low95", "D2_high95", "bootstrap_failed",
                "chi2", "dof", "p_value", "refused");
        String all = data.getFirst().size() + "-" + data.getLast().size();
        for (D2 d : d2) {
            table.row(d.average().label(), "plain", all, "", d.plain().value(), d.plain().low(), d.plain().high(),
                    d.plain().failed(), "", "", "", "");
            for (LocalSlope l : d.localSlopes()) {
                table.row(d.average().label(), "local", l.smaller() + "-" + l.larger(), "", l.d2().value(),
                        l.d2().low(), l.d2().high(), l.d2().failed(), "", "", "", "");
            }
            for (CorrectedFit c : d.corrected()) {
                table.row(d.average().label(), "corrected", all, c.y(), c.d2().value(), c.d2().low(), c.d2().high(),
                        c.d2().failed(), c.chi2(), c.dof(), c.pValue(), c.refused() == null ? "" : c.refused());
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
                "mu_high95", "bootstrap_failed");
        for (MuFit m : muRanges) {
            table.row(m.size(), m.lowSpacings(), m.highTwoT(), m.omegaLow(), m.omegaHigh(), m.bins(), m.mu().value(),
                    m.mu().low(), m.mu().high(), m.mu().failed());
        }
        return table;
    }

    /** The fits as written to fits.json. */
    public MultifractalFits fits(double ratio, double window, double muWindow, Provenance provenance) {
        List<MultifractalFits.D2Estimate> d2Out = new ArrayList<>();
        for (D2 d : d2) {
            List<MultifractalFits.LocalSlope> slopes = d.localSlopes().stream()
                    .map(l -> new MultifractalFits.LocalSlope(l.smaller(), l.larger(), l.d2().value(),
                            new double[]{l.d2().low(), l.d2().high()}, l.d2().failed())).toList();
            List<MultifractalFits.CorrectedFit> corrected = d.corrected().stream()
                    .map(c -> new MultifractalFits.CorrectedFit(c.y(), c.d2().value(),
                            new double[]{c.d2().low(), c.d2().high()}, c.d2().failed(), c.chi2(), c.dof(), c.pValue(),
                            c.refused())).toList();
            d2Out.add(new MultifractalFits.D2Estimate(d.average().label(), d.plain().value(),
                    new double[]{d.plain().low(), d.plain().high()}, d.plain().failed(), slopes, corrected));
        }
        List<MultifractalFits.MuEstimate> muOut = mu.stream().map(MultifractalAnalysis::muRecord).toList();
        double d2Mean = d2(Average.MEAN).plain().value();
        return new MultifractalFits(MultifractalFits.SCHEMA, ratio, settings.hopping(),
                data.stream().map(SizeData::size).toList(), window, muWindow, d2Out, muOut, muRecord(muLargest()),
                Literature.muFromD2(d2Mean), new MultifractalFits.Reference(Literature.D2, Literature.D2_SOURCE),
                new MultifractalFits.Reference(Literature.MU_FROM_D2, Literature.MU_SOURCE),
                new MultifractalFits.Reference(Literature.PAPER_D2, Literature.PAPER_D2_SOURCE), settings.bootstrap(),
                "D_2: I_2 ∝ L^(−D_2) (Eq. 32) for the mean ln⟨I_2⟩ and typical ⟨ln I_2⟩ averages; local slopes between "
                        + "successive sizes, a line through all sizes, and weighted fits with a correction b·L^(−y). "
                        + "μ: C(ω) ∝ ω^(−μ) (Eq. 33) from the overlaps of the window's pairs, fitted over ω ∈ [a·Δ_L, "
                        + "b·2t]; 95% intervals from " + settings.bootstrap() + " bootstrap resamples of realizations (each "
                        + "estimate's bootstrapFailed: resamples without a finite value, left out)",
                provenance);
    }

    private static MultifractalFits.MuEstimate muRecord(MuFit m) {
        return new MultifractalFits.MuEstimate(m.size(), m.mu().value(), new double[]{m.mu().low(), m.mu().high()},
                m.mu().failed(), m.lowSpacings(), m.highTwoT(), new double[]{m.omegaLow(), m.omegaHigh()}, m.bins());
    }
}
