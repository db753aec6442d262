package dnp.plot.figures;

import dnp.analysis.CriticalAnalysis;
import dnp.analysis.CriticalScaling;
import dnp.analysis.Literature;
import dnp.plot.Plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plots of {@code dnp critical}: C(ω_n) at t_c (Eq. 33), C(ω_n) against t, and the peak width (Eq. 34). */
public final class CriticalFigures {
    private CriticalFigures() {}

    private static final int LINE_POINTS = 50;

    /** C(ω_n) at the t closest to t_c in log–log, one series per L, each fitted power law over its range. */
    public static Plot correlatorAtCriticality(CriticalAnalysis a) {
        StringBuilder note = new StringBuilder();
        double floor = 0;
        for (CriticalAnalysis.SizeResult s : a.sizes()) {
            floor = Math.max(floor, s.floor());
            if (s.mu() != null) {
                var l = s.mu().line();
                note.append(String.format(Locale.ROOT, "%s%d: %.2f (%.2f–%.2f)", note.isEmpty() ? "μ (95%) at L = " : "; ",
                        s.size(), -l.slope(), -l.slopeHigh(), -l.slopeLow()));
            }
        }
        note.append(String.format(Locale.ROOT, "; 1 − D_2/3: %.2f–%.2f, paper %.2f",
                Literature.muFromD2(Literature.CRITICAL_D2_HIGH), Literature.muFromD2(Literature.CRITICAL_D2_LOW),
                Literature.PAPER_MU));
        Plot plot = new Plot(String.format(Locale.ROOT, "C(ω_n) near t_c = %.2f (w/t_c = %s)", a.tc(),
                PaperFigures.fmt(Literature.CRITICAL_RATIO)), "ω_n (2π·MHz)", "C(ω_n) = K̄/R̄")
                .logX(true).logY(true).note(note.toString())
                .verticalLine(floor, "resolved →").verticalLine(a.sizes().getFirst().fitHigh(), "← fit window");
        for (CriticalAnalysis.SizeResult s : a.sizes()) {
            double[] x = s.atCritical().stream().mapToDouble(CriticalScaling.Point::omega).toArray();
            double[] y = s.atCritical().stream().mapToDouble(CriticalScaling.Point::c).toArray();
            double[] e = s.atCritical().stream().mapToDouble(CriticalScaling.Point::cError).toArray();
            plot.series(String.format(Locale.ROOT, "L = %d, t = %s, %d real.", s.size(), PaperFigures.fmt(s.tNearest()),
                    s.realizations()), x, y, e, Plot.Style.MARKERS);
        }
        for (CriticalAnalysis.SizeResult s : a.sizes()) {
            if (s.mu() != null) {
                double[][] line = powerLawLine(s.mu(), s.mu().fitLow(), s.mu().fitHigh());
                plot.series("fit L = " + s.size(), line[0], line[1], null, Plot.Style.LINE);
            }
        }
        return plot;
    }

    /** C(ω_n) against t at each ω_n for one scanned size, t_c marked. */
    public static Plot correlatorAgainstT(CriticalAnalysis a, CriticalAnalysis.SizeResult s) {
        Plot plot = new Plot(String.format(Locale.ROOT, "C(ω_n) against t, L = %d, %d realizations", s.size(),
                s.scanRealizations()), "hopping t (2π·MHz)", "C(ω_n) = K̄/R̄").logY(true)
                .note("one curve per ω_n (2π·MHz); error bars: standard error")
                .verticalLine(a.tc(), String.format(Locale.ROOT, "t_c = %.2f", a.tc()));
        for (double omega : a.omega()) {
            List<CriticalScaling.Point> p = new ArrayList<>();
            for (CriticalScaling.Point q : s.scan()) {
                if (q.omega() == omega) {
                    p.add(q);
                }
            }
            p.sort((u, v) -> Double.compare(u.t(), v.t()));
            plot.series("ω_n = " + PaperFigures.fmt(omega), p.stream().mapToDouble(CriticalScaling.Point::t).toArray(),
                    p.stream().mapToDouble(CriticalScaling.Point::c).toArray(),
                    p.stream().mapToDouble(CriticalScaling.Point::cError).toArray(), Plot.Style.LINE_MARKERS);
        }
        return plot;
    }

    /**
     * The peak width δt against ω_n in log–log per scanned size (resolved, bracketed peaks), the fitted
     * power law, and the slope 1/(dν) of Eq. 34 drawn through the geometric mean of the data.
     */
    public static Plot peakWidth(CriticalAnalysis a) {
        double kappa = Literature.widthExponent();
        StringBuilder note = new StringBuilder();
        Plot plot = new Plot("Width of the peak of C(ω_n) in t", "ω_n (2π·MHz)", "peak width δt (2π·MHz)")
                .logX(true).logY(true);
        double sumLogX = 0;
        double sumLogY = 0;
        int count = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (CriticalAnalysis.SizeResult s : a.sizes()) {
            List<CriticalScaling.Peak> use = s.peaks().stream().filter(p -> p.bracketed() && p.omega() >= s.fitLow()
                    && p.omega() <= s.fitHigh()).toList();
            if (use.isEmpty()) {
                continue;
            }
            double[] x = use.stream().mapToDouble(CriticalScaling.Peak::omega).toArray();
            double[] y = use.stream().mapToDouble(CriticalScaling.Peak::width).toArray();
            double[] e = use.stream().mapToDouble(CriticalScaling.Peak::widthError).toArray();
            plot.series("L = " + s.size(), x, y, e, Plot.Style.MARKERS);
            for (int i = 0; i < x.length; i++) {
                sumLogX += Math.log(x[i]);
                sumLogY += Math.log(y[i]);
                count++;
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            if (s.width() != null) {
                var l = s.width().line();
                note.append(String.format(Locale.ROOT, "%s%d: %.2f (%.2f–%.2f)", note.isEmpty() ? "exponent (95%) at L = " : "; ",
                        s.size(), l.slope(), l.slopeLow(), l.slopeHigh()));
                double[][] line = powerLawLine(s.width(), s.width().fitLow(), s.width().fitHigh());
                plot.series("fit L = " + s.size(), line[0], line[1], null, Plot.Style.LINE);
            }
        }
        if (count > 0) {
            double x0 = Math.exp(sumLogX / count);
            double y0 = Math.exp(sumLogY / count);
            double[] x = new double[LINE_POINTS];
            double[] y = new double[LINE_POINTS];
            for (int i = 0; i < LINE_POINTS; i++) {
                x[i] = lo * Math.pow(hi / lo, (double) i / (LINE_POINTS - 1));
                y[i] = y0 * Math.pow(x[i] / x0, kappa);
            }
            plot.series(String.format(Locale.ROOT, "Eq. 34: slope 1/(3ν) = %.2f", kappa), x, y, null, Plot.Style.LINE);
        }
        note.append(note.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "1/(dν) = %.3f, ν = %s",
                kappa, PaperFigures.fmt(Literature.CRITICAL_NU)));
        return plot.note(note.toString());
    }

    private static double[][] powerLawLine(CriticalScaling.PowerLaw law, double lo, double hi) {
        double[] x = new double[LINE_POINTS];
        double[] y = new double[LINE_POINTS];
        for (int i = 0; i < LINE_POINTS; i++) {
            x[i] = lo * Math.pow(hi / lo, (double) i / (LINE_POINTS - 1));
            y[i] = law.at(x[i]);
        }
        return new double[][]{x, y};
    }
}
