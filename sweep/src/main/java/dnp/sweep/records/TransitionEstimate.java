package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * estimate.json of dnp transition. The headline {@code wOverTc} is the finite-size-scaling estimate of all
 * sizes (null where no expansion order could be chosen, or the scaling fit was not run: {@code method}
 * says which); the crossing of the two largest sizes, a cruder estimate biased by irrelevant corrections,
 * is under {@code crossing}, named as such. Version 2 had the crossing at the top and the scaling fit
 * under {@code scaling}; its files keep their schema string, so a reader can tell them apart.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TransitionEstimate(String schema, double wOverTc, double[] ci95, String method, double literature,
                                 String literatureReference, Scaling scaling, Crossing crossing, Levels levels,
                                 Provenance provenance) {
    public static final String SCHEMA = "dnp.transition-estimate/3";

    /**
     * The finite-size-scaling fit ⟨r⟩ = F(ψ L^{1/ν}, φ L^{−y}) of the chosen expansion orders, with
     * 95% bootstrap intervals over whole realizations; null where no order could be chosen.
     *
     * @param termination           how the fit's Levenberg–Marquardt run stopped (always {@code converged}
     *                              for a chosen order)
     * @param bootstrapFailed       resamples left out of the intervals (no valid refit, no convergence, or a
     *                              χ² that is not finite)
     * @param bootstrapNotConverged of those, refits that stopped without converging
     */
    public record Scaling(String order, double wOverTc, double[] wOverTcCi95, double nu, double[] nuCi95, Double y,
                          double[] yCi95, double chi2, int dof, double pValue, String termination, int bootstrap,
                          int bootstrapFailed, int bootstrapNotConverged, String choice, List<String> ordersTried,
                          double nuLiterature, String nuLiteratureReference) {}

    /**
     * Where the mean ⟨r⟩ curves of the two largest sizes cross, with its 95% bootstrap interval.
     *
     * @param bootstrapWithoutCrossing resamples whose curves did not cross on the grid (left out of the interval)
     */
    public record Crossing(double wOverTc, double[] ci95, int[] sizes, int bootstrap, int bootstrapWithoutCrossing,
                           String method) {}

    /**
     * Where the levels behind the estimate came from, over every line of every size.
     *
     * @param eigenvalues      the routines that computed them (lanczos; a LAPACK routine for dense levels)
     * @param lines            lines (realization × w/t × L)
     * @param windowsFromDense Lanczos windows taken from dense eigenvalues because the recursions did not agree
     * @param unrecorded       lines written before lines said where their levels came from
     */
    public record Levels(List<EigenStage> eigenvalues, int lines, int windowsFromDense, int unrecorded) {}
}
