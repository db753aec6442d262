package dnp.plot.figures;

import dnp.analysis.FigureData;
import dnp.analysis.FigureData.Series;
import dnp.analysis.Literature;
import dnp.analysis.Summary;
import dnp.plot.Plot;

import java.util.List;
import java.util.Locale;

/** The localization length ξ(t) of Eq. 31 and the level spacing Δ_ξ of Eq. 33, from a {@link Summary}. */
public final class LocalizationFigures {
    private LocalizationFigures() {}

    /**
     * ξ = 1/κ̄ against t for every L, the lines ξ = L above which the value is no localization length,
     * and A |t − t_c|^(−ν) (literature ν, amplitude from the largest L's points at t_c/2 ≤ t ≤ 0.85 t_c) as a guide.
     */
    public static Plot localizationLength(Summary s) {
        double tc = FigureData.criticalHopping(s);
        Plot plot = new Plot("Localization length of the central states (Eq. 31)", "hopping t (2π·MHz)",
                "ξ (lattice spacings)").logX(true).logY(true)
                .note(PaperFigures.note(s) + "; ξ = 1/⟨κ⟩, κ from ⟨ln|φ(r)|²⟩; bars: one std")
                .verticalLine(tc, "t_c");
        List<Integer> sizes = FigureData.sizes(s);
        for (int size : sizes) {
            Series xi = FigureData.localizationSeries(s, size);
            plot.series("L = " + size, xi.x(), xi.mean(), xi.error(), Plot.Style.LINE_MARKERS);
            plot.horizontalLine(size, "ξ = " + size);
        }
        int largest = sizes.getLast();
        double[][] law = FigureData.criticalLaw(FigureData.localizationSeries(s, largest), tc, largest);
        if (law != null) {
            plot.series(String.format(Locale.ROOT, "A |t − t_c|^(−%.2f)", Literature.CRITICAL_NU), law[0], law[1], null,
                    Plot.Style.LINE);
        }
        return plot;
    }

    /**
     * Δ_ξ = 1/(ρ ξ³) against t for every L (points with ξ ≥ L left out), with the summary's ω_n as
     * horizontal lines: Eq. 34 has C(ω_n) set by max(ω_n, Δ_ξ).
     */
    public static Plot levelSpacing(Summary s) {
        Plot plot = new Plot("Level spacing in a localization volume (Eq. 33)", "hopping t (2π·MHz)",
                "Δ_ξ = 1/(ρ ξ³) (2π·MHz)").logX(true).logY(true)
                .note(PaperFigures.note(s) + "; points with ξ ≥ L left out")
                .verticalLine(FigureData.criticalHopping(s), "t_c");
        for (int size : FigureData.sizes(s)) {
            Series d = FigureData.levelSpacingSeries(s, size);
            plot.series("L = " + size, d.x(), d.mean(), null, Plot.Style.LINE_MARKERS);
        }
        s.records().getFirst().pairs().stream().mapToDouble(p -> p.omegaN()).distinct()
                .forEach(w -> plot.horizontalLine(w, "ω_n = " + PaperFigures.fmt(w)));
        return plot;
    }
}
