package dnp.plot.figures;

import dnp.analysis.FigureData;
import dnp.analysis.FigureData.Series;
import dnp.analysis.Stats;
import dnp.analysis.Summary;
import dnp.plot.Plot;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's approximations against the exact quantities: Eq. 24 (the resonant formula from the
 * binned K) against P_n, Eq. 29 (P_n ≈ C(ω_n) P_n^GOE) against L and the levels per resonance width,
 * and the two forms of R(ω) of Eq. 30 below the level spacing. Error bars are one standard deviation.
 */
public final class ApproximationFigures {
    private ApproximationFigures() {}

    /**
     * Eq. 24 against the exact P_n, with the Anderson K and with K = ρρ (Eq. 23), against t; the exact
     * numerator over the leakage alone separates Eq. 24's two steps (the denominator, the smoothing).
     */
    public static Plot eq24(Summary s, int size, int pair) {
        Plot plot = new Plot("Eq. 24 against the exact P_n, L = " + size + " (" + PaperFigures.pairLabel(s, pair) + ")",
                "hopping t (2π·MHz)", "nuclear polarization P_n").logX(true).logY(true).note(PaperFigures.note(s))
                .verticalLine(FigureData.criticalHopping(s), "t_c");
        Series exact = FigureData.pairSeries(s, size, pair, PairRecord::pn);
        Series eq24 = FigureData.pairSeries(s, size, pair, FigureData::pnEq24);
        Series goe = FigureData.pairSeries(s, size, pair, PairRecord::pnGoe);
        Series eq24Goe = FigureData.recordSeries(s, size, r -> FigureData.pnEq24Goe(s, r, pair));
        Series resonant = FigureData.recordSeries(s, size, r -> FigureData.numeratorOverLeakage(s, r, pair));
        plot.series("exact P_n (Anderson)", exact.x(), exact.mean(), exact.error(), Plot.Style.LINE_MARKERS);
        plot.series("Eq. 24, Anderson K(ε, ε′)", eq24.x(), eq24.mean(), eq24.error(), Plot.Style.LINE_MARKERS);
        plot.series("exact numerator / leakage (Anderson)", resonant.x(), resonant.mean(), resonant.error(),
                Plot.Style.LINE);
        plot.series("exact P_n^GOE (O = 1/N)", goe.x(), goe.mean(), goe.error(), Plot.Style.LINE_MARKERS);
        plot.series("Eq. 24, K = ρρ (Eq. 23)", eq24Goe.x(), eq24Goe.mean(), eq24Goe.error(), Plot.Style.LINE_MARKERS);
        return plot;
    }

    /** One value per size at hopping t: a field of the polarization averages. */
    private interface PointValue {
        double of(Summary s, List<RealizationRecord> group, int pair);
    }

    private static double[][] perSize(Summary s, double t, int pair, PointValue x, PointValue y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        s.byPoint().forEach((point, group) -> {
            if (point.hopping() == t) {
                xs.add(x.of(s, group, pair));
                ys.add(y.of(s, group, pair));
            }
        });
        return new double[][]{FigureData.unbox(xs), FigureData.unbox(ys)};
    }

    private static double mean(List<RealizationRecord> group, int pair, java.util.function.ToDoubleFunction<PairRecord> f) {
        return Stats.of(Summary.pairValues(group, pair, f)).mean();
    }

    private static double levels(Summary s, List<RealizationRecord> group, int pair) {
        return FigureData.levelsPerWidth(s, group, FigureData.omegaMW(s, pair));
    }

    /**
     * Eq. 29 against the levels per resonance width: C(ω_n) P_n^GOE / P_n and the sampled-GOE P_n over
     * P_n^GOE (O = 1/N), one curve per t, one point per L.
     */
    public static Plot eq29Levels(Summary s, int pair) {
        Plot plot = new Plot("Eq. 29 against levels per resonance width, L = " + sizes(s) + " ("
                + PaperFigures.pairLabel(s, pair) + ")", "levels per resonance width N ρ(ω_MW)/T_2n′", "ratio")
                .logX(true).logY(true).note(PaperFigures.note(s)).horizontalLine(1, "1");
        for (double t : hoppings(s)) {
            double[][] c = perSize(s, t, pair, ApproximationFigures::levels,
                    (ss, g, k) -> FigureData.eq29(g, k, false) / mean(g, k, PairRecord::pn));
            plot.series("C(ω_n)·P_n^GOE / P_n, t = " + PaperFigures.fmt(t), c[0], c[1], null, Plot.Style.LINE_MARKERS);
        }
        for (double t : hoppings(s)) {
            double[][] g = perSize(s, t, pair, ApproximationFigures::levels,
                    (ss, gg, k) -> mean(gg, k, PairRecord::pnGoeSampled) / mean(gg, k, PairRecord::pnGoe));
            plot.series("sampled GOE / (O = 1/N), t = " + PaperFigures.fmt(t), g[0], g[1], null, Plot.Style.LINE);
        }
        return plot;
    }

