package dnp.plot.figures;

import dnp.analysis.FigureData;
import dnp.analysis.FigureData.Series;
import dnp.analysis.SizeSeries;
import dnp.analysis.Summary;
import dnp.sweep.records.Method;
import dnp.sweep.records.PairRecord;
import dnp.kernel.model.Convention;
import dnp.plot.Plot;

import java.util.List;
import java.util.Locale;

/** The paper's figures drawn from a {@link Summary}. Error bars are one standard deviation, as in the paper. */
public final class PaperFigures {
    private PaperFigures() {}

    static String note(Summary s) {
        String text = physicsNote(s);
        if (s.parameters().method() == Method.KPM) {
            text += ", kernel polynomial method (M = " + s.parameters().kpmMoments() + ", "
                    + dnp.analysis.SizeSeries.kpmSample(s) + ")";
        }
        return s.convention() == Convention.PAPER
                ? text + " (Eq. 22 as printed; inferred, see README)" : text;
    }

    private static String physicsNote(Summary s) {
        return "convention: " + s.convention() + ", w = " + fmt(s.parameters().w()) + ", "
                + s.parameters().boundary() + " boundaries";
    }

    /** A number without a trailing ".0" when it is whole. */
    public static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String pairLabel(Summary s, int pair) {
        return "ω_n = " + fmt(FigureData.omegaN(s, pair)) + ", ω_MW = " + fmt(FigureData.omegaMW(s, pair));
    }

    private static Plot base(Summary s, String title, String yLabel) {
        return new Plot(title, "hopping t (2π·MHz)", yLabel).logX(true).note(note(s))
                .verticalLine(FigureData.criticalHopping(s), "t_c");
    }

    /** Fig. 3: P_n against t, Anderson and GOE, for every size and the given pairs. */
    public static Plot polarization(Summary s, List<Integer> pairs, String title) {
        Plot plot = base(s, title, "nuclear polarization P_n");
        boolean manySizes = FigureData.sizes(s).size() > 1;
        for (int size : FigureData.sizes(s)) {
            for (int k : pairs) {
                String suffix = (manySizes ? " L = " + size : "") + (pairs.size() > 1 ? " (" + pairLabel(s, k) + ")" : "");
                Series a = FigureData.pairSeries(s, size, k, PairRecord::pn);
                Series g = FigureData.pairSeries(s, size, k, PairRecord::pnGoe);
                plot.series("Anderson" + suffix, a.x(), a.mean(), a.error(), Plot.Style.LINE_MARKERS);
                plot.series("GOE" + suffix, g.x(), g.mean(), g.error(), Plot.Style.LINE_MARKERS);
            }
        }
        return plot;
    }

    /** Fig. 4: Anderson P_n against t, one curve per pair. */
    public static Plot polarizationPerPair(Summary s, int size, List<Integer> pairs, String title, boolean byMicrowave) {
        Plot plot = base(s, title, "nuclear polarization P_n");
        for (int k : pairs) {
            Series a = FigureData.pairSeries(s, size, k, PairRecord::pn);
            String name = byMicrowave ? "ω_MW = " + fmt(FigureData.omegaMW(s, k)) : "ω_n = " + fmt(FigureData.omegaN(s, k));
            plot.series(name, a.x(), a.mean(), a.error(), Plot.Style.LINE_MARKERS);
        }
        return plot;
    }

    /**
     * The DNP frequency profile: the enhancement ε = P_n/P_n^thermal against ω_MW − ω_e at ω_n =
     * {@code omegaN}, one curve per hopping of the summary at size L; error bars one standard deviation.
     */
    public static Plot enhancementProfile(Summary s, int size, double omegaN) {
        Plot plot = new Plot("Enhancement against the microwave frequency, L = " + size + ", ω_n = " + fmt(omegaN),
                "ω_MW − ω_e (2π·MHz)", "enhancement ε = P_n / tanh(βω_n/2)").note(note(s))
                .horizontalLine(0, "ε = 0");
        for (Summary.SizeAndHopping point : s.byPoint().keySet()) {
            if (point.size() == size) {
                Series e = FigureData.enhancementProfile(s, size, point.hopping(), omegaN);
                plot.series("t = " + fmt(point.hopping()), e.x(), e.mean(), e.error(), Plot.Style.LINE_MARKERS);
            }
        }
        return plot;
    }

    /** Fig. 5: emission − absorption and the ISS sum, each divided by its largest magnitude. */
    public static Plot rates(Summary s, int size, int pair) {
        Series numerator = FigureData.pairSeries(s, size, pair, PairRecord::numerator);
        Series iss = FigureData.pairSeries(s, size, pair, FigureData::issSum);
        Plot plot = base(s, "Rates in the nuclear polarization, L = " + size + " (" + pairLabel(s, pair) + ")",
                "rate / its maximum");
        plot.series("Ω_emit − Ω_abs", numerator.x(), normalised(numerator.mean()), normalisedError(numerator),
                Plot.Style.LINE_MARKERS);
        plot.series("ISS Ω_emit + Ω_abs", iss.x(), normalised(iss.mean()), normalisedError(iss), Plot.Style.LINE_MARKERS);
        return plot;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m > 0 ? m : 1;
    }

