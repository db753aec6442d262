package dnp.analysis;

import java.util.ArrayList;
import java.util.List;

/** The data collapse, fitted curves and tables of a finite-size-scaling analysis, for figures and CSV files. */
public final class ScalingTables {
    private ScalingTables() {}

    /** The data collapse of {@code data} under {@code fit}, point by point. */
    public static List<FiniteSizeScaling.CollapsePoint> collapse(FiniteSizeScaling.Fit fit,
                                                                FiniteSizeScaling.Data data) {
        List<FiniteSizeScaling.CollapsePoint> points = new ArrayList<>();
        for (int p = 0; p < data.points(); p++) {
            int size = data.size()[p];
            double x = data.x()[p];
            double u = fit.scalingVariable(size, x);
            points.add(new FiniteSizeScaling.CollapsePoint(size, x, u, data.mean()[p] - fit.irrelevantPart(size, x), data.sem()[p],
                    fit.scalingFunction(0, u)));
        }
        return points;
    }

    /** {@link #collapse} as a table: L, x, r_mean, r_sem, scaling_variable, r_corrected, F_relevant. */
    public static Table collapseTable(FiniteSizeScaling.Fit fit, FiniteSizeScaling.Data data) {
        Table table = new Table("L", "x", "r_mean", "r_sem", "scaling_variable", "r_corrected", "F_relevant");
        List<FiniteSizeScaling.CollapsePoint> points = collapse(fit, data);
        for (int p = 0; p < points.size(); p++) {
            FiniteSizeScaling.CollapsePoint c = points.get(p);
            table.row(c.size(), c.x(), data.mean()[p], c.sem(), c.scalingVariable(), c.corrected(), c.relevant());
        }
        return table;
    }

    /**
     * The fitted ⟨r⟩(x) = F(u, v) of each size on {@code points} evenly spaced x from {@code from} to
     * {@code to}: {@code curves[size][i]}, with x_i = from + (to − from) i/(points − 1).
     */
    public static double[][] fittedCurves(FiniteSizeScaling.Fit fit, int[] sizes, double from, double to, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a fitted curve needs at least two points, got " + points);
        }
        double[][] curves = new double[sizes.length][points];
        for (int s = 0; s < sizes.length; s++) {
            for (int i = 0; i < points; i++) {
                curves[s][i] = fit.predict(sizes[s], from + (to - from) * i / (points - 1));
            }
        }
        return curves;
    }

    /** {@link #fittedCurves} as a table: L, x, r_fit, r_relevant (F(u, 0), without the irrelevant part). */
    public static Table fittedCurveTable(FiniteSizeScaling.Fit fit, int[] sizes, double from, double to, int points) {
        double[][] curves = fittedCurves(fit, sizes, from, to, points);
        Table table = new Table("L", "x", "r_fit", "r_relevant");
        for (int s = 0; s < sizes.length; s++) {
            for (int i = 0; i < points; i++) {
                double x = from + (to - from) * i / (points - 1);
                table.row(sizes[s], x, curves[s][i], fit.scalingFunction(0, fit.scalingVariable(sizes[s], x)));
            }
        }
        return table;
    }

    /**
     * One row per fit: the orders, χ², dof, p, x_c, ν and y with standard errors, and whether it is the
     * stable choice of {@code selection}.
     */
    public static Table fitTable(FiniteSizeScaling.Selection selection) {
        Table table = new Table("n_R", "n_I", "m_psi", "m_phi", "parameters", "chi2", "dof", "p", "x_c", "x_c_se",
                "nu", "nu_se", "y", "y_se", "converged", "termination", "stable");
        for (FiniteSizeScaling.Fit f : selection.fits()) {
            FiniteSizeScaling.Order o = f.order();
            table.row(o.relevant(), o.irrelevant(), o.psi(), o.phi(), o.parameterCount(), f.chi2(), f.dof(),
                    f.pValue(), f.xc(), f.xcError(), f.nu(), f.nuError(), f.y(), f.yError(), f.converged(),
                    f.termination().label(), f == selection.stable());
        }
        return table;
    }

    /**
     * The bootstrap intervals: parameter, estimate, ci_low, ci_high, resamples, failed (left out of the
     * interval) and not_converged (of the failed, refits that stopped without converging).
     */
    public static Table bootstrapTable(FiniteSizeScaling.Bootstrap b) {
        Table table = new Table("parameter", "estimate", "ci_low", "ci_high", "resamples", "failed", "not_converged");
        table.row("x_c", b.xc().estimate(), b.xc().low(), b.xc().high(), b.samples(), b.failed(), b.notConverged());
        table.row("nu", b.nu().estimate(), b.nu().low(), b.nu().high(), b.samples(), b.failed(), b.notConverged());
        if (b.fit().order().irrelevant() > 0) {
            table.row("y", b.y().estimate(), b.y().low(), b.y().high(), b.samples(), b.failed(), b.notConverged());
        }
        return table;
    }
}
