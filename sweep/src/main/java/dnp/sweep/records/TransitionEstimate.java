package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/** estimate.json of dnp transition: w/t_c from the crossing of the two largest sizes, with its interval. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TransitionEstimate(String schema, double wOverTc, double[] ci95, int[] fromSizes, String method,
                                 double literature, String literatureReference, Provenance provenance) {
    public static final String SCHEMA = "dnp.transition-estimate/1";
}