    /**
     * Eq. 29 against L at one t: the exact P_n, C(ω_n) P_n^GOE with either R, P_n^GOE (O = 1/N), the
     * sampled-GOE P_n and Eq. 24.
     */
    public static Plot eq29Sizes(Summary s, double t, int pair) {
        Plot plot = new Plot("Eq. 29 against L, t = " + PaperFigures.fmt(t) + " (" + PaperFigures.pairLabel(s, pair) + ")",
                "linear size L", "nuclear polarization P_n").logY(true).note(PaperFigures.note(s));
        PointValue size = (ss, g, k) -> g.getFirst().size();
        double[][] exact = perSize(s, t, pair, size, (ss, g, k) -> mean(g, k, PairRecord::pn));
        double[][] eq29 = perSize(s, t, pair, size, (ss, g, k) -> FigureData.eq29(g, k, false));
        double[][] eq29Dos = perSize(s, t, pair, size, (ss, g, k) -> FigureData.eq29(g, k, true));
        double[][] goe = perSize(s, t, pair, size, (ss, g, k) -> mean(g, k, PairRecord::pnGoe));
        double[][] sampled = perSize(s, t, pair, size, (ss, g, k) -> mean(g, k, PairRecord::pnGoeSampled));
        double[][] eq24 = perSize(s, t, pair, size, (ss, g, k) -> mean(g, k, FigureData::pnEq24));
        plot.series("exact P_n (Anderson)", exact[0], exact[1], null, Plot.Style.LINE_MARKERS);
        plot.series("C(ω_n)·P_n^GOE, pair-histogram R", eq29[0], eq29[1], null, Plot.Style.LINE_MARKERS);
        plot.series("C(ω_n)·P_n^GOE, R = ∫ρ̄ρ̄", eq29Dos[0], eq29Dos[1], null, Plot.Style.LINE_MARKERS);
        plot.series("P_n^GOE (O = 1/N)", goe[0], goe[1], null, Plot.Style.LINE_MARKERS);
        plot.series("P_n, sampled GOE", sampled[0], sampled[1], null, Plot.Style.LINE_MARKERS);
        plot.series("Eq. 24", eq24[0], eq24[1], null, Plot.Style.LINE_MARKERS);
        return plot;
    }

    /**
     * R(ω) of Eq. 30 in its two forms: the pair histogram of each realization's spectrum over ∫ρ̄ρ̄ of
     * the averaged DOS, for ω up to {@code maxOmega}, one curve per (L, t) with L in {@code sizes}.
     */
    public static Plot densityCorrelators(Summary s, List<Integer> sizes, double maxOmega) {
        Plot plot = new Plot("R(ω): pair histogram over ∫ρ̄ρ̄ (Eq. 30)", "ω (2π·MHz)",
                "R_pairs(ω) / ∫ρ̄(ε)ρ̄(ε+ω)dε").note(PaperFigures.note(s)).horizontalLine(1, "1");
        s.byPoint().forEach((point, group) -> {
            if (sizes.contains(point.size())) {
                Series r = FigureData.pairOverDensityCorrelator(group, maxOmega);
                plot.series("L = " + point.size() + ", t = " + PaperFigures.fmt(point.hopping()), r.x(), r.mean(), null,
                        Plot.Style.LINE_MARKERS);
            }
        });
        return plot;
    }

    private static List<Double> hoppings(Summary s) {
        return s.byPoint().keySet().stream().map(Summary.SizeAndHopping::hopping).distinct().sorted().toList();
    }

    private static String sizes(Summary s) {
        List<Integer> l = FigureData.sizes(s);
        return l.size() == 1 ? String.valueOf(l.getFirst()) : l.getFirst() + "–" + l.getLast();
    }
}
