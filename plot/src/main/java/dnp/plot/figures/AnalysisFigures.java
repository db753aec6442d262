package dnp.plot.figures;

import dnp.analysis.Crossings;
import dnp.analysis.FiniteSizeScaling;
import dnp.analysis.Literature;
import dnp.analysis.MultifractalAnalysis;
import dnp.analysis.TransitionAnalysis;
import dnp.plot.Plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Plots of the critical-point analyses: ⟨r⟩ across the transition, I_2 against L, C(ω) at t_c. */
public final class AnalysisFigures {
    private AnalysisFigures() {}

    /** ⟨r⟩ against w/t, one curve per L with standard errors, reference lines and the crossings. */
    public static Plot transition(TransitionAnalysis a, double gapFraction, double width, String boundary) {
        Plot plot = new Plot("Level statistics across the Anderson transition", "disorder / hopping  w/t",
                "mean gap ratio ⟨r⟩").note("central " + Math.round(100 * gapFraction) + "% of levels, w = "
                + PaperFigures.fmt(width) + ", " + boundary + " boundaries; error bars: standard error")
                .horizontalLine(Literature.GAP_RATIO_GOE, String.format(Locale.ROOT, "GOE %.4f", Literature.GAP_RATIO_GOE))
                .horizontalLine(Literature.GAP_RATIO_POISSON,
                        String.format(Locale.ROOT, "Poisson %.4f", Literature.GAP_RATIO_POISSON));
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
        FiniteSizeScaling.Fit fit = chosenFit(a);
        if (fit != null) {
            int points = 200;
            int[] sizes = a.curves().stream().mapToInt(Crossings.Curve::size).toArray();
            double[][] curves = FiniteSizeScaling.fittedCurves(fit, sizes, x[0], x[x.length - 1], points);
            double[] fine = new double[points];
            for (int i = 0; i < points; i++) {
                fine[i] = x[0] + (x[x.length - 1] - x[0]) * i / (points - 1);
            }
            for (int s = 0; s < sizes.length; s++) {
                plot.series("fit L = " + sizes[s], fine, curves[s], null, Plot.Style.LINE);
            }
            plot.verticalLine(fit.xc(), "w/t_c fit");
        }
        return plot;
    }

    /** The chosen scaling fit of an analysis, or null. */
    static FiniteSizeScaling.Fit chosenFit(TransitionAnalysis a) {
        return a.scaling() == null ? null : a.scaling().selection().stable();
    }

    /**
     * The data collapse: ⟨r⟩ less the irrelevant correction against the scaling variable ψ L^{1/ν},
     * one series per size, with the relevant scaling function F(u, 0) drawn through; null without a fit.
     */
    public static Plot collapse(TransitionAnalysis a) {
        FiniteSizeScaling.Fit fit = chosenFit(a);
        if (fit == null) {
            return null;
        }
        List<FiniteSizeScaling.CollapsePoint> points = FiniteSizeScaling.collapse(fit, a.scaling().scaling().data());
        Plot plot = new Plot("Data collapse, order " + fit.order(), "scaling variable ψ L^(1/ν)",
                "⟨r⟩ − irrelevant correction").note(String.format(Locale.ROOT,
                "w/t_c = %.3f, ν = %.3f, χ²/dof = %.1f/%d, p = %.2g", fit.xc(), fit.nu(), fit.chi2(), fit.dof(),
                fit.pValue()));
        Map<Integer, List<FiniteSizeScaling.CollapsePoint>> bySize = new TreeMap<>();
        for (FiniteSizeScaling.CollapsePoint p : points) {
            bySize.computeIfAbsent(p.size(), k -> new ArrayList<>()).add(p);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (var e : bySize.entrySet()) {
            List<FiniteSizeScaling.CollapsePoint> ps = e.getValue();
            double[] u = ps.stream().mapToDouble(FiniteSizeScaling.CollapsePoint::scalingVariable).toArray();
            double[] r = ps.stream().mapToDouble(FiniteSizeScaling.CollapsePoint::corrected).toArray();
            double[] err = ps.stream().mapToDouble(FiniteSizeScaling.CollapsePoint::sem).toArray();
            for (double v : u) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            plot.series("L = " + e.getKey(), u, r, err, Plot.Style.MARKERS);
        }
        double[] grid = new double[200];
        double[] f = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = lo + (hi - lo) * i / (grid.length - 1);
            f[i] = fit.scalingFunction(0, grid[i]);
        }
        return plot.series("F(u, 0)", grid, f, null, Plot.Style.LINE);
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
                        Literature.muFromD2(a.d2().value())))
                .verticalLine(a.fitLow(), "fit").verticalLine(a.fitHigh(), "")
                .series("C(ω)", a.omega(), a.correlatorMeans()[2], null, Plot.Style.LINE_MARKERS);
    }
}
