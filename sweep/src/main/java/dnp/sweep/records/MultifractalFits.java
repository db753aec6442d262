package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** fits.json of dnp multifractal: D_2 (Eq. 32) and μ (Eq. 33) with 95% bootstrap intervals. */
public record MultifractalFits(String schema, double ratio, double t, @JsonProperty("D2") double d2,
                               @JsonProperty("D2_ci95") double[] d2Interval,
                               @JsonProperty("D2_literature") double d2Literature,
                               @JsonProperty("D2_sizes") List<Integer> d2Sizes, double mu,
                               @JsonProperty("mu_ci95") double[] muInterval,
                               @JsonProperty("mu_fitRange") double[] muFitRange, @JsonProperty("mu_size") int muSize,
                               @JsonProperty("mu_from_D2") double muFromD2,
                               @JsonProperty("mu_literature") double muLiterature, String method,
                               Provenance provenance) {
    public static final String SCHEMA = "dnp.multifractal-fits/1";
}