    static double[] normalised(double[] v) {
        double m = maxAbs(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / m;
        }
        return out;
    }

    private static double[] normalisedError(Series s) {
        double m = maxAbs(s.mean());
        double[] out = new double[s.error().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.error()[i] / m;
        }
        return out;
    }

    /** Fig. 7: C(ω_n) against t, one curve per ω_n. */
    public static Plot correlator(Summary s, int size, List<Integer> pairs) {
        Plot plot = base(s, "Eigenfunction correlation C(ω_n), L = " + size, "C(ω_n) = K(ω_n)/R(ω_n)");
        for (int k : pairs) {
            Series c = FigureData.correlatorSeries(s, size, k);
            plot.series("ω_n = " + fmt(FigureData.omegaN(s, k)), c.x(), c.mean(), c.error(), Plot.Style.LINE_MARKERS);
        }
        return plot;
    }

    /**
     * The approach to the large-system limit: P_n(t) (left) and C(ω_n = 1)(t) (right), one curve per
     * L, the method of each size in the legend, error bars one standard deviation over realizations.
     */
    public static List<Plot> sizes(List<SizeSeries.Curve> curves) {
        Summary first = curves.getFirst().summary();
        String range = "L = " + curves.getFirst().size() + "–" + curves.getLast().size();
        StringBuilder realizations = new StringBuilder();
        for (SizeSeries.Curve c : curves) {
            realizations.append(realizations.isEmpty() ? "" : ", ").append(c.summary().parameters().realizations());
        }
        String note = physicsNote(first) + (first.convention() == Convention.PAPER ? " (Eq. 22)" : "")
                + "; realizations per L: " + realizations + "; error bars: 1 std";
        SizeSeries.Curve any = curves.getFirst();
        Plot pn = base(first, "Nuclear polarization toward large L, " + range + " ("
                + pairLabel(first, any.polarizationPair()) + ")", "nuclear polarization P_n").note(note);
        Plot c = base(first, "Correlator C(ω_n = " + fmt(FigureData.omegaN(first, any.correlatorPair()))
                + ") toward large L, " + range, "C(ω_n) = K(ω_n)/R(ω_n)").note(note);
        for (SizeSeries.Curve curve : curves) {
            String name = "L = " + curve.size() + " (" + curve.methodLabel() + ")";
            FigureData.Series p = curve.polarization();
            FigureData.Series k = curve.correlator();
            pn.series(name, p.x(), p.mean(), p.error(), Plot.Style.LINE_MARKERS);
            c.series(name, k.x(), k.mean(), k.error(), Plot.Style.LINE_MARKERS);
        }
        return List.of(pn, c);
    }

    /** Density of states per t (Fig. 2), from the DOS table of the summary. */
    public static Plot densityOfStates(Summary s, int size) {
        Plot plot = new Plot("Density of states, L = " + size, "energy ε − ω_e (2π·MHz)", "ρ(ε) (1/(2π·MHz))")
                .note(note(s));
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            double[][] d = FigureData.dosCurve(group);
            plot.series("t = " + fmt(point.hopping()), d[0], d[1], null, Plot.Style.LINE_MARKERS);
        });
        return plot;
    }

    /**
     * Fig. 6: the factors of the integrand of Eq. 24, P_B(ε) − P_B(ε + ω_n) and ρ(ε)ρ(ε + ω_n), each
     * scaled to a maximum of 1 (the paper adjusts them for a clear plot).
     */
    public static Plot integrand(Summary s, int size, double omegaN, double omegaMW) {
        Plot plot = new Plot(String.format(Locale.ROOT, "Integrand of Eq. 24, ω_n = %s, ω_MW = %s, L = %d",
                fmt(omegaN), fmt(omegaMW), size), "energy ε − ω_e (2π·MHz)", "scaled to maximum 1").note(note(s));
        double[] grid = new double[801];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -200 + 0.5 * i;
        }
        plot.series("P_B(ε) − P_B(ε + ω_n)", grid, normalised(FigureData.biasDifference(s, grid, omegaN, omegaMW)),
                null, Plot.Style.LINE);
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            double[][] d = FigureData.dosCurve(group);
            plot.series("ρ(ε)ρ(ε + ω_n), t = " + fmt(point.hopping()), d[0],
                    normalised(FigureData.densityProduct(d, omegaN)), null, Plot.Style.LINE);
        });
        return plot;
    }
}
