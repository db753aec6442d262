package dnp.plot.figures;

import dnp.kernel.physics.LineBroadening;
import dnp.plot.Plot;
import dnp.sweep.records.EthComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** P_n of nuclei in the ETH phase with a broadened line (Appendix D) against the exact P_n of Eq. 20. */
public final class EthFigures {
    private EthFigures() {}

    /**
     * P_n against t for the first frequency pair of the document: the exact value and one curve per
     * (line shape, width); error bars one standard deviation over realizations.
     */
    public static Plot comparison(EthComparison d) {
        EthComparison.Row head = d.rows().getFirst();
        List<EthComparison.Row> rows = d.rows().stream()
                .filter(r -> r.omegaN() == head.omegaN() && r.omegaMW() == head.omegaMW()).toList();
        Plot plot = new Plot(String.format(Locale.ROOT, "ETH phase with a broadened nuclear line (App. D), L = %d", d.size()),
                "hopping t (2π·MHz)", "nuclear polarization P_n").logX(true)
                .note(String.format(Locale.ROOT, "convention: %s, w = %s, ω_n = %s, ω_MW = %s, %d realizations; "
                                + "σ: Gaussian std, γ: Lorentzian half-width", d.convention(), PaperFigures.fmt(d.w()),
                        PaperFigures.fmt(head.omegaN()), PaperFigures.fmt(head.omegaMW()), d.realizations()));
        List<Line> lines = new ArrayList<>();
        for (EthComparison.Row r : rows) {
            Line line = new Line(r.shape(), r.width());
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        EthComparison.Row[] exactRows = rows.stream().filter(r -> r.shape() == head.shape() && r.width() == head.width())
                .toArray(EthComparison.Row[]::new);
        plot.series("exact (Eq. 20)", xs(exactRows), map(exactRows, EthComparison.Row::pnExact),
                map(exactRows, EthComparison.Row::pnExactStd), Plot.Style.LINE_MARKERS);
        for (Line line : lines) {
            EthComparison.Row[] curve = rows.stream().filter(r -> new Line(r.shape(), r.width()).equals(line))
                    .toArray(EthComparison.Row[]::new);
            String name = (curve[0].shape() == LineBroadening.Shape.GAUSSIAN ? "Gaussian σ = " : "Lorentzian γ = ")
                    + PaperFigures.fmt(curve[0].width());
            plot.series(name, xs(curve), map(curve, EthComparison.Row::pnEth), map(curve, EthComparison.Row::pnEthStd),
                    Plot.Style.LINE_MARKERS);
        }
        return plot;
    }

    /** One broadened curve: a line shape and its width. */
    private record Line(LineBroadening.Shape shape, double width) {}

    private static double[] xs(EthComparison.Row[] rows) {
        return map(rows, EthComparison.Row::t);
    }

    private static double[] map(EthComparison.Row[] rows, java.util.function.ToDoubleFunction<EthComparison.Row> f) {
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(rows[i]);
        }
        return v;
    }
}
