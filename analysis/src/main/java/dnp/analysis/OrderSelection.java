package dnp.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The choice of the expansion orders of {@link FiniteSizeScaling} among fits of several orders. */
public final class OrderSelection {
    private OrderSelection() {}

    /**
     * The stable choice among fits of several orders. The fits are sorted by their number of parameters
     * (ties keep the given order). For each fit f the next-higher order is the first later fit g whose
     * order contains f's ({@link FiniteSizeScaling.Order#nestedIn}: every one of n_R, n_I, m_ψ, m_φ at
     * least f's) and differs. The stable choice is the first f with
     * <ol>
     *   <li>a converged fit (a stalled one is no minimum, its p and errors mean nothing),</li>
     *   <li>p ≥ 0.05 (SO, RVSR), and</li>
     *   <li>estimates that agree with g's within their standard errors: |x_c(f) − x_c(g)| ≤ σ_xc(f) + σ_xc(g)
     *       and |ν(f) − ν(g)| ≤ σ_ν(f) + σ_ν(g) (their ±1σ bars overlap).</li>
     * </ol>
     * A fit without a next-higher order in the list cannot be checked and is not chosen. This makes
     * the practice of SO and RVSR mechanical: raise the orders until the fit is acceptable and the
     * critical parameters no longer move beyond their errors.
     */
    public static FiniteSizeScaling.Selection select(List<FiniteSizeScaling.Fit> fits) {
        List<FiniteSizeScaling.Fit> sorted = fits.stream()
                .sorted(Comparator.comparingInt(f -> f.order().parameterCount())).toList();
        for (int i = 0; i < sorted.size(); i++) {
            FiniteSizeScaling.Fit f = sorted.get(i);
            if (!f.converged() || !(f.pValue() >= 0.05)) {
                continue;
            }
            FiniteSizeScaling.Fit g = null;
            for (int j = i + 1; j < sorted.size() && g == null; j++) {
                FiniteSizeScaling.Order o = sorted.get(j).order();
                if (f.order().nestedIn(o) && !o.equals(f.order())) {
                    g = sorted.get(j);
                }
            }
            if (g == null) {
                continue;
            }
            if (Math.abs(f.xc() - g.xc()) <= f.xcError() + g.xcError()
                    && Math.abs(f.nu() - g.nu()) <= f.nuError() + g.nuError()) {
                return new FiniteSizeScaling.Selection(sorted, f, String.format(Locale.ROOT,
                        "lowest converged order with p >= 0.05 (p = %.3g) whose x_c and nu agree within standard errors "
                                + "with the next-higher order %s", f.pValue(), g.order()));
            }
        }
        return new FiniteSizeScaling.Selection(sorted, null, "no converged order has p >= 0.05 and x_c, nu that agree "
                + "within standard errors with a next-higher order in the list");
    }
}
