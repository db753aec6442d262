package dnp.plot.figures;

import dnp.analysis.Crossings;
import dnp.analysis.FiniteSizeScaling;
import dnp.analysis.Literature;
import dnp.analysis.ScalingTables;
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
    public static Plot transition(TransitionAnalysis a, String levels, double width, dnp.kernel.model.BoundaryCondition boundary) {
        Plot plot = new Plot("Level statistics across the Anderson transition", "disorder / hopping  w/t",
                "mean gap ratio ⟨r⟩").note(levels + ", w = "
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
            double[][] curves = ScalingTables.fittedCurves(fit, sizes, x[0], x[x.length - 1], points);
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
        List<FiniteSizeScaling.CollapsePoint> points = ScalingTables.collapse(fit, a.scaling().scaling().data());
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

    /** ⟨I_2⟩ and the typical I_2 = exp⟨ln I_2⟩ of the central eigenstates against L, with the fitted lines. */
    public static Plot iprScaling(MultifractalAnalysis a, double ratio) {
        double[] sizes = a.data().stream().mapToDouble(d -> d.size()).toArray();
        double[] logSizes = java.util.Arrays.stream(sizes).map(Math::log).toArray();
        var mean = a.d2(MultifractalAnalysis.Average.MEAN);
        var typical = a.d2(MultifractalAnalysis.Average.TYPICAL);
        Plot plot = new Plot("IPR of central eigenstates at w/t = " + PaperFigures.fmt(ratio), "linear size L", "I_2")
                .logX(true).logY(true).note(String.format(Locale.ROOT,
                        "D_2 mean %.2f (95%% %.2f–%.2f), typical %.2f (95%% %.2f–%.2f); reference %s",
                        mean.plain().value(), mean.plain().low(), mean.plain().high(), typical.plain().value(),
                        typical.plain().low(), typical.plain().high(), PaperFigures.fmt(Literature.D2)));
        for (var average : MultifractalAnalysis.Average.values()) {
            double[] logI = a.logAverages(average, null);
            double[] sigma = a.logSigmas(average);
            double[] values = new double[sizes.length];
            double[] errors = new double[sizes.length];
            for (int s = 0; s < sizes.length; s++) {
                values[s] = Math.exp(logI[s]);
                errors[s] = values[s] * sigma[s];
            }
            var line = dnp.analysis.LinearFit.of(logSizes, logI);
            double[] fit = java.util.Arrays.stream(logSizes).map(x -> Math.exp(line.at(x))).toArray();
            String name = average == MultifractalAnalysis.Average.MEAN ? "⟨I_2⟩" : "exp⟨ln I_2⟩";
            plot.series(name, sizes, values, errors, Plot.Style.MARKERS)
                    .series(name + " fit L^(−D_2)", sizes, fit, null, Plot.Style.LINE);
        }
        return plot;
    }

    /** The energy-resolved C(ω) of the central pairs against ω/Δ_L, one curve per L, the default fit range marked. */
    public static Plot correlatorAtTransition(MultifractalAnalysis a, double ratio) {
        var largest = a.muLargest();
        int last = a.data().size() - 1;
        Plot plot = new Plot("C(ω) of central eigenstates at w/t = " + PaperFigures.fmt(ratio), "ω / Δ_L",
                "C(ω) = N⟨O_αβ⟩").logX(true).logY(true).note(String.format(Locale.ROOT,
                        "L = %d: μ = %.2f (95%% %.2f–%.2f) over ω ∈ [%s Δ_L, %s·2t]; 1 − D_2/3 = %.2f (reference %.2f)",
                        largest.size(), largest.mu().value(), largest.mu().low(), largest.mu().high(),
                        PaperFigures.fmt(largest.lowSpacings()), PaperFigures.fmt(largest.highTwoT()),
                        Literature.muFromD2(a.d2(MultifractalAnalysis.Average.MEAN).plain().value()), Literature.MU_FROM_D2))
                .verticalLine(largest.lowSpacings(), "fit")
                .verticalLine(largest.omegaHigh() / a.meanSpacing(last), "");
        for (int s = 0; s < a.data().size(); s++) {
            double[] c = a.correlator(s, null);
            long[] counts = a.pairCounts(s);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < c.length; k++) {
                if (counts[k] > 0 && c[k] > 0) {
                    xs.add(a.bins().centre(k));
                    ys.add(c[k]);
                }
            }
            plot.series("L = " + a.data().get(s).size(), xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), null, Plot.Style.LINE_MARKERS);
        }
        return plot;
    }
}
