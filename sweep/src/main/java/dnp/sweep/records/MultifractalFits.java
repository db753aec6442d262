package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * fits.json of dnp multifractal: D_2 (Eq. 32) for the mean and typical averages of I_2, with local
 * slopes and fits with a correction to scaling, and μ (Eq. 33) per size from the energy-resolved
 * overlap function, each with a 95% bootstrap interval and the count of resamples left out of it
 * ({@code bootstrapFailed}: no finite estimate); reference values with their sources.
 */
public record MultifractalFits(String schema, double ratio, double t, @JsonProperty("sizes") List<Integer> sizes,
                               double window, double muWindow, @JsonProperty("D2") List<D2Estimate> d2,
                               @JsonProperty("mu_bySize") List<MuEstimate> muBySize, MuEstimate mu,
                               @JsonProperty("mu_from_D2") double muFromD2,
                               @JsonProperty("D2_reference") Reference d2Reference,
                               @JsonProperty("mu_reference") Reference muReference,
                               @JsonProperty("D2_paper") Reference d2Paper, int bootstrap, String method,
                               Provenance provenance) {
    public static final String SCHEMA = "dnp.multifractal-fits/3";

    /** D_2 of one average ("mean" or "typical"). */
    public record D2Estimate(String average, @JsonProperty("D2") double d2, @JsonProperty("D2_ci95") double[] interval,
                             int bootstrapFailed, List<LocalSlope> localSlopes, List<CorrectedFit> corrected) {}

    /** D_2 from two successive sizes. */
    public record LocalSlope(@JsonProperty("L1") int smaller, @JsonProperty("L2") int larger,
                             @JsonProperty("D2") double d2, @JsonProperty("D2_ci95") double[] interval,
                             int bootstrapFailed) {}

    /** ln I_2 = c − D_2 ln L + b L^(−y) for one y; {@code refused} says why there is no fit (else null). */
    public record CorrectedFit(double y, @JsonProperty("D2") double d2, @JsonProperty("D2_ci95") double[] interval,
                               int bootstrapFailed, double chi2, int dof, double pValue, String refused) {}

    /** μ of one size over ω ∈ [lowSpacings·Δ_L, highTwoT·2t]. */
    public record MuEstimate(@JsonProperty("L") int size, double mu, @JsonProperty("mu_ci95") double[] interval,
                             int bootstrapFailed, double lowSpacings, double highTwoT, double[] omegaRange, int bins) {}

    /** A literature value and where it comes from. */
    public record Reference(double value, String source) {}
}
