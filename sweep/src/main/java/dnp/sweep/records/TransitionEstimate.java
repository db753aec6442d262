package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * estimate.json of dnp transition: w/t_c from the crossing of the two largest sizes with its
 * bootstrap interval, and, where the data allow it, the finite-size-scaling fit of all sizes.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TransitionEstimate(String schema, double wOverTc, double[] ci95, int[] fromSizes, String method,
                                 double literature, String literatureReference, Scaling scaling,
                                 Provenance provenance) {
    public static final String SCHEMA = "dnp.transition-estimate/2";

    /**
     * The finite-size-scaling fit ⟨r⟩ = F(ψ L^{1/ν}, φ L^{−y}) of the chosen expansion orders, with
     * 95% bootstrap intervals over whole realizations; null where no order could be chosen.
     */
    public record Scaling(String order, double wOverTc, double[] wOverTcCi95, double nu, double[] nuCi95, Double y,
                          double[] yCi95, double chi2, int dof, double pValue, int bootstrap, int bootstrapFailed,
                          String choice, List<String> ordersTried, double nuLiterature,
                          String nuLiteratureReference) {}
}
