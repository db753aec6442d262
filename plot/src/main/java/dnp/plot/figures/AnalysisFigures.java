package dnp.plot.figures;

import dnp.analysis.Crossings;
import dnp.analysis.Literature;
import dnp.analysis.MultifractalAnalysis;
import dnp.analysis.TransitionAnalysis;
import dnp.plot.Plot;

import java.util.Locale;

/** Plots of the critical-point analyses: ⟨r⟩ across the transition, I_2 against L, C(ω) at t_c. */
public final class AnalysisFigures {
    private AnalysisFigures() {}

    /** ⟨r⟩ against w/t, one curve per L with standard errors, reference lines and the crossings. */
    public static Plot transition(TransitionAnalysis a, double gapFraction, double width, String boundary) {
        Plot plot = new Plot("Level statistics across the Anderson transition", "disorder / hopping  w/t",
                "mean gap ratio ⟨r⟩").note("central " + Math.round(100 * gapFraction) + "% of levels, w = "
                + PaperFigures.fmt(width) + ", " + boundary + " boundaries; error bars: standard error")
                .horizontalLine(Literature.GAP_RATIO_GOE, "GOE 0.5307")
                .horizontalLine(Literature.GAP_RATIO_POISSON, "Poisson 0.3863");
        double[] x = a.ratios();
        for (Crossings.Curve c : a.curves()) {
            double[] sem = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                sem[i] = TransitionAnalysis.pointStats(c, i).sem();
            }
            plot.series("L = " + c.size(), x, c.mean(), sem, Plot.Style.LINE_MARKERS);
        }
        for (Crossings.Crossing c : a.crossings()) {
            if (!Double.isNaN(c.x())) {
                plot.verticalLine(c.x(), c.smaller() + "/" + c.larger());
            }
        }
        return plot;
    }

    /** ⟨I_2⟩ against L in log–log with the fitted L^(−D_2). */
    public static Plot iprScaling(MultifractalAnalysis a, double ratio) {
        double[] sizes = a.sizes().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] means = new double[sizes.length];
        double[] errors = new double[sizes.length];
        double[] fit = new double[sizes.length];
        var line = a.iprFit();
        for (int s = 0; s < sizes.length; s++) {
            means[s] = a.iprStats(s).mean();
            errors[s] = a.iprStats(s).sem();
            fit[s] = Math.exp(line.at(Math.log(sizes[s])));
        }
        return new Plot("IPR of central eigenstates at w/t = " + PaperFigures.fmt(ratio), "linear size L", "I_2")
                .logX(true).logY(true).note(String.format(Locale.ROOT, "D_2 = %.2f (95%% %.2f–%.2f); literature %s",
                        a.d2().value(), a.d2().low(), a.d2().high(), PaperFigures.fmt(Literature.PAPER_D2)))
                .series("⟨I_2⟩", sizes, means, errors, Plot.Style.MARKERS)
                .series("fit L^(−D_2)", sizes, fit, null, Plot.Style.LINE);
    }

    /** C(ω) = K̄/R̄ at the transition in log–log, the fit range marked. */
    public static Plot correlatorAtTransition(MultifractalAnalysis a, double ratio, int size) {
        return new Plot("C(ω) at w/t = " + PaperFigures.fmt(ratio) + ", L = " + size, "ω (2π·MHz)", "C(ω) = K̄/R̄")
                .logX(true).logY(true).note(String.format(Locale.ROOT,
                        "μ = %.2f (95%% %.2f–%.2f) over ω ∈ [%s, %s]; 1 − D_2/3 = %.2f", a.mu().value(), a.mu().low(),
                        a.mu().high(), PaperFigures.fmt(a.fitLow()), PaperFigures.fmt(a.fitHigh()),
                        1 - a.d2().value() / 3))
                .verticalLine(a.fitLow(), "fit").verticalLine(a.fitHigh(), "")
                .series("C(ω)", a.omega(), a.correlatorMeans()[2], null, Plot.Style.LINE_MARKERS);
    }
}
