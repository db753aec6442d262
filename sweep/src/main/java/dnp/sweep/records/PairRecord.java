package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The results of one (ω_n, ω_MW) pair: P_n (Anderson, O → 1/N, sampled GOE, the resonant
 * approximation of Eq. 24 from the binned K(ε, ε′); absent under kpm and in older lines), the numerator and
 * denominator of the convention's P_n, the rate parts of Ω(±ω_n), and K, R, C in the ω bin centred on
 * ω_n; and what DNP experiments report of P_n: the thermal polarization P_n^thermal = tanh(β'ω_n/2) it is
 * measured against, the enhancement ε = P_n/P_n^thermal and the build-up time T_B = 1/(W₊ + W₋) in seconds
 * (absent in lines of earlier versions; docs/model.md#enhancement-and-build-up-time). Frequencies in
 * 2π·MHz. The errors (KPM only) are standard errors: of the site sample, or of the
 * random vectors (with J degrees of freedom, {@link RealizationRecord.Kpm}); with the vectors,
 * {@code KErrorTerms} holds each group's part of K's noise (their squares add up to KError²; one group's
 * terms at several ω_n, and at several t, are correlated, which fits across them need).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairRecord(double omegaN, double omegaMW, @JsonProperty("Pn") double pn,
                         @JsonProperty("PnGOE") double pnGoe, @JsonProperty("PnGOESampled") double pnGoeSampled,
                         @JsonProperty("PnEq24") Double pnEq24, @JsonProperty("PnThermal") Double pnThermal,
                         Double enhancement, Double buildUpTime,
                         double numerator, double denominator, RatePartsRecord emit, RatePartsRecord abs,
                         RatePartsRecord goeEmit, RatePartsRecord goeAbs, @JsonProperty("K") double k,
                         @JsonProperty("R") double r, @JsonProperty("C") double c, SitesRecord sites,
                         @JsonProperty("PnError") Double pnError, @JsonProperty("PnGOEError") Double pnGoeError,
                         Double enhancementError,
                         @JsonProperty("KError") Double kError, @JsonProperty("CError") Double cError,
                         @JsonProperty("KErrorTerms") double[] kErrorTerms) {
}
