package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kpm.DampingKernel;

import java.util.List;

/**
 * Every observable of one realization: the document of {@code dnp single} and, with a {@code key}
 * and the ω bins as plain arrays ({@code correlatorArrays} instead of {@code correlator}), one line of a
 * sweep. With {@code method = kpm} the values are kernel-polynomial estimates (kernel-smoothed, with
 * the standard errors of the site sample) and the quantities that need single eigenstates (IPR, ⟨r⟩,
 * band edges, the binned K) are absent. Described field by field in docs/schema/realization.schema.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RealizationRecord(String schema, String key, @JsonProperty("L") int size, @JsonProperty("N") int sites,
                                double t, double w, BoundaryCondition boundary, Convention convention,
                                Method method, EigenStage driver, long seed,
                                long realization, String disorder, double ipr, double dosSecondMoment,
                                double gapRatio, int gapRatioCount, double overlapSum, double[] bandEdges,
                                String rateParts, LocalizationRecord localization, MicrowaveWeightsRecord microwaveWeights,
                                Kpm kpm, List<PairRecord> pairs, double correlatorBinWidth, List<CorrelatorBin> correlator,
                                CorrelatorArrays correlatorArrays, Dos dos, double[][] binnedCorrelator,
                                TimingsRecord timings, Provenance provenance) implements SweepLine {

    public static final String SCHEMA = "dnp.realization/1";

    /** P_n, P_n^GOE and the convention's numerator and denominator of every pair must be finite. */
    @Override
    public String nonFinite() {
        for (PairRecord p : pairs) {
            String at = " at (ω_n, ω_MW) = (" + p.omegaN() + ", " + p.omegaMW() + ")";
            if (!Double.isFinite(p.pn())) {
                return "P_n" + at;
            }
            if (!Double.isFinite(p.pnGoe())) {
                return "P_n^GOE" + at;
            }
            if (!Double.isFinite(p.numerator()) || !Double.isFinite(p.denominator())) {
                return "the numerator or denominator of P_n" + at;
            }
        }
        return null;
    }


    /**
     * How a KPM result was computed: M moments, the damping kernel, how the site sums were estimated and
     * the reconstruction grid. With {@code estimator = sites}: the S of N sites the local densities were
     * summed over (errors are standard errors of that sample). With {@code vectors}: every site
     * ({@code sampledSites} = N), R random vectors in J groups; errors are the noise of the vectors, with J
     * degrees of freedom ({@code errorDegreesOfFreedom}; a 95% interval is ±t_{0.975,J}·error).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Kpm(int moments, DampingKernel kernel, int sampledSites, int gridPoints, double energyResolution,
                      dnp.kpm.Estimator estimator, Integer vectors, Integer groups, Integer errorDegreesOfFreedom) {}

    /**
     * The localization length of the central states and the level spacing in a localization volume
     * (Eq. 31, 33): 1/ξ from the decay of ⟨ln|φ(r)|²⟩, ξ (null when the states do not decay), whether
     * ξ ≥ L, the participation length (1/⟨I_2⟩)^(1/3), ρ per site at the centre and Δ_ξ = 1/(ρ ξ³).
     */
    public record LocalizationRecord(int states, double decayRate, double xi, boolean exceedsSize,
                                     double participationLength, double centreDos, double levelSpacing) {}

    /**
     * The microwave weights A_α² = (Σ_i φ_αi)² of Eq. B3: their mean (= 1 by completeness), their
     * variance (1/N) Σ (A_α² − 1)², and (when asked for) every value in the order of the eigenvalues.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MicrowaveWeightsRecord(double mean, double variance, double[] values) {}

    /** One ω bin of K(ω), R(ω), C(ω) (bins centred on 0, δ, 2δ, …). */
    public record CorrelatorBin(double omega, @JsonProperty("K") double k, @JsonProperty("R") double r,
                                @JsonProperty("C") double c) {}

    /** K(ω) and R(ω) per bin as arrays (sweep lines). */
    public record CorrelatorArrays(@JsonProperty("K") double[] k, @JsonProperty("R") double[] r) {}

    /** Density of states of λ on [−halfWidth, halfWidth] in bins of binWidth (values per bin, bin centres implied). */
    public record Dos(double halfWidth, double binWidth, double[] density) {}

    /** Seconds per stage (null for a stage the method has not: dense has no moments, kpm no eigen stage). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimingsRecord(double build, double eigen, double overlaps, double observables, double extras,
                                double total, Double moments) {}

    /** K(ω) per bin, from either form. */
    public double[] correlatorK() {
        return correlatorArrays != null ? correlatorArrays.k() : correlator.stream().mapToDouble(CorrelatorBin::k).toArray();
    }

    /** R(ω) per bin, from either form. */
    public double[] correlatorR() {
        return correlatorArrays != null ? correlatorArrays.r() : correlator.stream().mapToDouble(CorrelatorBin::r).toArray();
    }
}
